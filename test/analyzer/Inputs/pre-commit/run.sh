#!/usr/bin/env bash
# usage: run.sh WORK_DIR BRISK_CHECKOUT INCLUDE_DIR
#
# Drives brisk-check's pre-commit hook for real, offline: a throwaway git
# repository with a compilation database and a planted finding, whose
# .pre-commit-config.yaml points at BRISK_CHECKOUT (a local git repository,
# at its HEAD) for the hook. The first commit must be refused with the
# finding shown, the second, after the fix, accepted.
set -euo pipefail
work=$1 brisk=$2 include=$3
rm -rf "$work"
mkdir -p "$work/repo/src"
cd "$work/repo"
export PRE_COMMIT_HOME="$work/pre-commit-home" GIT_CONFIG_NOSYSTEM=1
export HOME="$work" # no user's git or pre-commit settings
git init -q .
git config user.name test
git config user.email test@localhost
git config commit.gpgsign false

cat > src/handler.cpp <<'CPP'
#include <aws/lambda-runtime/runtime.h>
#include <aws/s3/S3Client.h>

using namespace aws::lambda_runtime;

static invocation_response handler(invocation_request const &Req) {
  Aws::S3::S3Client Client;
  return invocation_response::success(Req.payload, "text/plain");
}

int main() {
  run_handler(handler);
  return 0;
}
CPP
python3 - "$work/repo" "$include" <<'PY'
import json, os, sys
repo, include = sys.argv[1], sys.argv[2]
src = os.path.join(repo, "src", "handler.cpp")
os.makedirs(os.path.join(repo, "build"))
with open(os.path.join(repo, "build", "compile_commands.json"), "w") as f:
    json.dump([{"directory": os.path.join(repo, "src"), "file": src,
                "arguments": ["clang++", "-std=c++17", "-isystem", include,
                              "-c", src, "-o", src + ".o"]}], f)
PY
printf 'build/\n' > .gitignore
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $brisk
    rev: $(git -C "$brisk" rev-parse HEAD)
    hooks:
      - id: brisk-check
YAML
pre-commit install >/dev/null
git add .gitignore .pre-commit-config.yaml src/handler.cpp

echo "== planted finding"
if git commit -q -m planted 2>&1; then
  echo "run.sh: the commit with a finding was accepted" >&2
  exit 1
fi

echo "== fixed"
sed -i -e 's|^  Aws::S3::S3Client Client;|  static const Aws::S3::S3Client Client;|' src/handler.cpp
git add src/handler.cpp
git commit -q -m fixed 2>&1
git log --format='committed: %s'
