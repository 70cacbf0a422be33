#!/usr/bin/env python3
"""Prints one field of a JSON file, named by a dotted path (plan.method,
layers.0.name).

usage: json_field.py FILE PATH
"""
import json
import sys

with open(sys.argv[1]) as f:
    value = json.load(f)
for key in sys.argv[2].split("."):
    value = value[int(key)] if isinstance(value, list) else value[key]
print(value)
