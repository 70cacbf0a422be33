"""Give a Python function a handler that says where its modules load from.

usage: where_handler.py DIR MODULE...

DIR/lambda_function.py imports each MODULE and answers {MODULE: file} for
each, so a test sees whether /var/task or /opt supplied it.
"""
import os
import sys

root, modules = sys.argv[1], sys.argv[2:]
lines = ["import importlib", ""]
lines.append("MODULES = %r" % modules)
lines.append("LOADED = {m: importlib.import_module(m) for m in MODULES}")
lines.append("")
lines.append("def lambda_handler(event, context):")
lines.append("    return {m: getattr(LOADED[m], '__file__', None) for m in MODULES}")
with open(os.path.join(root, "lambda_function.py"), "w") as f:
    f.write("\n".join(lines) + "\n")
