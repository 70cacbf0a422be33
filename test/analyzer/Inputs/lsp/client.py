#!/usr/bin/env python3
"""A scripted LSP client for brisk-check --lsp.

usage: client.py SCENARIO SOURCE_DIR -- COMMAND...

Starts COMMAND (the server), plays SCENARIO and prints what the server
answers, one fact a line, with paths relative to SOURCE_DIR, for FileCheck:

  fix       open ids.cpp, print its diagnostics and code actions, apply the
            fix-it to the file, save, print the diagnostics again, close,
            shut down and exit
  protocol  requests before initialize, an unknown method, malformed JSON,
            then exit without shutdown
  nodb      open SOURCE_DIR/x.cpp with a server whose -p names no database,
            and print what the server logs
"""
import json
import os
import subprocess
import sys


class Client:
    def __init__(self, cmd, root):
        self.root = root
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE)
        self.next_id = 1

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.send_raw(body)

    def send_raw(self, body):
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def read(self):
        length = None
        while True:
            line = self.proc.stdout.readline()
            if not line:
                sys.exit("client: the server closed its output")
            line = line.rstrip(b"\r\n")
            if not line:
                break
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        return json.loads(self.proc.stdout.read(length))

    def request(self, method, params=None):
        id = self.next_id
        self.next_id += 1
        msg = {"jsonrpc": "2.0", "id": id, "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)
        return self.wait(lambda m: m.get("id") == id and "method" not in m)

    def notify(self, method, params=None):
        msg = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)

    def wait(self, pred):
        while True:
            m = self.read()
            if pred(m):
                return m

    def wait_diagnostics(self, uri):
        return self.wait(
            lambda m: m.get("method") == "textDocument/publishDiagnostics"
            and m["params"]["uri"] == uri)["params"]["diagnostics"]

    def rel(self, uri):
        path = uri[len("file://"):]
        return os.path.relpath(path, self.root)

    def finish(self):
        self.proc.stdin.close()
        return self.proc.wait()  # no wall-clock limit: the machine may be loaded


def pos(p):
    return "%d:%d" % (p["line"], p["character"])


def rng(r):
    return "%s-%s" % (pos(r["start"]), pos(r["end"]))


def show_diagnostics(c, uri, diags):
    print("diagnostics %s: %d" % (c.rel(uri), len(diags)))
    for d in diags:
        print("  %s severity=%d %s [%s] %s" % (rng(d["range"]), d["severity"],
                                               d["source"], d["code"],
                                               d["message"]))
        for r in d.get("relatedInformation", []):
            loc = r["location"]
            print("    related %s:%s %s" % (c.rel(loc["uri"]),
                                             pos(loc["range"]["start"]),
                                             r["message"]))


def apply_edits(path, edits):
    # The fixture is ASCII before the edits' columns, so UTF-16 columns are
    # byte columns here; edits apply from the last to the first.
    lines = open(path, encoding="utf-8").read().split("\n")
    for e in sorted(edits, key=lambda e: (e["range"]["start"]["line"],
                                          e["range"]["start"]["character"]),
                    reverse=True):
        s, t = e["range"]["start"], e["range"]["end"]
        assert s["line"] == t["line"]
        text = lines[s["line"]]
        units = text.encode("utf-16-le")
        before = units[:2 * s["character"]].decode("utf-16-le")
        after = units[2 * t["character"]:].decode("utf-16-le")
        lines[s["line"]] = before + e["newText"] + after
    open(path, "w", encoding="utf-8").write("\n".join(lines))


def scenario_fix(c):
    init = c.request("initialize", {"processId": os.getpid(),
                                    "rootUri": "file://" + c.root,
                                    "capabilities": {}})
    caps = init["result"]["capabilities"]
    print("server %s" % init["result"]["serverInfo"]["name"])
    print("positionEncoding %s" % caps["positionEncoding"])
    print("textDocumentSync %s" % json.dumps(caps["textDocumentSync"],
                                             sort_keys=True))
    print("codeActionProvider %s" % json.dumps(caps["codeActionProvider"]))
    c.notify("initialized", {})

    path = os.path.join(c.root, "ids.cpp")
    uri = "file://" + path
    text = open(path, encoding="utf-8").read()
    c.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "cpp", "version": 1, "text": text}})
    diags = c.wait_diagnostics(uri)
    show_diagnostics(c, uri, diags)

    actions = c.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": diags[0]["range"],
        "context": {"diagnostics": diags}})["result"]
    print("code actions: %d" % len(actions))
    for a in actions:
        print("  %s (%s) preferred=%s" % (a["title"], a["kind"],
                                          a.get("isPreferred")))
        for u, edits in sorted(a["edit"]["changes"].items()):
            for e in edits:
                print("    edit %s %s %s" % (c.rel(u), rng(e["range"]),
                                             json.dumps(e["newText"])))
    none = c.request("textDocument/codeAction", {
        "textDocument": {"uri": uri},
        "range": {"start": {"line": 0, "character": 0},
                  "end": {"line": 0, "character": 1}},
        "context": {"diagnostics": []}})["result"]
    print("code actions on line 0: %d" % len(none))

    apply_edits(path, actions[0]["edit"]["changes"][uri])
    c.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    show_diagnostics(c, uri, c.wait_diagnostics(uri))

    c.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    print("shutdown %s" % json.dumps(c.request("shutdown")["result"]))
    print("after shutdown: %d" % c.request("textDocument/codeAction", {})
          ["error"]["code"])
    c.notify("exit")
    print("exit code %d" % c.finish())


def scenario_protocol(c):
    early = c.request("shutdown")
    print("before initialize: %d %s" % (early["error"]["code"],
                                        early["error"]["message"]))
    c.request("initialize", {"processId": None, "rootUri": None,
                             "capabilities": {"general": {
                                 "positionEncodings": ["utf-8", "utf-16"]}}})
    again = c.request("initialize", {"capabilities": {}})
    print("initialize twice: %d" % again["error"]["code"])
    unknown = c.request("textDocument/hover", {})
    print("unknown method: %d %s" % (unknown["error"]["code"],
                                     unknown["error"]["message"]))
    c.send_raw(b"{not json")
    bad = c.wait(lambda m: "error" in m)
    print("malformed: %d id=%s" % (bad["error"]["code"], bad["id"]))
    c.notify("textDocument/didOpen", {"textDocument": {"uri": "untitled:1"}})
    log = c.wait(lambda m: m.get("method") == "window/logMessage")
    print("log %d %s" % (log["params"]["type"], log["params"]["message"]))
    c.notify("exit")
    print("exit code %d" % c.finish())


def scenario_nodb(c):
    c.request("initialize", {"capabilities": {}})
    c.notify("initialized", {})
    c.notify("textDocument/didOpen", {"textDocument": {
        "uri": "file://" + os.path.join(c.root, "x.cpp"), "languageId": "cpp",
        "version": 1, "text": ""}})
    log = c.wait(lambda m: m.get("method") == "window/logMessage")
    print("log %d %s" % (log["params"]["type"],
                         log["params"]["message"].rstrip().replace(c.root, "ROOT")))
    c.request("shutdown")
    c.notify("exit")
    print("exit code %d" % c.finish())


def main():
    scenario, root, sep = sys.argv[1:4]
    assert sep == "--"
    c = Client(sys.argv[4:], os.path.abspath(root))
    {"fix": scenario_fix, "protocol": scenario_protocol,
     "nodb": scenario_nodb}[scenario](c)


if __name__ == "__main__":
    main()
