#!/usr/bin/env bash
# Builds build/edict-config-rule-lambda.zip, an AWS Lambda deployment package for an AWS Config
# custom rule (docs/aws-config-rule.md): lambda/handler.py, bin/edict, lib/ and rules/.
# edict links every library Debian ships as a static archive statically; the libraries left (see
# build/lambda/ldd.txt) are copied to
# lib/ together with Debian's dynamic loader, which the handler runs edict through, so neither
# the host's C library nor its libraries matter (the Lambda runtimes run Amazon Linux).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh edict

stage=build/lambda
rm -rf "$stage" build/edict-config-rule-lambda.zip
mkdir -p "$stage/bin" "$stage/lib" "$stage/rules"

# build/edict already links statically every dependency Debian ships as an archive
# (EDICT_STATIC_DEPS, cmake/static_deps.cmake); the history commands' edict-history is not
# shipped (a Config rule only evaluates), so `stream` and `diff` say it is missing.
cp build/edict "$stage/bin/edict"
strip "$stage/bin/edict"

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
