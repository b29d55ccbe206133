#!/usr/bin/env python3
"""structure.py PDF [PDF ...]: the checks of TaggedPDFTests, as one row per PDF, read with `qpdf --json`.

Prints, for each PDF: the number of structure elements, the standard roles present out of the ones
the issue lists, figures with /Alt, table headers with /Scope, notes, /Lang, /MarkInfo, the PDF/UA
identifier in the XMP, and whether every MCID on a page is in the tree and nothing else is marked as
content. Used for the side-by-side row with Typst's `--pdf-standard ua-1` output of the same article
(Benchmarks/a11y/run.sh)."""
import json
import re
import subprocess
import sys

ROLES = ["H1", "H2", "P", "BlockQuote", "Code", "L", "LI", "Lbl", "LBody", "Table", "THead", "TBody", "TR", "TH", "TD",
         "Figure", "Caption", "Link", "Note", "TOC", "TOCI"]


def objects(path):
    out = subprocess.run(["qpdf", "--json", "--json-key=qpdf", "--decode-level=generalized", "--json-stream-data=inline", path],
                         capture_output=True, check=True, text=True).stdout
    data = json.loads(out)["qpdf"]
    objs = {key[4:]: value for key, value in data[1].items() if key.startswith("obj:")}
    objs["trailer"] = data[1].get("trailer", {})
    return data[0], objs


def main():
    print(f"{'PDF':<34} {'elements':>8} {'roles':>7} {'Alt':>7} {'Scope':>7} {'Note':>4} {'Lang':>6} {'Marked':>6} {'UA-1':>4} {'MCIDs':>6}")
    for path in sys.argv[1:]:
        header, objs = objects(path)
        trailer = objs.get("trailer", {}).get("value", {})
        def deref(value):
            while isinstance(value, str) and value.endswith(" R") and value in objs:
                entry = objs[value]
                value = entry["value"] if "value" in entry else entry.get("stream", {}).get("dict", {})
            return value
        root = deref(trailer.get("/Root"))
        tree = deref(root.get("/StructTreeRoot", {})) or {}
        elements, mcids = [], set()
        seen = set()

        def walk(ref, page=None):
            node = deref(ref)
            if isinstance(node, dict) and "/S" in node:
                if isinstance(ref, str):
                    if ref in seen:
                        return
                    seen.add(ref)
                elements.append(node)
                page = node.get("/Pg", page)
                kids = node.get("/K", [])
                for kid in kids if isinstance(kids, list) else [kids]:
                    walk(kid, page)
            elif isinstance(node, int):
                mcids.add((page, node))
            elif isinstance(node, dict) and "/MCID" in node:
                mcids.add((node.get("/Pg", page), node["/MCID"]))
            elif isinstance(node, list):
                for kid in node:
                    walk(kid, page)

        walk(tree.get("/K", []))
        roles = {str(e.get("/S", "")).lstrip("/") for e in elements}
        figures = [e for e in elements if e.get("/S") == "/Figure"]
        headers = [e for e in elements if e.get("/S") == "/TH"]
        scoped = [e for e in headers if "/Scope" in json.dumps(deref(e.get("/A", {})))]
        notes = sum(1 for e in elements if e.get("/S") == "/Note")
        lang = str(root.get("/Lang", "-")).removeprefix("u:")
        marked = deref(root.get("/MarkInfo", {})).get("/Marked", False) if root.get("/MarkInfo") else False
        metadata = deref(root.get("/Metadata"))
        xmp = ""
        if isinstance(root.get("/Metadata"), str):
            stream = objs.get(root["/Metadata"], {}).get("stream", {})
            xmp = stream.get("data", "")
            try:
                import base64
                xmp = base64.b64decode(xmp).decode("utf-8", "replace")
            except Exception:
                pass
        ua = "yes" if re.search(r"pdfuaid:part[^0-9]*1", xmp) else "no"
        # Every page's MCIDs in its content against the tree's.
        in_content = set()
        pages = deref(root.get("/Pages"))
        def pages_of(node):
            node = deref(node)
            if node.get("/Type") == "/Page":
                yield node
            for kid in node.get("/Kids", []):
                yield from pages_of(kid)
        page_refs = []
        def page_refs_of(ref):
            node = deref(ref)
            if node.get("/Type") == "/Page":
                page_refs.append(ref)
            for kid in node.get("/Kids", []):
                page_refs_of(kid)
        page_refs_of(root.get("/Pages"))
        for ref in page_refs:
            contents = deref(ref).get("/Contents")
            refs = contents if isinstance(contents, list) else [contents]
            for content in refs:
                data = objs.get(str(content), {}).get("stream", {}).get("data", "")
                try:
                    import base64
                    data = base64.b64decode(data).decode("latin-1")
                except Exception:
                    pass
                for match in re.finditer(r"/MCID\s+(\d+)", data):
                    in_content.add((ref, int(match.group(1))))
        agree = "yes" if in_content == {(p, m) for p, m in mcids} else f"{len(in_content ^ {(p, m) for p, m in mcids})} off"
        present = sum(1 for role in ROLES if role in roles)
        name = path if len(path) <= 34 else "…" + path[-33:]
        print(f"{name:<34} {len(elements):>8} {present:>3}/{len(ROLES):<3} {len([f for f in figures if '/Alt' in f]):>3}/{len(figures):<3} "
              f"{len(scoped):>3}/{len(headers):<3} {notes:>4} {str(lang):>6} {str(marked):>6} {ua:>4} {agree:>6}")
        missing = [role for role in ROLES if role not in roles]
        if missing:
            print(f"  roles missing: {' '.join(missing)}")


if __name__ == "__main__":
    main()
