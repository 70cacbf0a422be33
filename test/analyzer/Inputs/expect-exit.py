#!/usr/bin/env python3
"""usage: expect-exit.py CODE COMMAND [ARG...]

Runs COMMAND with its output passed through and succeeds only when it exits
with CODE, so that lit tests can tell exit code 2 (could not run) from 1
(findings); lit's `not` accepts any non-zero code.
"""
import subprocess
import sys

if len(sys.argv) < 3:
    sys.exit(__doc__)
want = int(sys.argv[1])
got = subprocess.call(sys.argv[2:])
if got != want:
    sys.stderr.write("expect-exit.py: %s exited with %d, expected %d\n"
                     % (sys.argv[2], got, want))
    sys.exit(1)
