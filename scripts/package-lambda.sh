#!/usr/bin/env bash
# Builds build/edict-config-rule-lambda.zip, an AWS Lambda deployment package for an AWS Config
# custom rule (docs/aws-config-rule.md): lambda/handler.py, bin/edict, lib/ and rules/.
# edict is relinked from the objects of build/ with every library Debian ships as a static archive
# linked in; the libraries left (see build/lambda/ldd.txt) are copied to
# lib/ together with Debian's dynamic loader, which the handler runs edict through, so neither
# the host's C library nor its libraries matter (the Lambda runtimes run Amazon Linux).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh edict

stage=build/lambda
rm -rf "$stage" build/edict-config-rule-lambda.zip
mkdir -p "$stage/bin" "$stage/lib" "$stage/rules"
multiarch=$(gcc -print-multiarch)
libdir=/usr/lib/$multiarch

# The libraries edict links, with what static linking each of them needs, in link order.
# libgit2.pc names libssh2 and libedit.pc libbsd without their own static needs, so they are asked
# for too. libgit2.a also needs GSSAPI (its Negotiate authentication), which no .pc file names.
read -r -a wanted <<<"$(pkg-config --static --libs-only-l re2 yaml-cpp libgit2 libssh2 sqlite3 libedit libbsd) -lgssapi_krb5 -lsimdjson"
static=() dynamic=()
seen=" "
for flag in "${wanted[@]}"; do
  name=${flag#-l}
  [[ $seen == *" $name "* ]] && continue
  seen+="$name "
  case $name in
    c|m|dl|rt|pthread|resolv) dynamic+=("$flag") ;;  # glibc's own: shipped as shared objects below
    *)
      if [[ -f $libdir/lib$name.a ]]; then
        static+=("-l:lib$name.a")
      elif [[ -e $libdir/lib$name.so ]]; then
        dynamic+=("$flag")
      else  # a runtime library without its -dev package: link the versioned file itself
        so=$(ls "$libdir/lib$name.so."* | head -1)
        dynamic+=("-l:$(basename "$so")")
      fi ;;
  esac
done
objects=(build/CMakeFiles/edict.dir/cli/*.o)
g++ -o "$stage/bin/edict" "${objects[@]}" build/libedict_core.a \
  -Wl,--start-group "${static[@]}" -Wl,--end-group "${dynamic[@]}" \
  -pthread -no-pie -Wl,--as-needed -s
echo "linked statically: ${static[*]}"
echo "left dynamic: ${dynamic[*]}"

# What remains dynamic, as the loader resolves it, goes into lib/ (the loader too).
ldd "$stage/bin/edict" | tee "$stage/ldd.txt"
while read -r line; do
  path=$(awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^\//) { print $i; exit } }' <<<"$line")
  [[ -n $path && -f $path ]] && cp -L "$path" "$stage/lib/"
done <"$stage/ldd.txt"
loader=$(ls "$stage"/lib/ld-linux*.so.* | head -1)
[[ $(basename "$loader") == ld-linux-x86-64.so.2 ]] || echo "note: the handler expects ld-linux-x86-64.so.2, found $(basename "$loader")" >&2

cp lambda/handler.py "$stage/"
cp rules/*.edict "$stage/rules/"

# Smoke test through the shipped loader with an empty environment, as the handler runs it.
(cd "$stage" && env -i lib/ld-linux-x86-64.so.2 --library-path lib bin/edict --version)
(cd "$stage" && env -i lib/ld-linux-x86-64.so.2 --library-path lib bin/edict check --builtin-rules)
# Every object the loader maps comes from lib/, none from this system's library directories.
outside=$(cd "$stage" && env -i LD_DEBUG=libs lib/ld-linux-x86-64.so.2 --library-path lib bin/edict --version 2>&1 |
          awk '/calling init:/ {print $NF}' | grep -v '^lib/' || true)
if [[ -n $outside ]]; then
  echo "error: loaded from outside the zip: $outside" >&2
  exit 1
fi

(cd "$stage" && zip -q -r -X ../edict-config-rule-lambda.zip handler.py bin lib rules)
ls -l build/edict-config-rule-lambda.zip

# The handler from the unpacked zip, with its own edict, against botocore's Stubber.
unpacked=$(mktemp -d)
trap 'rm -rf "$unpacked"' EXIT
unzip -q build/edict-config-rule-lambda.zip -d "$unpacked"
# Debian's python3 with Debian's python3-boto3, even when another python3 comes first on PATH.
python=/usr/bin/python3
[[ -x $python ]] || python=python3
"$python" tests/packaging/lambda_handler_test.py "$unpacked" "$PWD"
