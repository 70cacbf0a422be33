"""Check that a native function's zip bundles exactly its library closure.

usage: closure_check.py ZIP EXECUTABLE RUNTIME_PROFILE_JSON

The expected closure comes from the system loader (ldd on the fixture the test
built), minus the sonames the runtime provides, unless the zip bundles libc
(its bootstrap runs the bundled loader), in which case everything including
the loader ships, with lib/ld.so (the short name the program's PT_INTERP
uses) and, when something imports iconv_open, lib/gconv/. Every expected
soname must be in lib/, and lib/ must hold nothing else than those sonames,
the files their links point to, and those two.
"""
import json
import os
import subprocess
import sys
import zipfile

zip_path, exe, profile_path = sys.argv[1:4]
with open(profile_path) as f:
    provided = set(json.load(f)["provides"])

names = set()
for line in subprocess.run(["ldd", exe], check=True, capture_output=True,
                           text=True).stdout.splitlines():
    first = line.split()[0]
    if first.startswith("linux-vdso"):
        continue
    names.add(os.path.basename(first))

with zipfile.ZipFile(zip_path) as z:
    bootstrap = z.read("bootstrap").decode()
    libc_bundled = "--library-path" in bootstrap
    lib = {}
    for info in z.infolist():
        if info.filename.startswith("lib/") and not info.filename.endswith("/"):
            is_link = (info.external_attr >> 16) & 0o170000 == 0o120000
            lib[info.filename[4:]] = z.read(info).decode() if is_link else None

if libc_bundled:
    expected = names
else:
    expected = {n for n in names if n not in provided and not n.startswith("ld-linux")}
link_targets = {lib[n] for n in expected if lib.get(n)}
missing = sorted(expected - set(lib))
extra = sorted(n for n in set(lib) - expected - link_targets
               if not (libc_bundled and (n == "ld.so" or n.startswith("gconv/"))))
print("libc bundled: %s" % ("yes" if libc_bundled else "no"))
print("expected: %s" % " ".join(sorted(expected)))
if missing or extra:
    print("missing: %s" % " ".join(missing))
    print("extra: %s" % " ".join(extra))
    sys.exit(1)
print("closure ok: %d sonames" % len(expected))
