#!/usr/bin/env bash
# Installs every Debian package diplograph needs (idempotent), then configures and builds.
# Usage: scripts/setup.sh [build-dir] [cmake-preset-args...]
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  build-essential cmake pkg-config
  librdf0-dev libraptor2-dev librasqal3-dev raptor2-utils rasqal-utils redland-utils
  libboost-graph-dev nlohmann-json3-dev libgtest-dev libgmock-dev
  graphviz libgraphviz-dev libicu-dev iso-codes libpoppler-cpp-dev
  libxml2-dev libssl-dev python3 python3-networkx liblmdb-dev tzdata wamerican wfrench bsdutils
  clang librdf-storage-sqlite
  qpdf  # tests: encrypted and truncated PDFs
  libgoogle-perftools-dev  # tcmalloc for the programs
  dpkg-dev libgmp-dev libmhash-dev uuid-dev libpcre3-dev  # scripts/patched-rasqal.sh: apt-get source, rasqal's build dependencies
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# Node.js may come from outside Debian (its npm then conflicts with Debian's): install only if absent.
if ! command -v npm >/dev/null; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nodejs npm
fi

# Oxigraph (second SPARQL engine of the cross-check tests) and jsonld (reads our JSON-LD), pinned
# in tools/package.json.
if [ ! -d tools/node_modules/oxigraph ] || [ ! -d tools/node_modules/jsonld ]; then
  (cd tools && npm install --no-audit --no-fund --silent) || echo "setup: warning: npm install of oxigraph failed; cross-engine tests will be skipped" >&2
fi

# Country names from iso-codes (English, French, Arabic) -> data/gazetteers/states.tsv.
python3 scripts/gen_states.py
# Regions (ISO 3166-2) and cities (tzdata) -> data/gazetteers/places_generated.tsv.
python3 scripts/gen_places.py

# rasqal with the project's patches, which CMake then links (on failure, the system's library).
bash scripts/patched-rasqal.sh >/dev/null || echo "setup: warning: the patched rasqal did not build; using the system's" >&2

BUILD_DIR="${1:-build}"
shift || true
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$BUILD_DIR" -j"$(nproc)"
