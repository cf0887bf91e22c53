#!/usr/bin/env bash
# A Mac-like "slow file sharing" Docker platform on one Linux machine, and Podman beside it.
#
# On a Mac, bind mounts are slow because every file operation crosses from the Linux VM to the host's file system.
# This lab reproduces that shape with real parts: a second dockerd in a mount namespace of its own, in which the
# shared directories are over-mounted by a FUSE view of themselves (sshfs over loopback, like Lima's reverse-sshfs,
# or bindfs), while its volumes stay on its own local storage and the host keeps the real, fast directories.
# The engine runs in a network namespace of its own (containers get no network; mountbench runs samples offline
# anyway), so it cannot touch the host's bridges or firewall.
#
#   scripts/sharing-lab.sh up [--via sshfs|bindfs] [--podman]   start (idempotent); --podman also starts Podman
#   scripts/sharing-lab.sh down                                  stop and remove everything the lab made
#   scripts/sharing-lab.sh status                                what runs
#
# The lab registers the docker context `mountbench-lab`; Podman answers at unix:///run/podman/podman.sock.
# Env: MOUNTBENCH_LAB_SHARED  directories shared through FUSE (default: this repository, the current directory,
#                             /work and /tmp; like Docker Desktop's shared /Users and /tmp)
#      MOUNTBENCH_LAB_IMAGE   image copied into the lab engines (default: mountbench/node:offline)
set -euo pipefail

STATE=/run/mblab
DATA_ROOT=/var/lib/mountbench-lab
SOCKET=$STATE/docker.sock
CONTEXT=mountbench-lab
SSH_PORT=${MOUNTBENCH_LAB_SSH_PORT:-22722}
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
IMAGE=${MOUNTBENCH_LAB_IMAGE:-mountbench/node:offline}
PODMAN_SOCKET=/run/podman/podman.sock
PODMAN_STATE=$STATE/podman

say() { printf 'sharing-lab: %s\n' "$*" >&2; }
die() { say "$*"; exit 2; }
# A process may remove its own pid file as it ends (QEMU does): a file gone meanwhile is a process gone.
alive() { local pid; pid=$(cat "$1" 2>/dev/null) && kill -0 "$pid" 2>/dev/null; }
lab_answers() { docker -H "unix://$SOCKET" info >/dev/null 2>&1; }
podman_answers() { docker -H "unix://$PODMAN_SOCKET" version >/dev/null 2>&1; }

