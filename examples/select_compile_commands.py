#!/usr/bin/env python3
"""Write the entries of a compile_commands.json whose file is under a folder.

usage: select_compile_commands.py DATABASE FOLDER OUT

brisk's own database also holds brisk's sources, which include Clang's
headers and take minutes to parse; the examples get a database of their own
with the very entries (flags, include paths) CMake wrote for them.
"""
import json
import os
import sys


def main(argv):
    if len(argv) != 4:
        sys.exit(__doc__)
    database, folder, out = argv[1:]
    prefix = os.path.join(os.path.abspath(folder), "")
    with open(database, encoding="utf-8") as f:
        entries = [e for e in json.load(f)
                   if os.path.abspath(os.path.join(e["directory"], e["file"]))
                   .startswith(prefix)]
    if not entries:
        sys.exit("%s: no entry under %s" % (database, folder))
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(entries, f, indent=2)
    os.replace(tmp, out)


if __name__ == "__main__":
    main(sys.argv)
