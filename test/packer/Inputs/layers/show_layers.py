#!/usr/bin/env python3
"""Prints what OUT_DIR's manifest says of layers, and which of the named
paths each zip holds, one fact per line, layer names replaced by L1, L2, ...
in manifest order so that checks do not depend on hashes.

usage: show_layers.py OUT_DIR [PATH...]
"""
import json
import os
import sys
import zipfile


def main():
    out = sys.argv[1]
    paths = sys.argv[2:]
    with open(os.path.join(out, "manifest.json")) as f:
        manifest = json.load(f)
    alias = {l["name"]: "L%d" % (i + 1) for i, l in enumerate(manifest["layers"])}
    for l in manifest["layers"]:
        with zipfile.ZipFile(os.path.join(out, l["zip"])) as z:
            names = set(z.namelist())
        held = [p for p in paths if p in names]
        print("layer %s used_by=%s files=%d holds=%s" % (
            alias[l["name"]], ",".join(l["used_by"]), l["files"], " ".join(held)))
        assert l["files"] == len([n for n in names if not n.endswith("/")])
        assert l["unzipped_bytes"] > 0 and l["zip_bytes"] == os.path.getsize(
            os.path.join(out, l["zip"]))
    for fn in manifest["functions"]:
        with zipfile.ZipFile(os.path.join(out, fn["zip"])) as z:
            names = set(z.namelist())
            own = sum(i.file_size for i in z.infolist())
        held = [p for p in paths if p in names]
        layers = [alias[n] for n in fn["layers"]]
        total = own + sum(l["unzipped_bytes"] for l in manifest["layers"]
                          if l["name"] in fn["layers"])
        assert fn["unzipped_bytes"] == own, (fn["name"], own)
        assert fn["total_unzipped_bytes"] == total, (fn["name"], total)
        print("function %s layers=%s holds=%s" % (
            fn["name"], ",".join(layers) or "-", " ".join(held)))


if __name__ == "__main__":
    main()
