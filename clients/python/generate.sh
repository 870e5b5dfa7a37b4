#!/usr/bin/env bash
# Generates the Python messages and gRPC stubs of the Dimona contract into
# clients/python/gen/ (not checked in). Needs Debian's protobuf-compiler,
# protobuf-compiler-grpc and libprotobuf-dev (google/protobuf/*.proto, only a
# Recommends of protobuf-compiler). Works from any directory.
#
# GRPC_PYTHON_PLUGIN and PROTOBUF_INCLUDE (the directory holding
# google/protobuf/*.proto) override the Debian paths.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$here/gen"
plugin="${GRPC_PYTHON_PLUGIN:-/usr/bin/grpc_python_plugin}"
include="${PROTOBUF_INCLUDE:-/usr/include}"

if ! command -v protoc >/dev/null; then
  echo "protoc not found: apt-get install protobuf-compiler" >&2
  exit 1
fi
if [[ ! -x "$plugin" ]]; then
  echo "$plugin not found: apt-get install protobuf-compiler-grpc" >&2
  exit 1
fi
if [[ ! -f "$include/google/protobuf/timestamp.proto" ]]; then
  echo "$include/google/protobuf/timestamp.proto not found: apt-get install libprotobuf-dev" \
    "(it holds google/protobuf/*.proto; protobuf-compiler only recommends it)" >&2
  exit 1
fi

rm -rf "$out"
mkdir -p "$out"
# No __init__.py anywhere: dimona/, dimona/v1/, google/ and google/rpc/ are
# implicit namespace packages, so gen/google/rpc and Debian's google/protobuf
# (itself a namespace package) both import as google.*.
cd "$root/protos"
protoc -I . -I "$include" \
  --python_out="$out" \
  --grpc_python_out="$out" \
  --plugin=protoc-gen-grpc_python="$plugin" \
  dimona/v1/*.proto google/rpc/*.proto

echo "generated into ${out#"$root"/}"
