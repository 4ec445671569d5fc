#!/usr/bin/env bash
# Set up, build and run every test; then again under AddressSanitizer + UBSan.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
ctest --test-dir build --output-on-failure -j2
if [ "${DIPLOGRAPH_SKIP_SANITIZERS:-0}" != 1 ]; then
  scripts/setup.sh build-asan -DCMAKE_BUILD_TYPE=Debug -DDIPLOGRAPH_SANITIZE=ON -DDIPLOGRAPH_BENCH=OFF
  # Suppressions and options are compiled in: see tests/sanitizers/.
  ctest --test-dir build-asan --output-on-failure -j2
fi
