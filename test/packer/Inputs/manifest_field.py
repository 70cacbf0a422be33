"""Print functions[INDEX][FIELD] of a manifest.json (INDEX defaults to 0)."""
import json
import sys

with open(sys.argv[1]) as f:
    manifest = json.load(f)
print(manifest["functions"][int(sys.argv[3]) if len(sys.argv) > 3 else 0][sys.argv[2]])
