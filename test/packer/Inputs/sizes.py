"""Compare file sizes: sizes.py smaller A B exits 1 unless A is smaller than B;
sizes.py same A B unless they are equal. Prints both sizes."""
import os
import sys

how, a, b = sys.argv[1], sys.argv[2], sys.argv[3]
sa, sb = os.path.getsize(a), os.path.getsize(b)
print("%s=%d %s=%d" % (a, sa, b, sb))
ok = sa < sb if how == "smaller" else sa == sb
sys.exit(0 if ok else 1)
