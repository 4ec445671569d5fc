#!/usr/bin/env bash
# Builds Debian's rasqal 0.9.33 with patches/rasqal-0.9.33-group-scope.patch, configured as the
# Debian package is (same regex, decimal and UUID libraries), into build-rasqal/install.
# Optional: diplograph works with the stock library; the patch makes queries that join an
# OPTIONAL to a bound pattern (state-meetings) an index lookup per row instead of a scan.
# Idempotent; prints the library folder to put in LD_LIBRARY_PATH.
# Usage: scripts/patched-rasqal.sh && export LD_LIBRARY_PATH=$PWD/build-rasqal/install/lib
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
OUT="$ROOT/build-rasqal"
PATCH="$ROOT/patches/rasqal-0.9.33-group-scope.patch"
STAMP="$OUT/install/patch.sha256"

if [ -f "$STAMP" ] && [ -e "$OUT/install/lib/librasqal.so.3" ] && sha256sum --status -c "$STAMP" 2>/dev/null; then
  echo "$OUT/install/lib"
  exit 0
fi

SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
# Build dependencies from the package's debian/control, and dpkg-dev for apt-get source.
PACKAGES=(dpkg-dev build-essential pkg-config libraptor2-dev libgmp-dev libmhash-dev uuid-dev libpcre3-dev)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# apt-get source needs a deb-src entry; add one for the release this machine runs, once.
SOURCES=/etc/apt/sources.list.d/diplograph-src.sources
need_update=0
if ! grep -rqsE "^(deb-src|Types:.*deb-src)" /etc/apt/sources.list /etc/apt/sources.list.d/; then
  . /etc/os-release
  printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: %s\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
    "$VERSION_CODENAME" | $SUDO tee "$SOURCES" >/dev/null
  need_update=1
fi
if ((${#missing[@]})) || ((need_update)); then
  $SUDO apt-get update -qq
fi
if ((${#missing[@]})); then
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

rm -rf "$OUT/src" && mkdir -p "$OUT/src"
(cd "$OUT/src" && apt-get source -qq rasqal=0.9.33-2 >/dev/null 2>&1 || apt-get source -qq rasqal >/dev/null)
SRC=$(find "$OUT/src" -maxdepth 1 -type d -name 'rasqal-0.9.33*' | head -1)
[ -n "$SRC" ] || { echo "patched-rasqal: Debian has no rasqal 0.9.33 source here; the patch is for that version" >&2; exit 1; }
(cd "$SRC" && patch -p1 -s < "$PATCH")
(cd "$SRC" && ./configure -q --prefix="$OUT/install" --libdir="$OUT/install/lib" --disable-static \
   --with-regex-library=pcre --with-decimal=gmp --with-uuid-library=libuuid >/dev/null \
 && make -s -j"$(nproc)" -C src >/dev/null && make -s -C src install >/dev/null)
sha256sum "$PATCH" > "$STAMP"
echo "$OUT/install/lib"
