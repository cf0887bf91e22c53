#!/usr/bin/env bash
# The VM lab: a real Linux VM (QEMU) whose Docker engine sees the lab's shared directories through virtiofs or 9p,
# at the same paths as on the host, while its volumes and its images live on the VM's own ext4 disk: the shape of
# Docker Desktop, Colima or Lima on a Mac, on one Linux machine.
#
# Sourced by scripts/sharing-lab.sh (which gives it say, die, alive, stop_pidfile, shared_dirs, REPO and IMAGE);
# use it through that script: `sharing-lab.sh up --vm [--share virtiofs|9p]`, `down [--vm] [--purge]`, `status`.
#
# The guest is Debian bookworm built offline from Debian's packages (debootstrap), with the generic kernel (the cloud
# kernel has no 9p) and an init of its own instead of systemd (guest_init below). The build is cached under
# $VM_CACHE/<hash of the recipe>/ (disk.img, vmlinuz, initrd.img); each boot runs on a copy-on-write qcow2 overlay
# of disk.img, so the cache stays clean, a boot costs no copy of 1.5 GB, and `down` only has to delete the overlay.
# The first boot that loads the image into the guest keeps its overlay beside the build as a preloaded layer,
# image-<image id>.qcow2 (vm_save_layer), which later boots start from: the image is already there.
#
# Env: MOUNTBENCH_VM_PORT        loopback port of the VM's Docker API (default 22375)
#      MOUNTBENCH_VM_CPUS        guest CPUs (default 2)
#      MOUNTBENCH_VM_MEMORY_MIB  guest memory (default 4096)
#      MOUNTBENCH_VM_DISK        size of the guest's disk, sparse (default 16G)
#      MOUNTBENCH_VM_ACCEL       auto (default: KVM if a short boot under KVM works, else TCG), kvm or tcg
#      MOUNTBENCH_VM_BOOT_TIMEOUT seconds to wait for the VM's Docker API (default 300)
#      MOUNTBENCH_VM_CACHE       where the guest build is kept (default /var/cache/mountbench-vm)
#      MOUNTBENCH_VM_VIRTIOFSD   the virtiofsd to run (default /usr/lib/qemu/virtiofsd, Debian 12's)

VM_STATE=/run/mountbench-vm
VM_DATA=/var/lib/mountbench-vm
VM_CACHE=${MOUNTBENCH_VM_CACHE:-/var/cache/mountbench-vm}
VM_CONTEXT=mountbench-vm
VM_PORT=${MOUNTBENCH_VM_PORT:-22375}
VM_CPUS=${MOUNTBENCH_VM_CPUS:-2}
VM_MEMORY_MIB=${MOUNTBENCH_VM_MEMORY_MIB:-4096}
VM_DISK_SIZE=${MOUNTBENCH_VM_DISK:-16G}
VM_BOOT_TIMEOUT=${MOUNTBENCH_VM_BOOT_TIMEOUT:-300}
VM_SUITE=bookworm
# The generic kernel: linux-image-cloud-amd64 has no 9p.
VM_PACKAGES=docker.io,linux-image-amd64,initramfs-tools,kmod,iproute2,procps,udev,ca-certificates
# Debian 12's QEMU 7.2 ships the C virtiofsd; later QEMUs dropped it for the Rust one (Debian and Ubuntu package
# `virtiofsd`, /usr/libexec/virtiofsd), which still takes the legacy -o options used here.
VIRTIOFSD=${MOUNTBENCH_VM_VIRTIOFSD:-/usr/lib/qemu/virtiofsd}
# A short boot under KVM reaches its root-mount panic in about a second, under TCG in about 6 s; on these machines a
# KVM guest hangs with no output at all, so the probe gives up after this and the lab falls back to TCG.
VM_PROBE_TIMEOUT=15

vm_say() { say "vm: $*"; }

now() { echo "$EPOCHREALTIME"; }
since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }

