"""Run a command under an address-space limit and check its time and memory.

usage: run_limited.py AS_MIB MAX_SECONDS MAX_RSS_MIB EXIT COMMAND [ARG...]
Sets RLIMIT_AS (what `ulimit -v` sets) to AS_MIB for the command, then
prints "exit CODE" and, on stderr, the wall time and peak resident memory
measured. Exits 1 unless the command exited with EXIT within MAX_SECONDS
and never had more than MAX_RSS_MIB resident.
"""
import resource
import subprocess
import sys
import time

as_mib, max_s, max_rss, want = (int(a) for a in sys.argv[1:5])
command = sys.argv[5:]


def limit():
    resource.setrlimit(resource.RLIMIT_AS, (as_mib << 20, as_mib << 20))


start = time.monotonic()
try:
    p = subprocess.run(command, preexec_fn=limit, stderr=subprocess.PIPE,
                       timeout=4 * max_s + 10)
except subprocess.TimeoutExpired:
    sys.exit("run_limited: still running after %d s" % (4 * max_s + 10))
seconds = time.monotonic() - start
rss_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
sys.stdout.write(p.stderr.decode(errors="replace"))
print("exit %d" % p.returncode)
sys.stderr.write("run_limited: %.2f s, %.0f MiB resident at most, under a "
                 "%d MiB address-space limit\n" % (seconds, rss_mib, as_mib))
ok = p.returncode == want and seconds <= max_s and rss_mib <= max_rss
if not ok:
    sys.stderr.write("run_limited: wanted exit %d within %d s and %d MiB\n"
                     % (want, max_s, max_rss))
sys.exit(0 if ok else 1)
