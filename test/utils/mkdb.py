#!/usr/bin/env python3
"""Write a compile_commands.json for lit tests.

usage: mkdb.py OUT_DIR [-- FLAG...] -- FILE...
   or: mkdb.py OUT_DIR FILE...   (flags default to -std=c++17)

Each FILE becomes one entry compiled with clang++ and the given flags, in the
file's own directory, as CMake would write it.
"""
import json
import os
import sys


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    out_dir = argv[1]
    rest = argv[2:]
    flags = ["-std=c++17"]
    if rest and rest[0] == "--":
        end = rest.index("--", 1)
        flags = rest[1:end]
        rest = rest[end + 1:]
    entries = []
    for f in rest:
        path = os.path.abspath(f)
        entries.append({
            "directory": os.path.dirname(path),
            "arguments": ["clang++"] + flags + ["-c", path, "-o", path + ".o"],
            "file": path,
        })
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "compile_commands.json"), "w") as out:
        json.dump(entries, out, indent=2)


if __name__ == "__main__":
    main(sys.argv)
