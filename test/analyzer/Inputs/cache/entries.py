#!/usr/bin/env python3
"""Inspect and damage brisk-check's summary cache, for lit tests.

usage: entries.py count DIR           number of entries (*.bsum)
       entries.py zstd DIR            'zstd' or 'other' per entry, sorted
       entries.py damage DIR          damage the first four entries (by name):
                                      truncate, flip a byte, overwrite, empty
       entries.py parallel N -- CMD   run N copies of CMD at once; print the
                                      output once if all agree, and the exit
                                      code
       entries.py kill DIR -- CMD     start CMD, SIGKILL it once DIR holds an
                                      entry, print whether it was still
                                      running then
"""
import os
import signal
import subprocess
import sys
import time


def entries(d):
    return sorted(f for f in os.listdir(d) if f.endswith(".bsum"))


def damage(d):
    names = entries(d)[:4]
    for i, name in enumerate(names):
        path = os.path.join(d, name)
        data = open(path, "rb").read()
        if i == 0:
            data = data[:len(data) // 2]
        elif i == 1:
            mid = len(data) // 2
            data = data[:mid] + bytes([data[mid] ^ 0x40]) + data[mid + 1:]
        elif i == 2:
            data = b"not a cache entry\n"
        else:
            data = b""
        open(path, "wb").write(data)
    print("damaged %d" % len(names))


def parallel(n, cmd):
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE) for _ in range(n)]
    results = [(p.communicate()[0], p.returncode) for p in procs]
    if any(r != results[0] for r in results):
        sys.exit("parallel: the runs disagree: %r" % [r[1] for r in results])
    sys.stdout.write(results[0][0].decode())
    print("runs: %d, exit: %d" % (n, results[0][1]))


def kill(d, cmd):
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    # No wall-clock deadline: on a loaded machine the first TU may take
    # minutes. The run either writes an entry or ends.
    while p.poll() is None:
        if os.path.isdir(d) and entries(d):
            break
        time.sleep(0.01)
    running = p.poll() is None
    if running:
        p.send_signal(signal.SIGKILL)
    p.wait()
    print("killed while running: %s" % ("yes" if running else "no"))


def main(argv):
    cmd = argv[1]
    if cmd == "count":
        print(len(entries(argv[2])))
    elif cmd == "zstd":
        for name in entries(argv[2]):
            head = open(os.path.join(argv[2], name), "rb").read(4)
            print("zstd" if head == b"\x28\xb5\x2f\xfd" else "other")
    elif cmd == "damage":
        damage(argv[2])
    elif cmd == "parallel":
        parallel(int(argv[2]), argv[4:])
    elif cmd == "kill":
        kill(argv[2], argv[4:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
