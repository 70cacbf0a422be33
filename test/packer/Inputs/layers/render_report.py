#!/usr/bin/env python3
"""Renders an HTML size report in headless Chromium (Debian's chromium, run
as the tests run, as root, so without its sandbox) and checks it: no console
message at all (errors, warnings, uncaught exceptions), nothing fetched from
the network (no script, stylesheet, font or image from elsewhere), and each
treemap with one rectangle per file of the function or layer it shows, as
REPORT.json says. Prints one line per treemap, then "console: N messages".

usage: render_report.py REPORT.html [REPORT.json] [--screenshot PNG]
"""
import json
import os
import re
import subprocess
import sys
import tempfile

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--enable-logging=stderr",
         "--v=0", "--hide-scrollbars"]


def chromium(args, page):
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            ["chromium"] + FLAGS + ["--user-data-dir=" + profile] + args +
            ["file://" + os.path.abspath(page)],
            capture_output=True, text=True, timeout=120)


def main():
    args = sys.argv[1:]
    shot = None
    if "--screenshot" in args:
        i = args.index("--screenshot")
        shot = args[i + 1]
        del args[i:i + 2]
    page = args[0]
    data = json.load(open(args[1])) if len(args) > 1 else None

    run = chromium(["--dump-dom"], page)
    console = [l for l in run.stderr.splitlines() if ":CONSOLE" in l]
    dom = run.stdout
    external = re.findall(r'<(?:script|link|img|iframe)[^>]*(?:src|href)="(?!#)[^"]*"', dom)
    for e in external:
        print("external:", e)
    maps = re.findall(r'<svg class="treemap" data-files="(\d+)".*?</svg>', dom, re.S)
    bodies = re.findall(r'(<svg class="treemap" data-files="\d+".*?</svg>)', dom, re.S)
    expected = []
    if data is not None:
        for f in data["functions"]:
            n = len([x for x in f["files"] if x["in"] == "function"])
            expected += [(f["name"], n)] * 2
        for l in data["layers"]:
            expected += [(l["name"], len(l["files"]))] * 2
    for i, body in enumerate(bodies):
        rects = body.count('<rect class="file"')
        name, want = expected[i] if i < len(expected) else ("?", -1)
        print("treemap %d %s: %d rectangles, %d files%s" % (
            i, name, rects, want, "" if rects == want else " MISMATCH"))
    if data is not None and len(bodies) != len(expected):
        print("treemaps: %d, expected %d" % (len(bodies), len(expected)))
    for line in console:
        print("console:", line.split("] ", 1)[-1])
    print("console: %d messages" % len(console))
    if shot:
        chromium(["--screenshot=" + os.path.abspath(shot),
                  "--window-size=1280,2400"], page)


if __name__ == "__main__":
    main()
