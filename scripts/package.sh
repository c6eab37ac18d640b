#!/usr/bin/env bash
# Builds the Debian package build/edict_<version>_<arch>.deb with CPack (cmake/packaging.cmake):
# Depends computed by dpkg-shlibdeps, the binary stripped. Reuses build/ when it exists and builds
# only the edict target (whose link step also writes the man pages and completions).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh edict
rm -f build/edict_*.deb
(cd build && cpack -G DEB >cpack.log 2>&1) || { cat build/cpack.log >&2; exit 1; }
ls build/edict_*.deb
