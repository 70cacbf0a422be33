"""Write a tar with exactly the given entries, hostile ones included.

usage: mktar.py OUT.tar SPEC...
  NAME=TEXT   a regular file       NAME@=TARGET  a symlink
  NAME!chr    a character device   NAME!fifo     a FIFO
  NAME^=OTHER a hard link to OTHER
NAME may hold \\xNN escapes for raw bytes (written as they are, not UTF-8).
"""
import io
import sys
import tarfile


def raw(name):
    return name.encode().decode("unicode_escape").encode("latin-1").decode("latin-1")


with tarfile.open(sys.argv[1], "w", format=tarfile.GNU_FORMAT, encoding="latin-1") as t:
    for spec in sys.argv[2:]:
        info = tarfile.TarInfo()
        data = None
        if "@=" in spec:
            name, target = spec.split("@=", 1)
            info.type, info.linkname = tarfile.SYMTYPE, target
        elif "^=" in spec:
            name, target = spec.split("^=", 1)
            info.type, info.linkname = tarfile.LNKTYPE, target
        elif spec.endswith("!chr"):
            name = spec[:-4]
            info.type, info.devmajor, info.devminor = tarfile.CHRTYPE, 1, 3
        elif spec.endswith("!fifo"):
            name = spec[:-5]
            info.type = tarfile.FIFOTYPE
        else:
            name, text = spec.split("=", 1)
            data = text.encode()
            info.size = len(data)
            info.mode = 0o755 if name.endswith("bootstrap") else 0o644
        info.name = raw(name)
        t.addfile(info, io.BytesIO(data) if data is not None else None)
