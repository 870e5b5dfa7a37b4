#!/usr/bin/env bash
# Generates the Python messages and gRPC stubs of the Dimona contract into
# clients/python/gen/ (not checked in). Needs Debian's protobuf-compiler and
# protobuf-compiler-grpc. Works from any directory.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$here/gen"
plugin="${GRPC_PYTHON_PLUGIN:-/usr/bin/grpc_python_plugin}"

if ! command -v protoc >/dev/null; then
  echo "protoc not found: apt-get install protobuf-compiler" >&2
  exit 1
fi
if [[ ! -x "$plugin" ]]; then
  echo "$plugin not found: apt-get install protobuf-compiler-grpc" >&2
  exit 1
fi

rm -rf "$out"
mkdir -p "$out"
# No __init__.py anywhere: dimona/, dimona/v1/, google/ and google/rpc/ are
# implicit namespace packages, so gen/google/rpc and Debian's google/protobuf
# (itself a namespace package) both import as google.*.
cd "$root/protos"
protoc -I . \
  --python_out="$out" \
  --grpc_python_out="$out" \
  --plugin=protoc-gen-grpc_python="$plugin" \
  dimona/v1/*.proto google/rpc/*.proto

echo "generated into ${out#"$root"/}"
