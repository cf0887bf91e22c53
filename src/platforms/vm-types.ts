// The hypervisor behind each VM type the platforms name, in the words of their docs.
const HYPERVISORS: Record<string, string> = {
  vz: 'Apple Virtualization.framework',
  'apple-virtualization': 'Apple Virtualization.framework',
  applehv: 'Apple Virtualization.framework (vfkit)',
  krunkit: 'libkrun (krunkit)',
  libkrun: 'libkrun (krunkit)',
  qemu: 'QEMU',
  'qemu-kvm': 'QEMU, KVM',
  'qemu-tcg': 'QEMU, TCG',
  firecracker: 'Firecracker',
  'cloud-hypervisor': 'Cloud Hypervisor',
  crosvm: 'crosvm',
  hyperkit: 'HyperKit',
  wsl2: 'Hyper-V (the WSL 2 utility VM)',
  wsl: 'Hyper-V (the WSL 2 utility VM)',
  'hyper-v': 'Hyper-V',
  hyperv: 'Hyper-V',
  // Docker Desktop 4.79 and earlier ran it on libkrun; 4.86 and later on Docker's own hypervisor (docker/docs#25726).
  'docker-vmm': "Docker VMM (libkrun up to Docker Desktop 4.79, Docker's own hypervisor from 4.86)",
};

export function hypervisorOf(vmType: string): string | null {
  return HYPERVISORS[vmType] ?? null;
}
