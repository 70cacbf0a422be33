#!/usr/bin/env python3
"""usage: sarif-results.py FILE

Prints one line per result of a SARIF log: rule, uri:line:column, and the
primaryLocationLineHash, so that lit tests can compare runs.
"""
import json
import sys

if len(sys.argv) != 2:
    sys.exit(__doc__)
with open(sys.argv[1]) as f:
    log = json.load(f)
for run in log["runs"]:
    for r in run["results"]:
        loc = r["locations"][0]["physicalLocation"]
        print("%s %s:%d:%d %s" % (
            r["ruleId"], loc["artifactLocation"]["uri"],
            loc["region"]["startLine"], loc["region"]["startColumn"],
            r["partialFingerprints"]["primaryLocationLineHash"]))
