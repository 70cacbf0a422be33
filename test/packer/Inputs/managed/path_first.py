"""Run a command with a folder put first on PATH.

usage: path_first.py DIR COMMAND [ARG...]
"""
import os
import shutil
import subprocess
import sys

folder, command = sys.argv[1], sys.argv[2]
program = shutil.which(command) or command
env = dict(os.environ, PATH=folder + os.pathsep + os.environ.get("PATH", ""))
sys.exit(subprocess.run([program] + sys.argv[3:], env=env).returncode)
