"""Kill brisk-pack at many points and check that OUT_DIR is, every time,
either the previous run's complete output or the new run's, that files
brisk-pack did not write survive, and that the next run cleans up.

usage: kill_loop.py BRISK_PACK WORK_DIR POINTS [SYSCALL...]

POINTS runs are killed with SIGKILL after delays spread over one run's
duration. For each SYSCALL, strace kills the run at its 1st, 2nd, ... call
(strace -f -e inject=SYSCALL:signal=SIGKILL:when=N), for every N up to the
number of calls a complete run makes. Prints one line per kind of kill and
exits 1 at the first broken invariant.
"""
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time

brisk, work, points = sys.argv[1], os.path.abspath(sys.argv[2]), int(sys.argv[3])
syscalls = sys.argv[4:]
out = os.path.join(work, "out")
FOREIGN = {"notes.txt": b"mine\n", "docs/readme": b"keep me\n",
           "functions/extra.txt": b"also mine\n"}


def make_function(name, size):
    root = os.path.join(work, "in", name)
    os.makedirs(os.path.join(root, "data"), exist_ok=True)
    with open(os.path.join(root, "bootstrap"), "w") as f:
        f.write("#!/bin/sh\n# %s\n" % name)
    # Random bytes: deflate works on them for a while, so kills land inside.
    with open(os.path.join(root, "data", "blob.bin"), "wb") as f:
        f.write(os.urandom(size))
    return root


def snapshot(root):
    """Every entry below root: path -> ('d',) | ('l', target) | ('f', sha256)."""
    state = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            full = os.path.join(dirpath, name)
            rel = os.path.relpath(full, root)
            if os.path.islink(full):
                state[rel] = ("l", os.readlink(full))
            elif os.path.isdir(full):
                state[rel] = ("d",)
            else:
                with open(full, "rb") as f:
                    state[rel] = ("f", hashlib.sha256(f.read()).hexdigest())
    return state


def args_for(functions):
    return [brisk, "-o", out] + ["%s=%s" % (n, p) for n, p in functions]


def run(functions, prefix=(), check=True):
    p = subprocess.run(list(prefix) + args_for(functions), stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE)
    if check and p.returncode != 0:
        sys.exit("kill_loop: a complete run failed: %s" % p.stderr.decode())
    return p


def leftovers():
    return sorted(n for n in os.listdir(work) if n.startswith(".out.brisk-"))


def fail(what):
    print("kill_loop: FAILED: " + what)
    sys.exit(1)


shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
a = make_function("a", 2 << 20)
a2 = make_function("a2", 2 << 20)
b = make_function("b", 1 << 20)
c = make_function("c", 1 << 20)
d = make_function("d", 1 << 20)
sets = [[("a", a), ("b", b), ("c", c)], [("a", a2), ("b", b), ("d", d)]]

# The complete outputs of both sets, foreign files included.
expected = []
for s in sets:
    shutil.rmtree(out, ignore_errors=True)
    run(s)
    for rel, data in FOREIGN.items():
        os.makedirs(os.path.dirname(os.path.join(out, rel)) or out, exist_ok=True)
        with open(os.path.join(out, rel), "wb") as f:
            f.write(data)
    run(s)  # carries the foreign files over
    expected.append(snapshot(out))
if expected[0] == expected[1]:
    fail("the two outputs are the same")

start = time.monotonic()
run(sets[0])
duration = time.monotonic() - start
current = 0


def check_after_kill(target, what):
    """OUT_DIR must be the current or the target output; then a complete run
    to the target must clean up every leftover."""
    global current
    state = snapshot(out)
    if state != expected[current] and state != expected[target]:
        extra = sorted(set(state) ^ set(expected[target]))
        fail("%s: OUT_DIR is neither output (differs in %s)" % (what, extra[:5]))
    if any(".tmp-" in rel for rel in state):
        fail("%s: a temporary file in OUT_DIR" % what)
    run(sets[target])
    if snapshot(out) != expected[target]:
        fail("%s: the next run did not give the new output" % what)
    if leftovers():
        fail("%s: the next run left %s" % (what, leftovers()))
    current = target


timed = 0
for i in range(points):
    target = 1 - current
    delay = duration * 1.2 * i / max(points - 1, 1)
    p = subprocess.Popen(args_for(sets[target]), stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    time.sleep(delay)
    p.send_signal(signal.SIGKILL)
    p.wait()
    check_after_kill(target, "killed after %.3f s" % delay)
    timed += 1
print("timed kills: invariant held at %d of %d points (one run takes %.2f s)"
      % (timed, points, duration))

for name in syscalls:
    # How many times a complete run makes this call.
    trace = os.path.join(work, "trace.txt")
    target = 1 - current
    run(sets[target], prefix=["strace", "-f", "-qq", "-o", trace, "-e", "trace=" + name])
    with open(trace) as f:
        calls = sum(1 for line in f if (" %s(" % name) in line or line.startswith(name + "("))
    current = target
    tried = 0
    for n in range(1, calls + 1):
        target = 1 - current
        run(sets[target], check=False,
            prefix=["strace", "-f", "-qq", "-o", "/dev/null",
                    "-e", "trace=" + name,
                    "-e", "inject=%s:signal=SIGKILL:when=%d" % (name, n)])
        check_after_kill(target, "killed at %s call %d" % (name, n))
        tried += 1
    print("strace %s: invariant held at %d of %d calls" % (name, tried, calls))
