"""Create the same function tree in different ways.

usage: mktree.py DIR ORDER MTIME UMASK ELF
  ORDER   forward|reverse: order in which files are created
  MTIME   seconds since the epoch given to every file
  UMASK   octal umask the files are created under
  ELF     an ELF file copied to bin/tool and lib/libcopy.so
The contents never vary; only creation order, mtimes and permissions do.
"""
import os
import shutil
import sys

root, order, mtime, umask, elf = sys.argv[1:6]
os.umask(int(umask, 8))
files = [
    ("bootstrap", b"#!/bin/sh\nexec \"$LAMBDA_TASK_ROOT/bin/tool\" \"$@\"\n", True),
    ("data/a.txt", b"alpha\n" * 100, False),
    ("data/b.txt", b"bravo\n" * 50, False),
    ("data/nested/deep/c.json", b'{"c": 1}\n', False),
    ("zeta.txt", b"last\n", False),
]
if order == "reverse":
    files.reverse()
for path, data, executable in files:
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as f:
        f.write(data)
    if executable:
        os.chmod(full, 0o777 & ~int(umask, 8))
for dest in (["bin/tool", "lib/libcopy.so"] if order == "forward" else ["lib/libcopy.so", "bin/tool"]):
    full = os.path.join(root, dest)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    shutil.copyfile(elf, full)
    os.chmod(full, 0o777 & ~int(umask, 8))
os.symlink("a.txt", os.path.join(root, "data/link-to-a"))
for dirpath, dirnames, filenames in os.walk(root):
    for name in filenames + dirnames:
        os.utime(os.path.join(dirpath, name), (int(mtime), int(mtime)), follow_symlinks=False)