vm_endpoint() { cat "$VM_STATE/endpoint" 2>/dev/null || echo "tcp://127.0.0.1:$VM_PORT"; }
vm_answers() {
  [ -f "$VM_STATE/endpoint" ] && alive "$VM_STATE/qemu.pid" \
    && timeout 10 docker -H "$(vm_endpoint)" version >/dev/null 2>&1
}

vm_install_packages() {
  local missing=()
  command -v qemu-system-x86_64 >/dev/null || missing+=(qemu-system-x86)
  command -v qemu-img >/dev/null || missing+=(qemu-utils)
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  command -v mkfs.ext4 >/dev/null || missing+=(e2fsprogs)
  command -v jq >/dev/null || missing+=(jq)
  command -v docker >/dev/null || missing+=(docker.io)
  if [ ${#missing[@]} -gt 0 ]; then
    vm_say "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  [ -x "$VIRTIOFSD" ] || die "$VIRTIOFSD is missing (Debian 12's qemu-system-x86 ships it; elsewhere install the virtiofsd package and set MOUNTBENCH_VM_VIRTIOFSD=/usr/libexec/virtiofsd)"
}

# PID 1 of the guest, written to /sbin/mountbench-init. The host tells it what to mount on the kernel command line:
# mountbench.share=virtiofs|9p and mountbench.dirs=DIR,DIR,... (tags mb0, mb1, ... in that order).
guest_init() {
  cat <<'EOF'
#!/bin/sh
# PID 1 of the mountbench VM lab (no systemd): written by mountbench's scripts/vm-lab.sh.
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH
log() { echo "mountbench-init: $*"; }

mountpoint -q /proc || mount -t proc proc /proc
mountpoint -q /sys || mount -t sysfs sysfs /sys
mountpoint -q /dev || mount -t devtmpfs devtmpfs /dev
mount -o remount,rw /
mkdir -p /dev/pts /dev/shm
mount -t devpts -o gid=5,mode=620,ptmxmode=666 devpts /dev/pts
mount -t tmpfs -o mode=1777 tmpfs /dev/shm
mount -t tmpfs -o mode=755 tmpfs /run
mount -t cgroup2 cgroup2 /sys/fs/cgroup
mount --make-rshared /
hostname mountbench-vm

share=
dirs=
for arg in $(cat /proc/cmdline); do
  case $arg in
    mountbench.share=*) share=${arg#*=} ;;
    mountbench.dirs=*) dirs=${arg#*=} ;;
  esac
done
log "kernel $(uname -r), $(nproc) CPUs, share $share: $dirs"

modprobe -a virtio_net overlay br_netfilter 2>/dev/null
case $share in
  virtiofs) modprobe virtiofs ;;
  9p) modprobe -a 9p 9pnet_virtio ;;
esac

# The NIC: udev in the initramfs names it ens3 on QEMU's pc machine, but take the first one there is.
ip link set lo up
nic=
for _ in $(seq 1 100); do
  for path in /sys/class/net/*; do
    name=${path##*/}
    [ "$name" = lo ] || { nic=$name; break; }
  done
  [ -n "$nic" ] && break
  sleep 0.2
done
if [ -n "$nic" ]; then
  ip addr add 10.0.2.15/24 dev "$nic"
  ip link set "$nic" up
  ip route add default via 10.0.2.2
  log "network: $nic 10.0.2.15/24"
else
  log "no network interface appeared"
fi

# The shares, at the same paths as on the host.
i=0
IFS=,
for dir in $dirs; do
  mkdir -p "$dir"
  case $share in
    virtiofs) mount -t virtiofs "mb$i" "$dir" ;;
    9p) mount -t 9p -o trans=virtio,version=9p2000.L,msize=512000,cache=mmap "mb$i" "$dir" ;;
  esac && log "mounted mb$i on $dir ($share)" || log "could not mount mb$i on $dir ($share)"
  i=$((i + 1))
