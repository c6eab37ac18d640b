#!/usr/bin/env bash
# Installs the Debian packages edict needs, only those that are missing (apt-get update runs once,
# and only when something must be installed). Safe to run repeatedly.
set -euo pipefail

# git: the rule-history tests build real repositories with the git CLI.
packages=(
  build-essential cmake ninja-build pkg-config ccache git
  tao-pegtl-dev libyaml-cpp-dev nlohmann-json3-dev catch2 libcli11-dev
  libsimdjson-dev libre2-dev libgit2-dev libsqlite3-dev libedit-dev
  # Packaging (scripts/package.sh, package-lambda.sh, ci-package.sh, tests/packaging):
  # dpkg-shlibdeps (dpkg-dev), `man -l`, the zsh and fish parsers, the Lambda zip, the handler's
  # test with botocore's Stubber, and a fresh Debian 12 root for the install test (debootstrap).
  dpkg-dev man-db zsh fish zip python3 python3-boto3 debootstrap
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

# The SARIF schema test (tests/sarif/validate.sh) installs its validators with npm. Debian's npm
# brings nodejs; a node that already has npm (from any source) is left alone.
if ! command -v npm >/dev/null 2>&1; then
  missing+=(npm)
fi

if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "installing: ${missing[*]}" >&2
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
