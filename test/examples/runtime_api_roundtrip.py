#!/usr/bin/env python3
"""Run the greeting function against a local Lambda Runtime API emulator.

usage: runtime_api_roundtrip.py GREETING_BINARY EVENT_JSON

Serves three invocations on 127.0.0.1 (a free port): EVENT_JSON (GET
/hello?name=Alice), the same event without a query string, and a payload
that is not JSON. Checks the exact response documents the function posts and
the endpoints it posts them to, then answers further polls with 500 so that
the runtime gives up and the function exits on its own. Everything is bounded
by a timeout; exits 1 on any mismatch.
"""
import http.server
import json
import subprocess
import sys
import threading
import time

TIMEOUT_SECONDS = 30

ALICE = ('{"statusCode":200,"headers":{"Content-Type":"application/json"},'
         '"body":"{\\"message\\": \\"Hello, Alice! Welcome to Lambda.\\"}"}')
WORLD = ('{"statusCode":200,"headers":{"Content-Type":"application/json"},'
         '"body":"{\\"message\\": \\"Hello, World! Welcome to Lambda.\\"}"}')
INVALID = ('{"errorMessage":"the event is not a JSON object",'
           '"errorType":"InvalidEvent","stackTrace":[]}')


def invocations(event_text):
    """(request id, payload, expected path suffix, expected body) per call."""
    no_query = json.loads(event_text)
    no_query["rawQueryString"] = ""
    del no_query["queryStringParameters"]
    return [
        ("req-alice", event_text, "response", ALICE),
        ("req-world", json.dumps(no_query), "response", WORLD),
        ("req-invalid", "this is not json", "error", INVALID),
    ]


class Emulator(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as the real endpoint
    pending = []
    posts = []
    all_posted = threading.Event()

    def log_message(self, *args):
        pass

    def reply(self, status, body=b"", headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path != "/2018-06-01/runtime/invocation/next":
            return self.reply(404)
        if not Emulator.pending:
            return self.reply(500)
        request_id, payload, _, _ = Emulator.pending.pop(0)
        deadline = int((time.time() + 3) * 1000)
        self.reply(200, payload.encode(), [
            ("Content-Type", "application/json"),
            ("Lambda-Runtime-Aws-Request-Id", request_id),
            ("Lambda-Runtime-Deadline-Ms", str(deadline)),
            ("Lambda-Runtime-Invoked-Function-Arn",
             "arn:aws:lambda:us-east-2:123456789012:function:greeting"),
            ("Lambda-Runtime-Trace-Id", "Root=1-5e6722a7-cc56xmpl46db7ae02d4da47e"),
        ])

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length).decode("utf-8", "replace")
        Emulator.posts.append((self.path, self.headers.get("Content-Type"), body))
        self.reply(202, b'{"status":"OK"}', [("Content-Type", "application/json")])


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    binary, event_path = argv[1], argv[2]
    with open(event_path, encoding="utf-8") as f:
        expected = invocations(f.read())
    Emulator.pending = list(expected)

    server = http.server.HTTPServer(("127.0.0.1", 0), Emulator)
    server.timeout = 1
    endpoint = "127.0.0.1:%d" % server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    env = {"AWS_LAMBDA_RUNTIME_API": endpoint, "PATH": "/usr/bin:/bin"}
    proc = subprocess.Popen([binary], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        out, err = proc.communicate(timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        print("FAIL: the function did not exit within %d s\n%s%s"
              % (TIMEOUT_SECONDS, out, err))
        return 1
    finally:
        server.shutdown()

    failures = 0
    if len(Emulator.posts) != len(expected):
        print("FAIL: expected %d posts, got %d: %r"
              % (len(expected), len(Emulator.posts), Emulator.posts))
        failures += 1
    for (request_id, _, kind, body), post in zip(expected, Emulator.posts):
        want = ("/2018-06-01/runtime/invocation/%s/%s" % (request_id, kind),
                "application/json", body)
        if post == want:
            print("PASS: %s -> %s" % (request_id, kind))
        else:
            print("FAIL: %s\n  want %r\n  got  %r" % (request_id, want, post))
            failures += 1
    if proc.returncode != 0:
        print("FAIL: the function exited with %d\n%s" % (proc.returncode, err))
        failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
