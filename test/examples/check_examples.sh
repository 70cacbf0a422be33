#!/usr/bin/env bash
# brisk-check on the examples, as scripts/demo and the README show it: every
# marked instance in examples/anti-patterns is found once, at its exact
# place, with the default rules and, for unsynchronized-global, with
# --max-concurrency; examples/greeting and the runtime under it, written the
# right way, get no finding from any rule, concurrent or not.
#
# usage: check_examples.sh BRISK_CHECK EXAMPLES_BUILD_DIR SOURCE_DIR FILECHECK
set -euo pipefail
if [ $# -ne 4 ]; then
  sed -n '2,7p' "$0" >&2
  exit 2
fi
check=$1 db=$2 src=$3 filecheck=$4
here=$(cd "$(dirname "$0")" && pwd)
cd "$src"

set +e
anti=$("$check" -p "$db" examples/anti-patterns/*.cpp 2>&1)
anti_rc=$?
concurrent=$("$check" -p "$db" --max-concurrency=4 --rules=-*,unsynchronized-global \
  examples/anti-patterns/*.cpp 2>&1)
concurrent_rc=$?
clean=$("$check" -p "$db" --max-concurrency=4 examples/greeting/*.cpp \
  examples/runtime/src/*.cpp 2>&1)
clean_rc=$?
set -e

status=0
for rc in "$anti_rc" "$concurrent_rc"; do
  if [ "$rc" -ne 1 ]; then
    echo "FAIL: anti-patterns: exit $rc, want 1"
    status=1
  fi
done
printf '%s\n' "$anti" |
  "$filecheck" --implicit-check-not=warning: --implicit-check-not=error: \
    --implicit-check-not=note: --implicit-check-not=fix-it: \
    "$here/anti-patterns.expected" || status=1
printf '%s\n' "$concurrent" |
  "$filecheck" --check-prefix=CONCURRENT --implicit-check-not=warning: \
    --implicit-check-not=error: --implicit-check-not=note: \
    "$here/anti-patterns.expected" || status=1
if [ "$clean_rc" -ne 0 ] || [ -n "$clean" ]; then
  printf 'FAIL: greeting and runtime: exit %d, want 0 and no output:\n%s\n' \
    "$clean_rc" "$clean"
  status=1
fi
[ "$status" -ne 0 ] || echo "PASS: anti-patterns found, greeting and runtime clean"
exit "$status"
