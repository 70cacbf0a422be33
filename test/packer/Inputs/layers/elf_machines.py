#!/usr/bin/env python3
"""Counts the ELF files in zips by their e_machine: "aarch64 N" and
"x86_64 N" lines, then "other N" for any other machine.

usage: elf_machines.py ZIP...
"""
import struct
import sys
import zipfile

NAMES = {183: "aarch64", 62: "x86_64"}


def main():
    counts = {"aarch64": 0, "x86_64": 0, "other": 0}
    for path in sys.argv[1:]:
        with zipfile.ZipFile(path) as z:
            for info in z.infolist():
                if info.is_dir() or (info.external_attr >> 16) & 0o170000 == 0o120000:
                    continue
                head = z.open(info).read(20)
                if head[:4] != b"\x7fELF":
                    continue
                machine = struct.unpack("<H", head[18:20])[0]
                counts[NAMES.get(machine, "other")] += 1
    for name in ("aarch64", "x86_64", "other"):
        print(name, counts[name])


if __name__ == "__main__":
    main()
