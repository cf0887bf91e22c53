#!/usr/bin/env bash
# Build the static site from every result, as the publishing workflow does (.github/workflows/publish-site.yml).
#   bash scripts/build-site.sh [OUT-DIR]      (default: _site; open _site/index.html in a browser)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-_site}
mountbench=${MOUNTBENCH:-npx --yes mountbench@${MOUNTBENCH_VERSION:-latest}}
$mountbench site results --output "$out"
