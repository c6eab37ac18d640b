#!/usr/bin/env bash
# CI stage after scripts/test.sh: builds the .deb from the existing build (scripts/package.sh),
# checks its contents and computed Depends, installs it with `dpkg --root` into an empty tree and
# runs the installed edict (--version, the example evaluation, man page, bash completion), builds
# the Lambda zip (scripts/package-lambda.sh), and installs the .deb with apt-get in a fresh
# Debian 12 root made by debootstrap.
set -uo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
passed=0 failed=0
check() {  # check NAME COMMAND...: one named check, counted
  local name=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $name" >&2
  fi
}

scripts/package.sh >/dev/null || { echo "FAIL: scripts/package.sh" >&2; exit 1; }
debs=(build/edict_*_*.deb)
[[ ${#debs[@]} -eq 1 && -f ${debs[0]} ]] || { echo "FAIL: expected one build/edict_<version>_<arch>.deb" >&2; exit 1; }
deb=${debs[0]}
version=$(sed -n 's/^project(edict VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
check "package file name" test "$(basename "$deb")" = "edict_${version}_$(dpkg --print-architecture).deb"

# --- contents: the install layout ---
contents=$(dpkg-deb --contents "$deb" | awk '{print $NF}')
for path in ./usr/bin/edict ./usr/libexec/edict/edict-history ./usr/share/man/man1/edict.1 ./usr/share/man/man1/edict-evaluate.1 \
            ./usr/share/man/man1/edict-baseline-create.1 ./usr/share/bash-completion/completions/edict \
            ./usr/share/zsh/vendor-completions/_edict ./usr/share/fish/vendor_completions.d/edict.fish \
            ./usr/share/doc/edict/README.md ./usr/share/doc/edict/install.md \
            ./usr/share/doc/edict/examples/plan.json ./usr/share/edict/rules/aws_s3.edict; do
  check "contents: $path" grep -qxF "$path" <<<"$contents"
done
check "no file outside /usr" test -z "$(grep -v '^\./usr/\|^\./$' <<<"$contents")"

# --- Depends: computed by dpkg-shlibdeps, runtime libraries only, covering every NEEDED library ---
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
check "Depends is set" test -n "$depends"
check "Depends names no -dev package" test -z "$(tr ',' '\n' <<<"$depends" | grep -- '-dev')"
dpkg-deb -x "$deb" build/deb-unpacked.tmp
needed=$(for b in usr/bin/edict usr/libexec/edict/edict-history; do objdump -p "build/deb-unpacked.tmp/$b" | awk '/NEEDED/ {print $2}'; done | sort -u)
resolved=$(ldd build/deb-unpacked.tmp/usr/bin/edict build/deb-unpacked.tmp/usr/libexec/edict/edict-history)
rm -rf build/deb-unpacked.tmp
for lib in $needed; do
  # The package that ships the library the loader picks on this (build) system must be among the
  # Depends. dpkg may know the file under /lib or /usr/lib (merged /usr).
  path=$(awk -v l="$lib" '$1 == l {print $3; exit}' <<<"$resolved")
  owner=""
  for p in "$path" "$(readlink -f "$path")" "${path#/usr}" "/usr$path"; do
    owner=$(dpkg -S "$p" 2>/dev/null | head -1 | cut -d: -f1) && [[ -n $owner ]] && break
  done
  check "Depends covers $lib ($path: ${owner:-no package})" grep -q "\b${owner:-none}\b" <<<"$depends"
done

# --- install into an empty root ---
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
touch "$root/var/lib/dpkg/status"
# The empty tree has none of the Depends, so they are forced; the binary then runs on this
# system's libraries (which are the ones dpkg-shlibdeps read).
check "dpkg --root --install" bash -c "dpkg --root='$root' --force-depends --install '$deb' >build/dpkg-root.log 2>&1 || { cat build/dpkg-root.log; false; }"
check "dpkg lists edict as installed" grep -q "^Status: install ok installed" <(dpkg --root="$root" -s edict 2>/dev/null)
edict="$root/usr/bin/edict"
check "installed binary is stripped" bash -c "! objdump -h '$edict' | grep -q '\.debug_info'"
out=$("$edict" --version)
echo "$out"
check "--version names the version" grep -qx "edict $version" <<<"$out"
check "--version names the revision" grep -q "^revision: [0-9a-f]\{12\}" <<<"$out"
check "--version names the JIT tier" grep -qx "JIT: no" <<<"$out"
# The history commands run in the installed edict-history (libexec), found relative to edict.
check "installed edict stream runs edict-history" bash -c "'$edict' stream --help | grep -q 'Usage: edict stream'"
check "installed edict diff outside a repository is an error from edict-history" bash -c \
  "'$edict' diff --repo '$root' 2>&1 | grep -q '^edict: error:' && ! '$edict' diff --repo '$root' 2>&1 | grep -q 'not installed'"

# The example evaluation: exit 1 (the example has failures), and the same verdicts as the binary
# of the build tree (the installed one must be the same program with the same rule library).
build/edict evaluate --format json examples/plan.json >"$root/expected.json" || true
build/edict evaluate --format sarif examples/plan.json >"$root/expected.sarif" || true
"$edict" evaluate --format json "$root/usr/share/doc/edict/examples/plan.json" >"$root/result.json"
check "example evaluation exits 1" test $? -eq 1
check "example evaluation verdicts" python3 -c '
import json, sys
got, want = (json.load(open(f))["summary"] for f in sys.argv[1:3])
sys.exit(0 if got == want and want["fail"] > 0 else f"summary {got}, want {want}")' "$root/result.json" "$root/expected.json"
"$edict" evaluate --format sarif "$root/usr/share/doc/edict/examples/plan.json" >"$root/result.sarif"
check "example SARIF: the build tree's failures and open (unknown) results" python3 -c '
import collections, json, sys
kinds = [collections.Counter(r.get("kind", "fail") for r in json.load(open(f))["runs"][0]["results"])
         for f in sys.argv[1:3]]
sys.exit(0 if kinds[0] == kinds[1] and kinds[1]["fail"] > 0 else f"kinds {dict(kinds[0])}, want {dict(kinds[1])}")' \
  "$root/result.sarif" "$root/expected.sarif"
sarif_results=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["runs"][0]["results"]))' "$root/expected.sarif")
check "installed man page renders" test -n "$(MANWIDTH=80 man -l "$root/usr/share/man/man1/edict-evaluate.1" 2>/dev/null | grep -- '--format')"
check "installed bash completion loads" bash -c "source '$root/usr/share/bash-completion/completions/edict' && complete -p edict"

# --- the AWS Config rule's Lambda zip (relinked from the same build; its own checks and the
# handler test on the unpacked zip run inside the script) ---
check "scripts/package-lambda.sh" bash -c "scripts/package-lambda.sh >build/package-lambda.log 2>&1 || { tail -30 build/package-lambda.log; false; }"
check "Lambda zip holds the handler, edict, the loader and the rules" bash -c "
  unzip -Z1 build/edict-config-rule-lambda.zip | grep -qx handler.py &&
  unzip -Z1 build/edict-config-rule-lambda.zip | grep -qx bin/edict &&
  unzip -Z1 build/edict-config-rule-lambda.zip | grep -qx lib/ld-linux-x86-64.so.2 &&
  unzip -Z1 build/edict-config-rule-lambda.zip | grep -qx rules/aws_s3.edict"

# --- a fresh Debian 12: debootstrap a minimal root and `apt-get install ./edict_*.deb` in it ---
# This is what proves the computed Depends complete: apt must pull every library, and only
# runtime libraries. It needs the Debian mirror; when debootstrap itself cannot build the root
# (no network), the step says so and is skipped (the dpkg --root checks above still ran).
if [[ ${EDICT_PACKAGE_CHROOT:-1} == 1 ]] && command -v debootstrap >/dev/null; then
  chroot_dir=$(mktemp -d /var/tmp/edict-chroot.XXXXXX)
  trap 'rm -rf "$root" "$chroot_dir"' EXIT
  t0=$SECONDS
  # The mirror this machine's apt already uses for bookworm (deb822 or one-line sources); without
  # one, debootstrap's own default.
  mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
  [[ -n $mirror ]] || mirror=$(awk '$1 == "deb" && $3 ~ /^bookworm$/ {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
  if timeout 420 debootstrap --variant=minbase bookworm "$chroot_dir" ${mirror:+"$mirror"} \
      >build/debootstrap.log 2>&1; then
    echo "debootstrap: $((SECONDS - t0)) s"
    cp "$deb" "$chroot_dir/tmp/"
    in_root() { chroot "$chroot_dir" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive "$@"; }
    check "fresh Debian 12: apt-get install ./$(basename "$deb")" bash -c "
      { chroot '$chroot_dir' apt-get update -q && chroot '$chroot_dir' env DEBIAN_FRONTEND=noninteractive \
          apt-get install -y -q --no-install-recommends /tmp/$(basename "$deb"); } >build/chroot-apt.log 2>&1 \
      || { tail -20 build/chroot-apt.log; false; }"
    check "fresh Debian 12: no -dev package installed" test -z "$(in_root dpkg-query -W -f '${Package}\n' | grep -- '-dev$')"
    check "fresh Debian 12: edict --version" in_root edict --version
    in_root edict evaluate --format sarif /usr/share/doc/edict/examples/plan.json >"$chroot_dir/tmp/result.sarif"
    check "fresh Debian 12: example evaluation exits 1" test $? -eq 1
    check "fresh Debian 12: example SARIF" python3 -c 'import json,sys; sys.exit(0 if len(json.load(open(sys.argv[1]))["runs"][0]["results"]) == int(sys.argv[2]) else 1)' "$chroot_dir/tmp/result.sarif" "$sarif_results"
  else
    echo "skipped: debootstrap could not build a Debian 12 root (see build/debootstrap.log)"
  fi
fi

echo "package stage: $((SECONDS - start)) s"
echo "package: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
