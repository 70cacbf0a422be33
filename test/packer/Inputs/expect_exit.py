"""Run a command and fail unless it exits with the given code.

usage: expect_exit.py CODE COMMAND [ARG...]
Its stdout and stderr pass through unchanged.
"""
import subprocess
import sys

want = int(sys.argv[1])
got = subprocess.run(sys.argv[2:]).returncode
if got != want:
    sys.stderr.write("expect_exit: %s exited %d, expected %d\n" % (sys.argv[2], got, want))
    sys.exit(1)
