#!/usr/bin/env bash
# Packs the package as it would be published (npm pack of the built dist/) and installs the tarball in each
# example (examples/vite, examples/nextjs), then builds them. Each example's lockfile pins everything else,
# the package's own dependencies included; the tarball is added with --no-save, as it changes at every build.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
start=$SECONDS

# SKIP_PACKAGE_BUILD=1: dist/ was just built (.ci/run, after npm test).
[ "${SKIP_PACKAGE_BUILD:-}" = 1 ] || npm run build
rm -f examples/*.tgz
tarball=$(npm pack --silent --pack-destination examples | tail -n 1)
mv "examples/$tarball" examples/exh-auth-react.tgz

for example in vite nextjs; do
  (
    cd "examples/$example"
    npm ci --no-audit --no-fund
    npm install --no-save --no-audit --no-fund ../exh-auth-react.tgz
    npm run build
  )
done
echo "examples: packed, installed and built in $((SECONDS - start)) s"
