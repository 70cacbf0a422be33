"""Run a command that must fail and must leave a folder exactly as it was.

usage: untouched.py WORK_DIR EXIT COMMAND [ARG...]

Snapshots every entry below WORK_DIR (type, mode, contents, link target),
runs COMMAND with its output passed through, and exits 1 unless it exited
with EXIT and WORK_DIR is the same afterwards: the inputs, OUT_DIR's earlier
contents and everything beside it untouched, nothing created anywhere below.
"""
import hashlib
import os
import stat
import subprocess
import sys

work, want, command = sys.argv[1], int(sys.argv[2]), sys.argv[3:]


def snapshot():
    state = {}
    for dirpath, dirnames, filenames in os.walk(work):
        for name in dirnames + filenames:
            full = os.path.join(dirpath, name)
            st = os.lstat(full)
            entry = (stat.S_IFMT(st.st_mode), stat.S_IMODE(st.st_mode))
            if stat.S_ISLNK(st.st_mode):
                entry += (os.readlink(full),)
            elif stat.S_ISREG(st.st_mode):
                try:
                    with open(full, "rb") as f:
                        entry += (hashlib.sha256(f.read()).hexdigest(),)
                except PermissionError:
                    entry += ("unreadable", st.st_size, st.st_mtime_ns)
            state[os.path.relpath(full, work)] = entry
    return state


before = snapshot()
got = subprocess.run(command).returncode
after = snapshot()
changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
if got != want:
    sys.stderr.write("untouched: %s exited %d, expected %d\n" % (command[0], got, want))
if changed:
    sys.stderr.write("untouched: changed below %s: %s\n" % (work, " ".join(changed[:10])))
sys.exit(0 if got == want and not changed else 1)