done
unset IFS

# Docker's data root stays on the guest's own ext4 disk; runc's console sockets go under TMPDIR, which must not be
# a share (/tmp is one).
mkdir -p /var/lib/docker /var/lib/mountbench-tmp
export TMPDIR=/var/lib/mountbench-tmp
while :; do
  log "starting dockerd on tcp://0.0.0.0:2375"
  dockerd -H tcp://0.0.0.0:2375 -H unix:///run/docker.sock --data-root /var/lib/docker &
  # wait also reaps the orphans that end up with PID 1 (containerd's shims).
  wait $!
  log "dockerd exited with $?; starting it again in 2 s"
  sleep 2
done
EOF
}

# Everything that decides what the guest is; its hash names the cache entry.
vm_recipe_key() {
  { declare -f vm_build guest_init; echo "$VM_SUITE $VM_PACKAGES $VM_DISK_SIZE"; } | sha256sum | cut -c1-16
}

# Unmount whatever a killed debootstrap left mounted under DIR (its chroot's /proc, /sys, ...), then remove DIR
# without crossing into another file system.
vm_remove_tree() {
  local dir=$1 mnt
  [ -e "$dir" ] || return 0
  for mnt in $(awk -v d="$dir/" 'index($2, d) == 1 { print $2 }' /proc/mounts | sort -r); do
    umount -l "$mnt" 2>/dev/null || true
  done
  rm -rf --one-file-system "$dir"
}

vm_build() {
  local key=$1 tmp root kernel
  tmp=$(mktemp -d "$VM_CACHE/build.XXXXXX")
  root=$tmp/rootfs
  # shellcheck disable=SC2064  # the path is fixed now
  trap "vm_remove_tree '$tmp'" EXIT
  vm_say "building the guest (debootstrap $VM_SUITE: ${VM_PACKAGES//,/ }); log: $tmp/debootstrap.log"
  debootstrap --variant=minbase --include="$VM_PACKAGES" "$VM_SUITE" "$root" >"$tmp/debootstrap.log" 2>&1 \
    || { tail -20 "$tmp/debootstrap.log" >&2; die "debootstrap failed"; }
  guest_init >"$root/sbin/mountbench-init"
  chmod 0755 "$root/sbin/mountbench-init"
  echo mountbench-vm >"$root/etc/hostname"
  printf '127.0.0.1\tlocalhost\n127.0.1.1\tmountbench-vm\n' >"$root/etc/hosts"
  # QEMU's user network has its DNS at 10.0.2.3; restrict=on keeps the guest off the internet anyway.
  echo 'nameserver 10.0.2.3' >"$root/etc/resolv.conf"
  kernel=$(ls "$root/lib/modules" | sort -V | tail -1)
  [ -n "$kernel" ] && [ -f "$root/boot/vmlinuz-$kernel" ] && [ -f "$root/boot/initrd.img-$kernel" ] \
    || die "the guest has no kernel or initrd in /boot"
  cp "$root/boot/vmlinuz-$kernel" "$tmp/vmlinuz"
  cp "$root/boot/initrd.img-$kernel" "$tmp/initrd.img"
  echo "$kernel" >"$tmp/kernel-version"
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root"/boot/*.dpkg-bak
  # Inode tables written now (sparse file, ~1.5 GB used): with lazy init the guest's kernel would spend emulated CPU
  # zeroing them in the background, under the benchmarks.
  mkfs.ext4 -q -F -L mountbench-vm -E lazy_itable_init=0,lazy_journal_init=0 -d "$root" "$tmp/disk.img" "$VM_DISK_SIZE" \
    >"$tmp/mkfs.log" 2>&1 || { cat "$tmp/mkfs.log" >&2; die "mkfs.ext4 of the guest's disk failed"; }
  rm -rf --one-file-system "$root"
  mv "$tmp" "$VM_CACHE/$key"
  trap - EXIT
}

