#!/usr/bin/env python3
"""Checks a JSON size report's "in" of every function file against the zips
the same run wrote: a file the function's own zip holds is "function", any
other is in one of the function's layers whose zip holds that path. Prints
one line per function (files in the function, files in each layer) and
MISMATCH for any file whose place the zips contradict.

usage: report_places.py OUT_DIR REPORT.json
"""
import collections
import json
import os
import sys
import zipfile

out, report = sys.argv[1], sys.argv[2]
with open(os.path.join(out, "manifest.json")) as f:
    manifest = json.load(f)
with open(report) as f:
    data = json.load(f)
zips = {}
for entry in manifest["functions"] + manifest["layers"]:
    with zipfile.ZipFile(os.path.join(out, entry["zip"])) as z:
        zips[entry["name"]] = set(z.namelist())
for fn in data["functions"]:
    counts = collections.Counter()
    for file in fn["files"]:
        where, path = file["in"], file["path"]
        counts[where] += 1
        if where == "function":
            ok = path in zips[fn["name"]]
        else:
            ok = where in fn["layers"] and path in zips[where]
        if not ok:
            print("MISMATCH %s: %s is not in %s" % (fn["name"], path, where))
    print(fn["name"], " ".join(
        "%s=%d" % ("layer" if k != "function" else k, v)
        for k, v in sorted(counts.items())))
