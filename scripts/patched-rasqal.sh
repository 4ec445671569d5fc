#!/usr/bin/env bash
# Builds Debian's rasqal 0.9.33 with patches/rasqal-0.9.33-*.patch, configured as the Debian
# package is (same regex, decimal and UUID libraries), into build-rasqal/install, where CMake
# finds it and links diplograph's programs to it. diplograph works with the stock library too;
# the patches fix rasqal's scans and quadratic sorts (see README, "A patched rasqal").
# Run by scripts/setup.sh, which installs the packages it needs. Idempotent; prints the library
# folder.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
OUT="$ROOT/build-rasqal"
PATCHES=("$ROOT"/patches/rasqal-0.9.33-*.patch)
STAMP="$OUT/install/patches.sha256"

if [ -e "$OUT/install/lib/librasqal.so.3" ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$(sha256sum "${PATCHES[@]}")" ]; then
  echo "$OUT/install/lib"
  exit 0
fi

# apt-get source needs a deb-src entry; add one for the release this machine runs, once. (The
# build dependencies come with the other packages, from scripts/setup.sh.)
if ! grep -rqsE "^(deb-src|Types:.*deb-src)" /etc/apt/sources.list /etc/apt/sources.list.d/; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  . /etc/os-release
  printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: %s\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
    "$VERSION_CODENAME" | $SUDO tee /etc/apt/sources.list.d/diplograph-src.sources >/dev/null
  $SUDO apt-get update -qq
fi

rm -rf "$OUT/src" "$OUT/install" && mkdir -p "$OUT/src"
(cd "$OUT/src" && apt-get source -qq rasqal=0.9.33-2 >/dev/null 2>&1 || apt-get source -qq rasqal >/dev/null)
SRC=$(find "$OUT/src" -maxdepth 1 -type d -name 'rasqal-0.9.33*' | head -1)
[ -n "$SRC" ] || { echo "patched-rasqal: Debian has no rasqal 0.9.33 source here; the patch is for that version" >&2; exit 1; }
for p in "${PATCHES[@]}"; do (cd "$SRC" && patch -p1 -s < "$p"); done
(cd "$SRC" && ./configure -q --prefix="$OUT/install" --libdir="$OUT/install/lib" --disable-static \
   --with-regex-library=pcre --with-decimal=gmp --with-uuid-library=libuuid >/dev/null \
 && make -s -j"$(nproc)" -C src >/dev/null && make -s -C src install >/dev/null) 2> >(grep -v "modifier ignored" >&2)
sha256sum "${PATCHES[@]}" > "$STAMP"
echo "$OUT/install/lib"
