# Keeps 64 KiB per invocation in a global list and leaves a 64 KiB file per
# request in /tmp: unbounded-global-growth and tmp-file-leak, in Python.
SEEN = []


def lambda_handler(event, context):
    SEEN.append("x" * 65536 + context.aws_request_id)
    with open("/tmp/" + context.aws_request_id, "w") as f:
        f.write("y" * 65536)
    return {"ok": True}