# The directories to share, parents before children, each existing one once: a directory inside another shared one
# is already shared. `/` and the system's own trees are refused, they hold the lab's storage and the tools it runs.
shared_dirs() {
  local wanted=${MOUNTBENCH_LAB_SHARED:-"$REPO $PWD /work /tmp"} dir kept=() k inside
  for dir in $(printf '%s\n' $wanted | sort -u); do
    [ -d "$dir" ] || continue
    dir=$(cd "$dir" && pwd -P)
    case $dir in
      / | /bin* | /boot* | /dev* | /etc* | /lib* | /proc* | /run* | /sbin* | /sys* | /usr* | /var*)
        say "not sharing $dir: it holds the system or the lab's own storage"; continue ;;
    esac
    inside=no
    for k in "${kept[@]}"; do case $dir/ in "$k"/*) inside=yes ;; esac; done
    [ $inside = yes ] || kept+=("$dir")
  done
  echo "${kept[*]}"
}

require_root() { [ "$(id -u)" = 0 ] || die "needs root (it starts daemons and mounts file systems)"; }

install_packages() {
  local missing=()
  command -v dockerd >/dev/null || missing+=(docker.io)
  command -v sshfs >/dev/null || missing+=(sshfs)
  command -v bindfs >/dev/null || missing+=(bindfs)
  [ -x /usr/sbin/sshd ] || missing+=(openssh-server)
  if [ "${WITH_PODMAN:-0}" = 1 ]; then command -v podman >/dev/null || missing+=(podman); fi
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

start_sshd() {
  alive "$STATE/sshd.pid" && return 0
  mkdir -p /run/sshd
  [ -f "$STATE/host_key" ] || ssh-keygen -q -t ed25519 -N '' -f "$STATE/host_key"
  [ -f "$STATE/client_key" ] || ssh-keygen -q -t ed25519 -N '' -f "$STATE/client_key"
  cp "$STATE/client_key.pub" "$STATE/authorized_keys"
  cat >"$STATE/sshd_config" <<EOF
Port $SSH_PORT
ListenAddress 127.0.0.1
HostKey $STATE/host_key
PidFile $STATE/sshd.pid
AuthorizedKeysFile $STATE/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
Subsystem sftp internal-sftp
EOF
  /usr/sbin/sshd -f "$STATE/sshd_config"
  for _ in $(seq 1 20); do alive "$STATE/sshd.pid" && return 0; sleep 0.2; done
  die "sshd did not start on 127.0.0.1:$SSH_PORT"
}

# Runs inside the lab's mount namespace: over-mount each shared directory with a FUSE view of itself, record the
# FUSE processes, then start dockerd in a network namespace of its own.
namespace_main() {
  local via=$1 dir
  # Nothing here may look a path up under a shared directory while its FUSE view is being set up: a PATH entry
  # such as ./node_modules/.bin under /work would make sshfs wait on a mount that waits on sshfs.
  export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
  cd /
  for dir in $(cat "$STATE/shared"); do
    case $via in
      sshfs)
        sshfs -f -p "$SSH_PORT" \
          -o "ssh_command=/usr/bin/ssh,IdentityFile=$STATE/client_key,StrictHostKeyChecking=no,UserKnownHostsFile=/dev/null,allow_other,LogLevel=ERROR" \
          "root@127.0.0.1:$dir" "$dir" &
        ;;
      bindfs) bindfs -f "$dir" "$dir" & ;;
    esac
    echo $! >>"$STATE/fuse.pids"
    # One at a time: each mount is serving before the next one starts.
    for _ in $(seq 1 50); do grep -q " $dir fuse" /proc/self/mounts && break; sleep 0.1; done
    grep -q " $dir fuse" /proc/self/mounts || { echo "FUSE mount of $dir did not appear" >&2; exit 1; }
  done
  # runc binds console sockets under $TMPDIR, which cannot live on a FUSE share: give the engine a local one.
  mkdir -p "$STATE/tmp"
  exec unshare -n env TMPDIR="$STATE/tmp" sh -c "ip link set lo up && exec dockerd \
    --data-root $DATA_ROOT/docker --exec-root $STATE/exec --pidfile $STATE/dockerd.pid \
    -H unix://$SOCKET --bridge=none --iptables=false --ip-masq=false --ip6tables=false"
}

start_lab() {
  local via=$1
  if lab_answers; then
    [ "$(cat "$STATE/via" 2>/dev/null)" = "$via" ] || die "the lab already runs with --via $(cat "$STATE/via"); run down first"
    say "the lab engine already answers at unix://$SOCKET ($via)"
    return 0
  fi
  start_sshd
  echo "$via" >"$STATE/via"
  rm -f "$STATE/fuse.pids"
  mkdir -p "$DATA_ROOT/docker"
  shared_dirs >"$STATE/shared"
  say "starting the lab engine: bind mounts of $(cat "$STATE/shared") through $via"
  setsid unshare -m --propagation private "$0" __namespace "$via" >"$STATE/dockerd.log" 2>&1 </dev/null &
  local pid=$!
  echo $pid >"$STATE/namespace.pid"
  # Everything the lab runs lives in this mount namespace; `down` ends every process in it (also after a failed up).
  local own ns
  own=$(readlink /proc/self/ns/mnt)
  for _ in $(seq 1 50); do
    ns=$(readlink "/proc/$pid/ns/mnt" 2>/dev/null || true)
    [ -n "$ns" ] && [ "$ns" != "$own" ] && { echo "$ns" >"$STATE/mntns"; break; }
    sleep 0.1
  done
  for _ in $(seq 1 120); do lab_answers && break; sleep 0.5; done
  lab_answers || { tail -20 "$STATE/dockerd.log" >&2; die "the lab engine did not answer; see $STATE/dockerd.log (then: $0 down)"; }
  docker context inspect "$CONTEXT" >/dev/null 2>&1 \
    || docker context create "$CONTEXT" --description "mountbench sharing lab ($via)" --docker "host=unix://$SOCKET" >/dev/null
}

copy_image() {
  local target=$1 loader=$2
  docker image inspect "$IMAGE" >/dev/null 2>&1 || die "$IMAGE is not on the host engine (run: npm run engine)"
  if [ "$target" = lab ]; then
    docker -H "unix://$SOCKET" image inspect "$IMAGE" >/dev/null 2>&1 && return 0
  else
    CONTAINERS_CONF=$PODMAN_STATE/containers.conf podman image exists "$IMAGE" && return 0
  fi
  say "copying $IMAGE into the $target engine"
  docker save "$IMAGE" | $loader >/dev/null
  if [ "$target" = podman ]; then touch "$PODMAN_STATE/loaded-image"; fi
}

start_podman() {
  if podman_answers; then say "Podman already answers at unix://$PODMAN_SOCKET"; return 0; fi
  mkdir -p "$PODMAN_STATE" /run/podman
  # Without this, containers fail with "error setting rlimit type 7" on these machines.
  printf '[containers]\ndefault_ulimits = []\n' >"$PODMAN_STATE/containers.conf"
  say "starting Podman's Docker API at unix://$PODMAN_SOCKET"
  CONTAINERS_CONF=$PODMAN_STATE/containers.conf setsid podman system service --time=0 "unix://$PODMAN_SOCKET" \
    >"$PODMAN_STATE/service.log" 2>&1 </dev/null &
  echo $! >"$PODMAN_STATE/service.pid"
  for _ in $(seq 1 60); do podman_answers && break; sleep 0.5; done
  podman_answers || die "Podman did not answer; see $PODMAN_STATE/service.log"
  echo yes >"$PODMAN_STATE/started-by-lab"
}

stop_pidfile() {
  local file=$1 pid _
  alive "$file" || { rm -f "$file"; return 0; }
  pid=$(cat "$file")
  kill "$pid" 2>/dev/null || true
  # dockerd stops its containers first (up to 15 s for one that ignores SIGTERM).
  for _ in $(seq 1 80); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$file"
}

down() {
  if [ -f "$PODMAN_STATE/started-by-lab" ]; then
    say "stopping Podman and removing what mountbench and the lab left in it"
    local podman="env CONTAINERS_CONF=$PODMAN_STATE/containers.conf podman"
    $podman ps -aq --filter label=mountbench.run | xargs -r $podman rm -f >/dev/null 2>&1 || true
    $podman volume ls -q --filter label=mountbench.run | xargs -r $podman volume rm -f >/dev/null 2>&1 || true
    [ -f "$PODMAN_STATE/loaded-image" ] && { $podman rmi -f "$IMAGE" >/dev/null 2>&1 || true; }
    stop_pidfile "$PODMAN_STATE/service.pid"
    rm -f "$PODMAN_SOCKET"
  fi
  if [ -d "$STATE" ]; then
    say "stopping the lab engine"
    stop_pidfile "$STATE/dockerd.pid"
    stop_pidfile "$STATE/namespace.pid"
    # Whatever is left in the lab's mount namespace (containerd, shims, the FUSE daemons) ends with it.
    if [ -f "$STATE/mntns" ]; then
      local ns pid
      ns=$(cat "$STATE/mntns")
      for pid in $(ls /proc | grep -E '^[0-9]+$'); do
        [ "$(readlink "/proc/$pid/ns/mnt" 2>/dev/null)" = "$ns" ] && kill -9 "$pid" 2>/dev/null || true
      done
    fi
    if [ -f "$STATE/fuse.pids" ]; then
      while read -r pid; do kill -9 "$pid" 2>/dev/null || true; done <"$STATE/fuse.pids"
    fi
    stop_pidfile "$STATE/sshd.pid"
  fi
  docker context rm -f "$CONTEXT" >/dev/null 2>&1 || true
  # The engine's mounts lived in its own mount namespace and ended with it; its storage goes with the lab.
  rm -rf "$DATA_ROOT" "$STATE"
  say "down: no lab process, mount, context or storage is left"
}

status() {
  local code=0
  if lab_answers; then
    say "lab engine: up at unix://$SOCKET (context $CONTEXT), bind mounts through $(cat "$STATE/via"): $(cat "$STATE/shared")"
  else
    say "lab engine: down"; code=3
  fi
  if alive "$STATE/sshd.pid"; then say "sshd: up on 127.0.0.1:$SSH_PORT"; fi
  if podman_answers; then say "podman: up at unix://$PODMAN_SOCKET"; else say "podman: down"; fi
  return $code
}

usage="$0 up [--via sshfs|bindfs] [--podman] | up --vm [--share virtiofs|9p] | down [--vm] [--purge] | status"

main() {
  local command=${1:-status}
  shift || true
  local via=sshfs via_given=no vm=no share=virtiofs share_given=no purge=no
  WITH_PODMAN=0
  while [ $# -gt 0 ]; do
    case $1 in
      --via) via=${2:?--via needs sshfs or bindfs}; via_given=yes; shift 2 ;;
      --via=*) via=${1#--via=}; via_given=yes; shift ;;
      --podman) WITH_PODMAN=1; shift ;;
      --vm) vm=yes; shift ;;
      --share) share=${2:?--share needs virtiofs or 9p}; share_given=yes; shift 2 ;;
      --share=*) share=${1#--share=}; share_given=yes; shift ;;
      --purge) purge=yes; shift ;;
      *) die "unknown option $1 (usage: $usage)" ;;
    esac
  done
  case $via in sshfs | bindfs) ;; *) die "--via must be sshfs or bindfs, not $via" ;; esac
  case $share in virtiofs | 9p) ;; *) die "--share must be virtiofs or 9p, not $share" ;; esac
  [ $share_given = no ] || [ $vm = yes ] || die "--share is for the VM lab: up --vm --share $share"
  [ $purge = no ] || [ "$command" = down ] || die "--purge goes with down"
  if [ $vm = yes ]; then
    [ $via_given = no ] || die "--via is for the sshfs lab, not the VM lab"
    [ "$WITH_PODMAN" = 0 ] || die "--podman goes with the sshfs lab: run up --podman and up --vm one after the other"
  fi
  case $command in
    up)
      require_root
      if [ $vm = yes ]; then
        vm_up "$share"
        vm_status
        return 0
      fi
      install_packages
      mkdir -p "$STATE"
      start_lab "$via"
      copy_image lab "docker -H unix://$SOCKET load"
      if [ "$WITH_PODMAN" = 1 ]; then
        start_podman
        copy_image podman "env CONTAINERS_CONF=$PODMAN_STATE/containers.conf podman load"
      fi
      status
      ;;
    down)
      require_root
      [ $vm = yes ] || down
      vm_down
      [ $purge = no ] || vm_purge
      say "down: no VM lab process, mount, socket, context or overlay is left$( [ $purge = yes ] && echo ', nor its cached guest build')"
      ;;
    status)
      # The exit code is the sshfs lab's (3: down), or with --vm the VM lab's.
      local code=0
      if [ $vm = yes ]; then vm_status || code=$?; return $code; fi
      status || code=$?
      vm_status || true
      return $code
      ;;
    *) die "usage: $usage" ;;
  esac
}

# The VM lab (QEMU with virtiofs or 9p) lives in a file of its own.
# shellcheck source=scripts/vm-lab.sh
. "$REPO/scripts/vm-lab.sh"

if [ "${1:-}" = __namespace ]; then namespace_main "$2"; else main "$@"; fi
