"""Damage an ELF file the way broken tools do.

usage: corrupt_elf.py shoff|truncate FILE
  shoff     point e_shoff far past the end: the section table is unreadable
  truncate  cut the file in half: sections run past the end
"""
import struct
import sys

how, path = sys.argv[1], sys.argv[2]
with open(path, "r+b") as f:
    data = bytearray(f.read())
    if data[:4] != b"\x7fELF" or data[4] != 2:
        sys.exit("not an ELF64 file: " + path)
    if how == "shoff":
        struct.pack_into("<Q", data, 0x28, len(data) * 16)
    elif how == "truncate":
        del data[len(data) // 2:]
    else:
        sys.exit(__doc__)
    f.seek(0)
    f.truncate()
    f.write(data)
