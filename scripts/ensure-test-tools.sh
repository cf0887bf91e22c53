#!/usr/bin/env bash
# What `npm test` needs besides a Docker engine (scripts/ensure-engine.sh): the tools the integration tests drive for
# real. On Debian or Ubuntu as root, the missing ones are installed from the distribution's packages; anywhere else
# this says which are missing and the one command that installs them, and exits non-zero so the tests do not start
# half-equipped.
#   sshfs, bindfs, openssh-server, podman   the sharing lab and Podman (scripts/sharing-lab.sh)
#   docker-compose                          checks the override `mountbench advise --write` writes
#   unison                                  the sync strategy's engine here
#   chromium                                the browser tests of report.html (driven by playwright-core)
set -euo pipefail

declare -A PROVIDES=(
  [sshfs]=sshfs [bindfs]=bindfs [/usr/sbin/sshd]=openssh-server [podman]=podman
  [docker-compose]=docker-compose [unison]=unison [/usr/bin/chromium]=chromium
)
missing=()
for tool in "${!PROVIDES[@]}"; do
  case $tool in
    /*) [ -x "$tool" ] || missing+=("${PROVIDES[$tool]}") ;;
    *) command -v "$tool" >/dev/null || missing+=("${PROVIDES[$tool]}") ;;
  esac
done
[ ${#missing[@]} -eq 0 ] && exit 0
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "test tools: installing ${missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "test tools: missing ${missing[*]}; the integration tests need them." >&2
echo "  install them with: sudo apt-get install -y ${missing[*]}   (Debian/Ubuntu)" >&2
echo "  or run only the unit tests, which need neither these nor a Docker engine: npm run test:unit" >&2
exit 2
