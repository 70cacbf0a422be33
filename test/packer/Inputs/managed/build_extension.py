"""Compile a Python extension module with debug info for this Python.

usage: build_extension.py CC SOURCE OUT [LINKER_FLAG...]
"""
import subprocess
import sys
import sysconfig

cc, source, out = sys.argv[1:4]
subprocess.run([cc, "-g", "-O1", "-shared", "-fPIC",
                "-I" + sysconfig.get_paths()["include"], source, "-o", out]
               + sys.argv[4:], check=True)
