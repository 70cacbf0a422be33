#!/usr/bin/env python3
"""Writes a compile_commands.json as other generators do, for
compile-db-faults.test.

usage: mkdb.py ROOT INCLUDE_DIR

ROOT/compile_commands.json lists handler.cpp twice (an `arguments` entry,
then a `command` entry with other flags), lib/helper.cpp with a relative
directory and a gcc command line full of flags clang does not know, a
source that does not exist, a Fortran file and an assembler file.
"""
import json
import os
import sys

root, include = sys.argv[1], sys.argv[2]
entries = [
    {"directory": root,
     "arguments": ["clang++", "-std=c++17", "-isystem", include, "-c",
                   "handler.cpp", "-o", "handler.o"],
     "file": "handler.cpp"},
    {"directory": root,
     "command": "clang++ -std=c++17 -DSECOND -isystem %s -c handler.cpp "
                "-o handler2.o" % include,
     "file": "handler.cpp"},
    {"directory": "lib",
     "command": "/usr/bin/g++-12 -std=gnu++17 -DFROM_GCC -isystem %s "
                "-fconserve-stack -fno-tree-vrp -Wno-maybe-uninitialized "
                "-mindirect-branch=thunk-extern -fanalyzer "
                "-Wno-error=missing-template-arg-list-after-template-kw "
                "-c helper.cpp -o helper.o" % include,
     "file": "helper.cpp"},
    {"directory": root, "arguments": ["clang++", "-c", "generated.cpp"],
     "file": "generated.cpp"},
    {"directory": root, "arguments": ["gfortran", "-c", "solver.f90"],
     "file": "solver.f90"},
    {"directory": root, "arguments": ["cc", "-c", "start.S"],
     "file": "start.S"},
]
with open(os.path.join(root, "compile_commands.json"), "w") as f:
    json.dump(entries, f, indent=1)
