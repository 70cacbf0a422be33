#!/usr/bin/env python3
"""Copies OUT_DIR to NEW_DIR with every function's layers taken away, as a
function deployed without its layers would be.

usage: drop_layers.py OUT_DIR NEW_DIR
"""
import json
import os
import shutil
import sys


def main():
    out, new = sys.argv[1], sys.argv[2]
    shutil.copytree(out, new)
    path = os.path.join(new, "manifest.json")
    with open(path) as f:
        manifest = json.load(f)
    for fn in manifest["functions"]:
        fn["layers"] = []
    with open(path, "w") as f:
        json.dump(manifest, f, indent=2)


if __name__ == "__main__":
    main()
