"""Damage an ELF file the way broken tools do.

usage: corrupt_elf.py shoff|cut-shdrs|truncate FILE
  shoff      point e_shoff far past the end: the section table is unreadable
  cut-shdrs  cut the file in the middle of its section header table
  truncate   cut the file in half: sections run past the end
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
    elif how == "cut-shdrs":
        shoff = struct.unpack_from("<Q", data, 0x28)[0]
        shentsize, shnum = struct.unpack_from("<HH", data, 0x3a)
        del data[shoff + shentsize * shnum // 2:]
    elif how == "truncate":
        del data[len(data) // 2:]
    else:
        sys.exit(__doc__)
    f.seek(0)
    f.truncate()
    f.write(data)
