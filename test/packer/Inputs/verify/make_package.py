#!/usr/bin/env python3
"""Write a brisk-pack output by hand: zips of folders and a manifest.json.

usage: make_package.py OUT_DIR [--layer NAME=DIR]... FUNCTION...
  FUNCTION is NAME:RUNTIME:DIR[:LAYER,LAYER...][:HANDLER]

For the verify tests of what brisk-pack does not pack itself yet (layers,
managed runtimes). Files keep their modes; zips are in manifest order.
"""
import base64
import hashlib
import json
import os
import sys
import zipfile


def zip_folder(folder, zip_path):
    os.makedirs(os.path.dirname(zip_path), exist_ok=True)
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as z:
        for root, dirs, files in sorted(os.walk(folder)):
            dirs.sort()
            for name in sorted(files):
                path = os.path.join(root, name)
                info = zipfile.ZipInfo(os.path.relpath(path, folder),
                                       (1980, 1, 1, 0, 0, 0))
                info.external_attr = (os.stat(path).st_mode & 0xFFFF) << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                with open(path, "rb") as f:
                    z.writestr(info, f.read())
    with open(zip_path, "rb") as f:
        data = f.read()
    return base64.b64encode(hashlib.sha256(data).digest()).decode(), len(data)


def main(argv):
    out, rest = argv[1], argv[2:]
    layers, functions = [], []
    while rest:
        arg = rest.pop(0)
        if arg == "--layer":
            name, folder = rest.pop(0).split("=", 1)
            sha, size = zip_folder(folder, os.path.join(out, "layers", name + ".zip"))
            layers.append({"name": name, "zip": "layers/%s.zip" % name,
                           "code_sha256": sha, "zip_bytes": size})
            continue
        parts = arg.split(":")
        name, runtime, folder = parts[:3]
        uses = parts[3].split(",") if len(parts) > 3 and parts[3] else []
        zip_rel = "functions/%s.zip" % name
        sha, size = zip_folder(folder, os.path.join(out, zip_rel))
        fn = {"name": name, "runtime": runtime, "zip": zip_rel,
              "code_sha256": sha, "zip_bytes": size, "layers": uses}
        if len(parts) > 4:
            fn["handler"] = parts[4]
        functions.append(fn)
    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump({"version": 1, "functions": functions, "layers": layers}, f,
                  indent=2)


if __name__ == "__main__":
    main(sys.argv)
