#!/usr/bin/env bash
# Make sure a Docker engine answers, and that a Node image is there to benchmark with.
#
# On Linux as root with no engine reachable, this installs Debian's docker.io, starts dockerd, and, when no image
# registry answers, builds a Node image offline (debootstrap + the host's own Node.js, so the container runs the same
# node and npm as the `native` strategy). Anywhere else it only reports what it found and what to start.
#
# Usage: scripts/ensure-engine.sh            (idempotent; safe to run before every `npm start` / `npm test`)
# Env:   MOUNTBENCH_OFFLINE_IMAGE  tag of the offline image (default mountbench/node:offline)
#        MOUNTBENCH_OFFICIAL_IMAGE the official image tried first (default node:24-slim)
set -euo pipefail

OFFLINE_IMAGE=${MOUNTBENCH_OFFLINE_IMAGE:-mountbench/node:offline}
OFFICIAL_IMAGE=${MOUNTBENCH_OFFICIAL_IMAGE:-node:24-slim}
DOCKERD_LOG=/var/log/mountbench-dockerd.log
# Bump when the offline image's recipe changes, so machines that keep an older build get a new one (3: git, for
# the git workload).
OFFLINE_RECIPE=3

say() { printf 'engine: %s\n' "$*" >&2; }

engine_answers() { docker info >/dev/null 2>&1; }

can_provision() { [ "$(uname -s)" = Linux ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; }

install_engine() {
  if ! command -v dockerd >/dev/null 2>&1 || ! command -v docker >/dev/null 2>&1; then
    say "installing Debian's docker.io"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io >/dev/null
  fi
}

start_engine() {
  if pgrep -x dockerd >/dev/null 2>&1; then
    say "dockerd is running but does not answer yet; waiting"
  else
    say "starting dockerd (log: $DOCKERD_LOG)"
    # setsid: the daemon must outlive this script and the npm process that ran it.
    setsid dockerd >"$DOCKERD_LOG" 2>&1 < /dev/null &
  fi
  for _ in $(seq 1 60); do
    engine_answers && return 0
    sleep 0.5
  done
  say "dockerd did not answer within 30 s; see $DOCKERD_LOG"
  exit 2
}

image_present() { docker image inspect "$1" >/dev/null 2>&1; }

build_offline_image() {
  local node_bin npm_dir root
  node_bin=$(readlink -f "$(command -v node)")
  npm_dir=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
  command -v debootstrap >/dev/null 2>&1 || {
    say "installing debootstrap"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
  }
  root=$(mktemp -d /var/tmp/mountbench-rootfs.XXXXXX)
  trap 'rm -rf "$root"' EXIT
  say "building $OFFLINE_IMAGE offline: debootstrap bookworm + host node $(node --version) / npm $(npm --version)"
  debootstrap --variant=minbase --include=ca-certificates,libstdc++6,git bookworm "$root" >/dev/null
  install -m 0755 "$node_bin" "$root/usr/local/bin/node"
  mkdir -p "$root/usr/local/lib/node_modules"
  cp -a "$npm_dir" "$root/usr/local/lib/node_modules/npm"
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/local/bin/npm"
  ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$root/usr/local/bin/npx"
  # This machine's egress proxy signs HTTPS with its own CA; containers need it to reach the npm registry
  # (node reads it through NODE_EXTRA_CA_CERTS, set below).
  if compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null; then
    cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
    chroot "$root" update-ca-certificates >/dev/null 2>&1
  fi
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  tar -C "$root" -c . | docker import \
    --change 'ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt' \
    --change "LABEL mountbench.recipe=$OFFLINE_RECIPE" \
    --change 'CMD ["/bin/bash"]' \
    --message "mountbench offline Node image (debootstrap bookworm + host node)" - "$OFFLINE_IMAGE" >/dev/null
  rm -rf "$root"
  trap - EXIT
  docker run --rm --network none "$OFFLINE_IMAGE" sh -c 'node --version && npm --version' >/dev/null \
    || { say "$OFFLINE_IMAGE was built but node does not run in it"; exit 2; }
  say "built $OFFLINE_IMAGE"
}

offline_image_current() {
  [ "$(docker image inspect -f '{{index .Config.Labels "mountbench.recipe"}}' "$OFFLINE_IMAGE" 2>/dev/null)" = "$OFFLINE_RECIPE" ]
}

ensure_image() {
  if image_present "$OFFICIAL_IMAGE" || offline_image_current; then return 0; fi
  if timeout 120 docker pull -q "$OFFICIAL_IMAGE" >/dev/null 2>&1; then
    say "pulled $OFFICIAL_IMAGE"
    return 0
  fi
  say "$OFFICIAL_IMAGE cannot be pulled (no registry reachable)"
  if can_provision && command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
    build_offline_image
  else
    say "pull a Node image by hand, or pass one with: mountbench run --image REF"
  fi
}

if engine_answers; then
  say "Docker answers at ${DOCKER_HOST:-the current context} ($(docker version --format '{{.Server.Version}}' 2>/dev/null))"
elif can_provision; then
  install_engine
  start_engine
else
  say "no Docker engine answers."
  case "$(uname -s)" in
    Darwin) say "start one of: Docker Desktop (open -a Docker), OrbStack (orb start), Colima (colima start), Lima (limactl start), Rancher Desktop, Podman (podman machine start)" ;;
    *) say "start one: sudo systemctl start docker, dockerd-rootless.sh, or podman system service" ;;
  esac
  say "then run this again; mountbench platforms lists every endpoint it can see"
  exit 2
fi
ensure_image
