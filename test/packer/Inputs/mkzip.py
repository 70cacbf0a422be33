"""Write a zip with exactly the given entries (hostile ones included).

usage: mkzip.py OUT.zip NAME=TEXT... ; NAME@=TARGET makes a symlink entry
"""
import sys
import zipfile

with zipfile.ZipFile(sys.argv[1], "w") as z:
    for spec in sys.argv[2:]:
        if "@=" in spec:
            name, target = spec.split("@=", 1)
            info = zipfile.ZipInfo(name)
            info.create_system = 3
            info.external_attr = (0o120777 << 16)
            z.writestr(info, target)
        else:
            name, text = spec.split("=", 1)
            info = zipfile.ZipInfo(name)
            info.create_system = 3
            info.external_attr = (0o100755 << 16) if name.endswith("bootstrap") else (0o100644 << 16)
            z.writestr(info, text)
