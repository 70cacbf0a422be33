"""Write a zip with exactly the given entries (hostile ones included).

usage: mkzip.py OUT.zip NAME=TEXT... ; NAME@=TARGET makes a symlink entry
NAME may hold \\xNN escapes: such a name is written as those raw bytes,
without the UTF-8 flag (a NUL, or bytes that are not UTF-8).
"""
import sys
import zipfile


class RawName(zipfile.ZipInfo):
    """A ZipInfo whose name bytes are written as given."""

    def _encodeFilenameFlags(self):
        return self.filename.encode("latin-1"), self.flag_bits


def info_for(name):
    if "\\x" in name:
        return RawName(name.encode().decode("unicode_escape"))
    return zipfile.ZipInfo(name)


with zipfile.ZipFile(sys.argv[1], "w") as z:
    for spec in sys.argv[2:]:
        if "@=" in spec:
            name, target = spec.split("@=", 1)
            info = info_for(name)
            info.create_system = 3
            info.external_attr = (0o120777 << 16)
            z.writestr(info, target)
        else:
            name, text = spec.split("=", 1)
            info = info_for(name)
            info.create_system = 3
            info.external_attr = (0o100755 << 16) if name.endswith("bootstrap") else (0o100644 << 16)
            z.writestr(info, text)
