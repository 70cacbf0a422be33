#!/usr/bin/env bash
# Packs a native function with brisk-pack, unzips it into a fresh task root
# and runs its bootstrap (bundled loader, libc and libraries) against the
# Runtime API emulator: the zip, not the build tree, must answer.
#
# usage: packed_roundtrip.sh BRISK_PACK EXECUTABLE EVENT_JSON
set -euo pipefail
if [ $# -ne 3 ]; then
  sed -n '2,7p' "$0" >&2
  exit 2
fi
pack=$1 executable=$2 event=$3
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

name=$(basename "$executable")
"$pack" -o "$work/out" "$name=$executable" >/dev/null
zip=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["functions"][0]["zip"])' "$work/out/manifest.json")
unzip -q "$work/out/$zip" -d "$work/task"
python3 "$here/runtime_api_roundtrip.py" "$work/task/bootstrap" "$event"
