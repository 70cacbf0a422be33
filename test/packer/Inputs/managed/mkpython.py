"""Write a Python function's tree as `pip install -t .` leaves it.

usage: mkpython.py DIR EXTENSION [--site SITE_DIR]
  EXTENSION  a compiled module, copied to fastmath/_speedups<EXT_SUFFIX>
  --site     put the packages in SITE_DIR and only the handler in DIR

fastmath-1.0: a package with the extension, tests, docs, a README, type
stubs, a C header, a LICENSE, bytecode for another Python and for this one,
and a RECORD that also lists files outside the package folder: a bin/
script and a fastmath.libs/ folder of vendored libraries.
tinyyaml-2.0: a single module with an egg-info (installed-files.txt).
"""
import os
import py_compile
import sys
import sysconfig

root = sys.argv[1]
extension = sys.argv[2]
site = sys.argv[4] if len(sys.argv) > 4 and sys.argv[3] == "--site" else root
suffix = sysconfig.get_config_var("EXT_SUFFIX")
tag = sys.implementation.cache_tag
other = "cpython-39" if tag != "cpython-39" else "cpython-38"


def write(base, path, data, mode=0o644):
    full = os.path.join(base, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())
    os.chmod(full, mode)


with open(extension, "rb") as f:
    ext = f.read()
package = {
    "fastmath/__init__.py": "from ._speedups import twice\n",
    "fastmath/_speedups" + suffix: ext,
    "fastmath/__init__.pyi": "def twice(x: int) -> int: ...\n",
    "fastmath/include/fastmath.h": "int twice(int);\n",
    "fastmath/README.md": "# fastmath\n" + "x" * 90 + "\n",
    "fastmath/LICENSE.txt": "MIT\n",
    "fastmath/tests/__init__.py": "",
    "fastmath/tests/test_twice.py": "def test():\n    assert True\n",
    "fastmath/__pycache__/__init__.%s.pyc" % other: b"\0" * 40,
    "fastmath.libs/libhelper-1a2b.so.1": b"not really a library\n",
    "bin/fastmath-tool": "#!/usr/bin/env python3\nprint('tool')\n",
    "fastmath-1.0.dist-info/METADATA": "Metadata-Version: 2.1\nName: fastmath\nVersion: 1.0\n",
    "fastmath-1.0.dist-info/LICENSE": "MIT\n",
    "fastmath-1.0.dist-info/top_level.txt": "fastmath\n",
}
record = "".join("%s,,\n" % p for p in sorted(package) if "__pycache__" not in p)
package["fastmath-1.0.dist-info/RECORD"] = record + "fastmath-1.0.dist-info/RECORD,,\n"
for path, data in package.items():
    write(site, path, data, 0o755 if path.startswith("bin/") else 0o644)

# Bytecode for this Python, as pip compiles it: kept.
py_compile.compile(os.path.join(site, "fastmath/__init__.py"),
                   cfile=os.path.join(site, "fastmath/__pycache__/__init__.%s.pyc" % tag),
                   dfile="fastmath/__init__.py",
                   invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)

write(site, "tinyyaml.py", "def load(text):\n    return text.split(':')\n")
write(site, "tinyyaml-2.0.egg-info/PKG-INFO", "Name: tinyyaml\nVersion: 2.0\n")
write(site, "tinyyaml-2.0.egg-info/installed-files.txt",
      "../tinyyaml.py\nPKG-INFO\ninstalled-files.txt\n")
write(site, "tinyyaml-2.0.egg-info/CHANGELOG.md", "kept: metadata\n")

write(root, "lambda_function.py", """import importlib.metadata
import fastmath
import tinyyaml


def lambda_handler(event, context):
    return {"twice": fastmath.twice(21),
            "version": importlib.metadata.version("fastmath"),
            "yaml": tinyyaml.load("a:b")}
""")
write(root, "helpers/README.md", "the function's own: never pruned\n")
