"""Print the paths of the *.debug files under DIR (relative, sorted) and copy
the only one to OUT; fails unless there is exactly one."""
import os
import shutil
import sys

root, out = sys.argv[1], sys.argv[2]
found = sorted(os.path.relpath(os.path.join(d, f), root)
               for d, _, files in os.walk(root) for f in files if f.endswith(".debug"))
for path in found:
    print("debug file: " + path)
if len(found) != 1:
    sys.exit("expected one .debug file under %s, found %d" % (root, len(found)))
shutil.copyfile(os.path.join(root, found[0]), out)
