#!/usr/bin/env python3
"""Writes the JSON body of POST /render for the sample briefing (and its data files) to OUT.
Usage: make_request.py OUT [FORMAT]"""
import json, os, sys

root = os.path.dirname(os.path.abspath(__file__)) + "/../../Assets/briefings"
files = {name: open(f"{root}/{name}", encoding="utf-8").read()
         for name in ["llama-data.yaml", "llama-timeline.yaml", "llama-org.yaml"]}
body = {"name": "llama-journey.md", "briefing": open(f"{root}/llama-journey.md", encoding="utf-8").read(),
        "files": files, "format": sys.argv[2] if len(sys.argv) > 2 else "pdf"}
with open(sys.argv[1], "w", encoding="utf-8") as f:
    json.dump(body, f)
