#!/usr/bin/python3
"""usage: validate-sarif.py SCHEMA FILE...

Validates each SARIF FILE against the JSON schema SCHEMA (draft 4) with
Debian's python3-jsonschema, hence the interpreter above; prints one line per
file, and every error, and fails on the first invalid file.
"""
import json
import sys

import jsonschema


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    with open(argv[1]) as f:
        schema = json.load(f)
    validator = jsonschema.Draft4Validator(schema)
    failed = False
    for path in argv[2:]:
        with open(path) as f:
            doc = json.load(f)
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
        for e in errors:
            where = "/".join(str(p) for p in e.path)
            print("%s: invalid at /%s: %s" % (path, where, e.message))
        if errors:
            failed = True
        else:
            print("%s: valid SARIF 2.1.0" % path)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main(sys.argv)
