"""Run a command under an address-space limit and check its time and memory.

usage: run_limited.py AS_MIB MAX_SECONDS MAX_RSS_MIB EXIT COMMAND [ARG...]
Sets RLIMIT_AS (what `ulimit -v` sets) to AS_MIB for the command, then
prints "exit CODE" and, on stderr, the CPU time and peak resident memory
measured. Exits 1 unless the command exited with EXIT within MAX_SECONDS of
CPU time and never had more than MAX_RSS_MIB resident. CPU time (user +
system), not wall time, because it counts the work done (inflating a bomb is
work) whatever else the machine is running; a hard wall-clock cap still ends
a command that hangs.
"""
import resource
import subprocess
import sys

as_mib, max_s, max_rss, want = (int(a) for a in sys.argv[1:5])
command = sys.argv[5:]


def limit():
    resource.setrlimit(resource.RLIMIT_AS, (as_mib << 20, as_mib << 20))


try:
    p = subprocess.run(command, preexec_fn=limit, stderr=subprocess.PIPE,
                       timeout=4 * max_s + 10)
except subprocess.TimeoutExpired:
    sys.exit("run_limited: still running after %d s" % (4 * max_s + 10))
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
seconds = usage.ru_utime + usage.ru_stime
rss_mib = usage.ru_maxrss / 1024
sys.stdout.write(p.stderr.decode(errors="replace"))
print("exit %d" % p.returncode)
sys.stderr.write("run_limited: %.2f s CPU, %.0f MiB resident at most, under a "
                 "%d MiB address-space limit\n" % (seconds, rss_mib, as_mib))
ok = p.returncode == want and seconds <= max_s and rss_mib <= max_rss
if not ok:
    sys.stderr.write("run_limited: wanted exit %d within %d s of CPU time and %d MiB\n"
                     % (want, max_s, max_rss))
sys.exit(0 if ok else 1)