# Prints the cache directory of the current recipe, building it first if needed; older builds are removed.
vm_ensure_build() {
  local key dir old
  key=$(vm_recipe_key)
  dir=$VM_CACHE/$key
  mkdir -p "$VM_CACHE"
  if [ -f "$dir/disk.img" ]; then
    vm_say "guest build $key is cached in $dir"
    return 0
  fi
  for old in "$VM_CACHE"/*/; do
    [ -d "$old" ] || continue
    vm_say "removing an older guest build: $old"
    vm_remove_tree "${old%/}"
  done
  vm_build "$key"
}

# KVM if /dev/kvm really runs a guest: a short boot of the guest's kernel with no root file system must reach its
# "VFS: Unable to mount root" panic (QEMU then exits, -no-reboot) before the timeout. Sets ACCEL and ACCEL_REASON.
vm_choose_accel() {
  local dir=$1 log=$VM_STATE/kvm-probe.log start
  case ${MOUNTBENCH_VM_ACCEL:-auto} in
    kvm | tcg) ACCEL=$MOUNTBENCH_VM_ACCEL; ACCEL_REASON="MOUNTBENCH_VM_ACCEL=$ACCEL"; return 0 ;;
    auto) ;;
    *) die "MOUNTBENCH_VM_ACCEL must be auto, kvm or tcg" ;;
  esac
  ACCEL=tcg
  if [ ! -c /dev/kvm ] || ! : 2>/dev/null <>/dev/kvm; then
    ACCEL_REASON="/dev/kvm cannot be opened"
    return 0
  fi
  start=$(now)
  timeout "$VM_PROBE_TIMEOUT" qemu-system-x86_64 -accel kvm -cpu host -m 256 -smp 1 -nodefaults -no-user-config \
    -display none -no-reboot -serial "file:$log" -pidfile "$VM_STATE/kvm-probe.pid" \
    -kernel "$dir/vmlinuz" -append "console=ttyS0 panic=-1" >"$VM_STATE/kvm-probe.out" 2>&1 9>&- || true
  rm -f "$VM_STATE/kvm-probe.pid"
  if grep -q 'Kernel panic' "$log" 2>/dev/null; then
    ACCEL=kvm
    ACCEL_REASON="a short boot under KVM reached the kernel's root-mount panic in $(since "$start") s"
  elif [ -s "$log" ]; then
    ACCEL_REASON="a short boot under KVM stopped after $(wc -l <"$log") console lines, without reaching the root-mount panic in ${VM_PROBE_TIMEOUT} s"
  else
    ACCEL_REASON="a short boot under KVM printed nothing in ${VM_PROBE_TIMEOUT} s ($(head -c 200 "$VM_STATE/kvm-probe.out" | tr '\n' ' ')): the guest hangs"
  fi
}

# One up --vm at a time; down cleans up half-done builds only when no up holds the lock.
vm_lock() {
  [ -n "${VM_LOCKED:-}" ] && return 0
  mkdir -p "$VM_CACHE"
  exec 9>"$VM_CACHE/lock"
  flock -n 9 || return 1
  VM_LOCKED=1
}
vm_unlock() { [ -z "${VM_LOCKED:-}" ] || { exec 9>&-; VM_LOCKED=; }; }

vm_port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$VM_PORT") 2>/dev/null; }

vm_start_virtiofsd() {
  local i=0 dir sock
  : >"$VM_STATE/virtiofsd.pids"
  for dir in "$@"; do
    sock=$VM_STATE/virtiofs-$i.sock
    setsid "$VIRTIOFSD" "--socket-path=$sock" -o "source=$dir" -o cache=auto \
      >"$VM_STATE/virtiofsd-$i.log" 2>&1 </dev/null 9>&- &
    echo $! >>"$VM_STATE/virtiofsd.pids"
    for _ in $(seq 1 50); do [ -S "$sock" ] && break; sleep 0.1; done
    [ -S "$sock" ] || { cat "$VM_STATE/virtiofsd-$i.log" >&2; die "virtiofsd for $dir did not open $sock"; }
    i=$((i + 1))
  done
}

# The preloaded layer of this build for $IMAGE: the guest's disk with the image loaded and nothing else.
vm_layer() { echo "$1/image-$(docker image inspect --format '{{.Id}}' "$IMAGE" | sed 's/^sha256://' | cut -c1-12).qcow2"; }

# One command to QEMU's human monitor; prints its answer (nothing when a command such as snapshot_blkdev succeeds).
vm_monitor() {
  python3 - "$VM_STATE/monitor.sock" "$1" <<'PY'
import re, socket, sys
sock = socket.socket(socket.AF_UNIX)
sock.settimeout(300)
sock.connect(sys.argv[1])
def until_prompt():
    data = b''
    while not data.endswith(b'(qemu) '):
        chunk = sock.recv(4096)
        if not chunk:
            break
        data += chunk
    return data.decode(errors='replace')
until_prompt()
sock.sendall(sys.argv[2].encode() + b'\n')
lines = re.sub(r'\x1b\[[0-9;]*[A-Za-z]|\r', '', until_prompt()).split('\n')
print('\n'.join(lines[1:-1]).strip())
PY
}

# Right after the first load of $IMAGE into a guest booted from disk.img: make that boot's overlay the cached layer.
# The guest's page cache is flushed through its engine (a privileged helper in PID 1's mount namespace), then a live
# snapshot moves QEMU's writes to a new overlay, so the old one holds the image and nothing after it while the guest
# goes on running. The layer is written under a temporary name and renamed when whole.
vm_save_layer() {
  local dir=$1 endpoint layer tmp answer old
  endpoint=$(vm_endpoint)
  layer=$(vm_layer "$dir")
  tmp=$dir/.$(basename "$layer").tmp
  docker -H "$endpoint" run --rm --privileged --pid host --network none --label mountbench.vm-lab=flush \
    "$IMAGE" nsenter -t 1 -m -- sync || { vm_say "could not flush the guest: no preloaded layer"; return 1; }
  # The helper's removal is metadata only, which ext4 commits to its journal within 5 s.
  sleep 6
  answer=$(vm_monitor "snapshot_blkdev virtio0 $VM_DATA/top.qcow2 qcow2") && [ -z "$answer" ] \
    || { vm_say "the live snapshot failed (${answer:-no answer}): no preloaded layer"; return 1; }
  ln -f "$VM_DATA/overlay.qcow2" "$tmp" 2>/dev/null || cp --sparse=always "$VM_DATA/overlay.qcow2" "$tmp"
  mv -f "$tmp" "$layer"
  for old in "$dir"/image-*.qcow2; do [ "$old" = "$layer" ] || rm -f "$old"; done
}

vm_boot() {
  local dir=$1 share=$2 kernel dirs i=0 d args=() layer
  shift 2
  kernel=$(cat "$dir/kernel-version")
  dirs=$(IFS=,; echo "$*")
  layer=$(vm_layer "$dir")
  if [ -f "$layer" ]; then
    vm_say "starting from the preloaded layer $layer"
    qemu-img create -q -f qcow2 -b "$layer" -F qcow2 "$VM_DATA/overlay.qcow2" >/dev/null
  else
    qemu-img create -q -f qcow2 -b "$dir/disk.img" -F raw "$VM_DATA/overlay.qcow2" >/dev/null
  fi
  args=(-name mountbench-vm -nodefaults -no-user-config -display none
    -smp "$VM_CPUS" -m "${VM_MEMORY_MIB}M"
    -kernel "$dir/vmlinuz" -initrd "$dir/initrd.img"
    -append "root=/dev/vda rw init=/sbin/mountbench-init console=ttyS0 panic=-1 mountbench.share=$share mountbench.dirs=$dirs"
    -drive "file=$VM_DATA/overlay.qcow2,format=qcow2,if=virtio"
    -nic "user,model=virtio-net-pci,restrict=on,hostfwd=tcp:127.0.0.1:$VM_PORT-:2375"
    -device virtio-rng-pci
    -serial "file:$VM_STATE/serial.log"
    -monitor "unix:$VM_STATE/monitor.sock,server=on,wait=off"
    -pidfile "$VM_STATE/qemu.pid" -daemonize)
  case $ACCEL in
    kvm) args+=(-accel kvm -cpu host) ;;
    tcg) args+=(-accel "tcg,thread=multi" -cpu max) ;;
  esac
  case $share in
    virtiofs)
      # vhost-user devices need the guest's memory shared with virtiofsd.
      args+=(-object "memory-backend-memfd,id=mem,size=${VM_MEMORY_MIB}M,share=on" -numa "node,memdev=mem")
      vm_start_virtiofsd "$@"
      for d in "$@"; do
        args+=(-chardev "socket,id=vfs$i,path=$VM_STATE/virtiofs-$i.sock" -device "vhost-user-fs-pci,chardev=vfs$i,tag=mb$i")
        i=$((i + 1))
      done
      ;;
    9p)
      for d in "$@"; do
        args+=(-fsdev "local,id=fs$i,path=$d,security_model=none,multidevs=remap" -device "virtio-9p-pci,fsdev=fs$i,mount_tag=mb$i")
        i=$((i + 1))
      done
      ;;
  esac
  vm_say "booting the guest (kernel $kernel, $ACCEL, $VM_CPUS CPUs, $VM_MEMORY_MIB MiB, $share: $*); console: $VM_STATE/serial.log"
  qemu-system-x86_64 "${args[@]}" >"$VM_STATE/qemu.log" 2>&1 9>&- \
    || { cat "$VM_STATE/qemu.log" >&2; die "qemu did not start (then: $0 down)"; }
}

vm_wait_engine() {
  local deadline=$((SECONDS + VM_BOOT_TIMEOUT))
  while [ $SECONDS -lt $deadline ]; do
    vm_answers && return 0
    alive "$VM_STATE/qemu.pid" || break
    sleep 1
  done
  tail -30 "$VM_STATE/serial.log" >&2 || true
  alive "$VM_STATE/qemu.pid" || { cat "$VM_STATE/qemu.log" >&2; die "qemu exited before the VM's engine answered (then: $0 down)"; }
  die "the VM's engine did not answer at $(vm_endpoint) within $VM_BOOT_TIMEOUT s; console above and in $VM_STATE/serial.log (then: $0 down)"
}

vm_copy_image() {
  local endpoint
  endpoint=$(vm_endpoint)
  docker image inspect "$IMAGE" >/dev/null 2>&1 || die "$IMAGE is not on the host engine (run: npm run engine)"
  docker -H "$endpoint" image inspect "$IMAGE" >/dev/null 2>&1 && return 1
  vm_say "copying $IMAGE into the VM's engine"
  docker save "$IMAGE" | docker -H "$endpoint" load >/dev/null || die "loading $IMAGE into the VM failed"
}

# The facts mountbench can read: $VM_STATE/lab.json.
vm_write_facts() {
  local share=$1 build=$2 boot=$3 load=$4 dirs=$5 layer=${6:-} kernel engine
  kernel=$(docker -H "$(vm_endpoint)" info --format '{{.KernelVersion}}' 2>/dev/null || cat "$VM_STATE/kernel-version")
  engine=$(docker -H "$(vm_endpoint)" version --format '{{.Server.Version}}' 2>/dev/null || echo unknown)
  jq -n --arg context "$VM_CONTEXT" --arg endpoint "$(vm_endpoint)" --arg accel "$ACCEL" --arg accelReason "$ACCEL_REASON" \
    --argjson cpus "$VM_CPUS" --argjson memoryMiB "$VM_MEMORY_MIB" --arg share "$share" --arg dirs "$dirs" \
    --arg kernel "$kernel" --arg engine "$engine" --arg qemu "$(qemu-system-x86_64 --version | head -1)" \
    --argjson qemuPid "$(cat "$VM_STATE/qemu.pid")" --arg vfsPids "$(cat "$VM_STATE/virtiofsd.pids" 2>/dev/null)" \
    --arg image "$IMAGE" --arg recipe "$(vm_recipe_key)" --arg disk "$VM_DISK_SIZE" --arg startedAt "$(cat "$VM_STATE/started-at")" \
    --arg serialLog "$VM_STATE/serial.log" --arg build "$build" --arg boot "$boot" --arg load "$load" \
    --arg layer "$layer" --arg layerFile "$(cat "$VM_STATE/layer" 2>/dev/null)" '{
      kind: "qemu", context: $context, endpoint: $endpoint,
      accel: $accel, accelReason: $accelReason, cpus: $cpus, memoryMiB: $memoryMiB, disk: $disk,
      share: $share, sharedDirs: ($dirs | split(" ") | map(select(length > 0))),
      kernelVersion: $kernel, engineVersion: $engine, qemuVersion: $qemu,
      qemuPid: $qemuPid, virtiofsdPids: ($vfsPids | split("\n") | map(select(length > 0) | tonumber)),
      image: $image, guestRecipe: $recipe, startedAt: $startedAt, serialLog: $serialLog,
      preloadedLayer: (if $layerFile == "" then null else $layerFile end),
      seconds: { build: ($build | tonumber? // null), bootToApi: ($boot | tonumber), imageLoad: ($load | tonumber? // null),
        layerSave: ($layer | tonumber? // null) }
    }' >"$VM_STATE/lab.json.new"
  mv "$VM_STATE/lab.json.new" "$VM_STATE/lab.json"
}

vm_up() {
  local share=$1 dir start build=cached boot load=none layer=none dirs running
  vm_lock || die "another up --vm is running"
  if vm_answers; then
    running=$(jq -r .share "$VM_STATE/lab.json" 2>/dev/null || echo unknown)
    [ "$running" = "$share" ] || die "the VM lab already runs with --share $running; run down first"
    vm_say "the VM lab already answers at $(vm_endpoint) ($running, context $VM_CONTEXT)"
    return 0
  fi
  if [ -e "$VM_STATE" ] || [ -e "$VM_DATA" ]; then
    vm_say "removing what an earlier up left"
    vm_down
  fi
  vm_port_free || die "127.0.0.1:$VM_PORT is taken; choose another port with MOUNTBENCH_VM_PORT"
  # The guest's engine gets its image from the host's (and the preloaded layer is named by it): check before booting.
  docker image inspect "$IMAGE" >/dev/null 2>&1 \
    || die "$IMAGE is not on the host engine, or the host engine does not answer: the VM's engine would have no image (run: npm run engine)"
  vm_install_packages
  mkdir -p "$VM_STATE" "$VM_DATA"
  date -u +%Y-%m-%dT%H:%M:%SZ >"$VM_STATE/started-at"
  echo "tcp://127.0.0.1:$VM_PORT" >"$VM_STATE/endpoint"
  dirs=$(shared_dirs)
  [ -n "$dirs" ] || die "no directory to share (MOUNTBENCH_LAB_SHARED)"

  start=$(now)
  if [ ! -f "$VM_CACHE/$(vm_recipe_key)/disk.img" ]; then
    vm_ensure_build
    build=$(since "$start")
    vm_say "built the guest in $build s"
  else
    vm_ensure_build
  fi
  dir=$VM_CACHE/$(vm_recipe_key)
  cp "$dir/kernel-version" "$VM_STATE/kernel-version"

  start=$(now)
  vm_choose_accel "$dir"
  vm_say "accelerator: $ACCEL ($ACCEL_REASON, $(since "$start") s)"

  start=$(now)
  # shellcheck disable=SC2086  # shared_dirs gives words
  vm_boot "$dir" "$share" $dirs
  vm_wait_engine
  boot=$(since "$start")
  vm_say "the VM's engine answers at $(vm_endpoint) $boot s after boot"
  # A flush helper whose removal did not reach the preloaded layer's disk in time.
  docker -H "$(vm_endpoint)" ps -aq --filter label=mountbench.vm-lab=flush | xargs -r docker -H "$(vm_endpoint)" rm -f >/dev/null
  docker context rm -f "$VM_CONTEXT" >/dev/null 2>&1 || true
  docker context create "$VM_CONTEXT" --description "mountbench VM lab (QEMU $ACCEL, $share)" \
    --docker "host=$(vm_endpoint)" >/dev/null
  vm_write_facts "$share" "$build" "$boot" "" "$dirs"

  start=$(now)
  if vm_copy_image; then
    load=$(since "$start")
    vm_say "copied $IMAGE in $load s"
    start=$(now)
    if vm_save_layer "$dir"; then
      layer=$(since "$start")
      vm_say "kept the guest with $IMAGE as the preloaded layer $(vm_layer "$dir") in $layer s"
    fi
  fi
  [ -f "$(vm_layer "$dir")" ] && vm_layer "$dir" >"$VM_STATE/layer"
  vm_write_facts "$share" "$build" "$boot" "$load" "$dirs" "$layer"
  [ "$build" = cached ] || build="$build s"
  if [ "$load" = none ]; then load="none (already there)"; else load="$load s"; fi
  [ "$layer" = none ] || layer="$layer s"
  vm_say "timings: build $build, boot to API $boot s, image load $load, preloaded layer saved $layer"
  vm_unlock
}

vm_down() {
  local pid
  if [ -d "$VM_STATE" ] || [ -d "$VM_DATA" ]; then
    vm_say "stopping the VM lab"
    stop_pidfile "$VM_STATE/kvm-probe.pid"
    stop_pidfile "$VM_STATE/qemu.pid"
    if [ -f "$VM_STATE/virtiofsd.pids" ]; then
      # virtiofsd ends when QEMU closes its socket; one that never got a guest is stopped here.
      while read -r pid; do
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
      done <"$VM_STATE/virtiofsd.pids"
    fi
  fi
  docker context rm -f "$VM_CONTEXT" >/dev/null 2>&1 || true
  rm -rf "$VM_STATE" "$VM_DATA"
  # A build that an interrupted up left half-done (with its chroot's mounts).
  local was_locked=${VM_LOCKED:-} build
  if [ -d "$VM_CACHE" ] && vm_lock; then
    for build in "$VM_CACHE"/build.* "$VM_CACHE"/*/.image-*.tmp; do [ -e "$build" ] && vm_remove_tree "$build"; done
    [ -n "$was_locked" ] || vm_unlock
  fi
}

vm_purge() {
  [ -d "$VM_CACHE" ] || return 0
  vm_lock || die "an up --vm is running; run down again when it has stopped"
  vm_say "removing the cached guest build ($VM_CACHE)"
  vm_remove_tree "$VM_CACHE"
}

vm_status() {
  if vm_answers; then
    vm_say "up at $(vm_endpoint) (context $VM_CONTEXT): $(jq -r '"\(.accel), \(.cpus) CPUs, \(.memoryMiB) MiB, kernel \(.kernelVersion), bind mounts through \(.share): \(.sharedDirs | join(" "))"' "$VM_STATE/lab.json" 2>/dev/null); facts in $VM_STATE/lab.json"
    return 0
  fi
  if [ -d "$VM_STATE" ]; then vm_say "not answering (a failed or unfinished up; run down)"; else vm_say "down"; fi
  return 3
}
