"""Write a Node.js function's tree as `npm install` leaves it.

usage: mknode.py DIR

- greeter 1.0.0 depends on @acme/format (scoped) and on lodash-lite, of
  which it needs 2.x while the hoisted one is 1.x: npm nested 2.x in
  greeter/node_modules; it also names an optional dependency that is not
  installed and a peer dependency found at the top.
- @acme/format 1.2.0 has TypeScript sources next to its JavaScript, type
  declarations, a source map, tests, docs and a README.
- @acme/tool 0.1.0 has a bin/ script npm linked from node_modules/.bin.
- lodash-lite 1.0.0, hoisted.
The handler requires greeter and @acme/format.
"""
import json
import os
import sys

root = sys.argv[1]


def write(path, data, mode=0o644):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w") as f:
        f.write(data if isinstance(data, str) else json.dumps(data, indent=2) + "\n")
    os.chmod(full, mode)


write("package.json", {"name": "greeting-fn", "version": "1.0.0", "private": True,
                       "engines": {"node": "20.x"},
                       "dependencies": {"greeter": "^1.0.0", "@acme/format": "^1.2.0"}})
write("index.js", """const greeter = require("greeter");
const { shout } = require("@acme/format");
exports.handler = async (event) => ({ text: shout(greeter.greet("Alice")), lodash: greeter.lodashVersion });
""")
write("src/README.md", "the function's own: never pruned\n")

write("node_modules/greeter/package.json", {
    "name": "greeter", "version": "1.0.0", "main": "index.js",
    "dependencies": {"@acme/format": "^1.2.0", "lodash-lite": "^2.0.0"},
    "optionalDependencies": {"fsevents-like": "^1.0.0"},
    "peerDependencies": {"@acme/tool": "*"}})
write("node_modules/greeter/index.js", """const { capitalise } = require("@acme/format");
const lodash = require("lodash-lite");
exports.greet = (name) => "hello, " + capitalise(name);
exports.lodashVersion = lodash.version;
""")
write("node_modules/greeter/node_modules/lodash-lite/package.json",
      {"name": "lodash-lite", "version": "2.0.0", "main": "index.js"})
write("node_modules/greeter/node_modules/lodash-lite/index.js", "exports.version = '2.0.0';\n")
write("node_modules/greeter/test/greet.test.js", "// a test\n")

write("node_modules/lodash-lite/package.json", {"name": "lodash-lite", "version": "1.0.0", "main": "index.js"})
write("node_modules/lodash-lite/index.js", "exports.version = '1.0.0';\n")
write("node_modules/lodash-lite/LICENSE", "MIT\n")

fmt = "node_modules/@acme/format/"
write(fmt + "package.json", {"name": "@acme/format", "version": "1.2.0", "main": "dist/index.js",
                             "types": "dist/index.d.ts"})
write(fmt + "dist/index.js", "exports.capitalise = (s) => s[0].toUpperCase() + s.slice(1);\n"
                             "exports.shout = (s) => s.toUpperCase() + '!';\n")
write(fmt + "dist/index.js.map", '{"version":3,"sources":["../src/index.ts"],"mappings":"AAAA"}\n')
write(fmt + "dist/index.d.ts", "export declare function shout(s: string): string;\n")
write(fmt + "dist/index.ts", "export const shout = (s: string) => s.toUpperCase() + '!';\n")
write(fmt + "dist/esm/package.json", {"type": "module"})
write(fmt + "docs/guide.html", "<p>guide</p>\n")
write(fmt + "__tests__/format.test.js", "// a test\n")
write(fmt + "README.md", "# format\n")
write(fmt + "CHANGELOG", "1.2.0\n")

write("node_modules/@acme/tool/package.json", {"name": "@acme/tool", "version": "0.1.0", "bin": {"acme": "bin/acme.js"}})
write("node_modules/@acme/tool/bin/acme.js", "#!/usr/bin/env node\nconsole.log('acme');\n", 0o755)
os.makedirs(os.path.join(root, "node_modules/.bin"), exist_ok=True)
os.symlink("../@acme/tool/bin/acme.js", os.path.join(root, "node_modules/.bin/acme"))
write("node_modules/.package-lock.json", {"name": "greeting-fn", "lockfileVersion": 3})
