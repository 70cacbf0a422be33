"""Write three Node.js functions' trees whose packages overlap.

usage: mknodeset.py DIR

DIR/a, DIR/b, DIR/c, each with index.js and node_modules:
- common 1.0.0 and @scope/util 1.0.0 in all three;
- shared 1.0.0 in a and b, identical: it requires common and, when it is
  installed, its optional dependency dep-a;
- dep-a 1.0.0 only in a.
Each handler answers where every package it reaches was loaded from.
"""
import json
import os
import sys

root = sys.argv[1]


def write(fn, path, data):
    full = os.path.join(root, fn, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w") as f:
        f.write(data if isinstance(data, str) else json.dumps(data, indent=2) + "\n")


def package(fn, name, manifest, code):
    write(fn, "node_modules/%s/package.json" % name,
          dict({"name": name, "version": "1.0.0", "main": "index.js"}, **manifest))
    write(fn, "node_modules/%s/index.js" % name, code)


for fn in "abc":
    write(fn, "package.json", {"name": fn, "version": "1.0.0", "engines": {"node": "20.x"}})
    package(fn, "common", {}, "exports.where = __filename;\n")
    package(fn, "@scope/util", {}, "exports.where = __filename;\n")
    uses_shared = fn in "ab"
    write(fn, "index.js", """const where = {
  common: require("common").where,
  util: require("@scope/util").where,
};
%s
exports.handler = async () => where;
""" % ("Object.assign(where, require(\"shared\").where());" if uses_shared else ""))
    if uses_shared:
        package(fn, "shared", {"dependencies": {"common": "^1.0.0"},
                               "optionalDependencies": {"dep-a": "^1.0.0"}},
                """exports.where = () => {
  let dep = null;
  try { dep = require("dep-a").where; } catch (e) { dep = "absent"; }
  return { shared: __filename, common_from_shared: require("common").where, dep };
};
""")
package("a", "dep-a", {}, "exports.where = __filename;\n")
