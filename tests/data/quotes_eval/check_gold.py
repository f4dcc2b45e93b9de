#!/usr/bin/env python3
"""Consistency checker for the quotation-audit evaluation set.

Usage:  python tests/data/quotes_eval/check_gold.py [path/to/gold.yaml]

Checks (standard library + PyYAML only):
- every file named in gold.yaml exists in docs/, and every document in docs/ belongs to a statement;
- each document starts with "Outlet, D Month YYYY", a blank line, a title and a blank line; the
  date matches the file name and the outlet is a registry name or alias (when the registry
  src/dyadwatch/kb/outlets.yaml is found); each version's outlet is the registry name that the
  header resolves to; documents are 120-450 words long;
- differences: kind is known; text occurs in at least one version file; wording variants each
  occur in some version file; present_in / missing_from name only outlets of that statement's
  versions; omission and addition text does not occur in any missing_from file; addition text
  occurs in every present_in file; attribution text occurs in some present_in file;
- quotes: text and speaker_text occur in the file; text has at most 12 words; kind is direct,
  indirect or mixed; speaker_code looks like an ISO-3 code with an optional sector;
- not_quotes: text occurs in the file.
Prints a summary with counts and exits non-zero on the first batch of errors.
"""
from __future__ import annotations

import collections
import datetime as dt
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
DOCS = HERE / "docs"
REGISTRY = HERE.parents[2] / "src" / "dyadwatch" / "kb" / "outlets.yaml"

KINDS = {"omission", "addition", "wording", "attribution"}
QUOTE_KINDS = {"direct", "indirect", "mixed"}
CODE_RE = re.compile(r"^[A-Z]{3}([A-Z]{3})?$")
HEADER_RE = re.compile(r"^(?P<outlet>.+), (?P<day>\d{1,2}) (?P<month>[A-Z][a-z]+) (?P<year>\d{4})$")
NAME_RE = re.compile(r"^(\d{4}-\d{2}-\d{2})_[a-z0-9-]+_[a-z0-9-]+\.txt$")


def load_registry() -> dict[str, str] | None:
    """Lower-cased name or alias -> canonical registry name, or None if no registry."""
    if not REGISTRY.exists():
        return None
    entries = yaml.safe_load(REGISTRY.read_text(encoding="utf-8"))
    table: dict[str, str] = {}
    for entry in entries:
        name = entry["name"]
        for label in [name, *(entry.get("aliases") or [])]:
            table[str(label).lower()] = name
    return table


def main(argv: list[str]) -> int:
    gold_path = Path(argv[1]) if len(argv) > 1 else HERE / "gold.yaml"
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    errors: list[str] = []
    err = errors.append
    registry = load_registry()

    texts: dict[str, str] = {}

    def text_of(name: str) -> str | None:
        if name not in texts:
            path = DOCS / name
            if not path.is_file():
                err(f"missing file: {name}")
                texts[name] = None  # type: ignore[assignment]
            else:
                texts[name] = path.read_text(encoding="utf-8")
        return texts[name]

    # ---- documents
    doc_files = sorted(p.name for p in DOCS.glob("*.txt"))
    header_outlet: dict[str, str] = {}
    for name in doc_files:
        body = text_of(name) or ""
        m = NAME_RE.match(name)
        if not m:
            err(f"{name}: file name is not YYYY-MM-DD_outlet-slug_short-title.txt")
            continue
        lines = body.split("\n")
        h = HEADER_RE.match(lines[0]) if lines else None
        if not h or len(lines) < 5 or lines[1] != "" or not lines[2].strip() or lines[3] != "":
            err(f"{name}: header must be 'Outlet, D Month YYYY', blank, title, blank")
            continue
        try:
            date = dt.datetime.strptime(f"{h['day']} {h['month']} {h['year']}", "%d %B %Y").date()
        except ValueError:
            err(f"{name}: bad date in header: {lines[0]!r}")
            continue
        if date.isoformat() != m.group(1):
            err(f"{name}: header date {date} differs from file name")
        outlet = h["outlet"]
        if registry is not None:
            canonical = registry.get(outlet.lower())
            if canonical is None:
                err(f"{name}: outlet {outlet!r} is not a registry name or alias")
            else:
                header_outlet[name] = canonical
        words = len(body.split())
        if not 120 <= words <= 450:
            err(f"{name}: {words} words (want 120-450)")

    # ---- statements
    in_versions: set[str] = set()
    diff_counts: collections.Counter[str] = collections.Counter()
    ids = set()
    for st in gold["statements"]:
        sid = st["id"]
        if sid in ids:
            err(f"duplicate statement id {sid}")
        ids.add(sid)
        for key in ("speaker", "speaker_code", "date", "reference", "versions", "differences"):
            if key not in st:
                err(f"{sid}: missing {key}")
        if not CODE_RE.match(str(st.get("speaker_code", ""))):
            err(f"{sid}: bad speaker_code {st.get('speaker_code')!r}")
        try:
            dt.date.fromisoformat(str(st["date"]))
        except ValueError:
            err(f"{sid}: bad date {st['date']!r}")
        version_files = [v["file"] for v in st["versions"]]
        outlets = {v["outlet"]: v["file"] for v in st["versions"]}
        if len(outlets) != len(version_files):
            err(f"{sid}: two versions share an outlet")
        if st["reference"] not in version_files:
            err(f"{sid}: reference is not among the versions")
        if not 4 <= len(version_files) <= 6:
            err(f"{sid}: {len(version_files)} versions (want reference + 3-5 outlets)")
        for v in st["versions"]:
            text_of(v["file"])
            if v["file"] in in_versions:
                err(f"{sid}: {v['file']} is listed in more than one statement")
            in_versions.add(v["file"])
            found = header_outlet.get(v["file"])
            if registry is not None and found is not None and found != v["outlet"]:
                err(f"{sid}: {v['file']} header resolves to {found!r}, gold says {v['outlet']!r}")
        version_texts = {o: (text_of(f) or "") for o, f in outlets.items()}

        for i, d in enumerate(st["differences"]):
            where = f"{sid}.differences[{i}] ({d.get('kind')}: {d.get('text')!r})"
            kind = d.get("kind")
            if kind not in KINDS:
                err(f"{where}: unknown kind")
                continue
            diff_counts[kind] += 1
            text = d["text"]
            present = d.get("present_in") or []
            missing = d.get("missing_from") or []
            for o in [*present, *missing]:
                if o not in outlets:
                    err(f"{where}: outlet {o!r} is not a version of {sid}")
            if set(present) & set(missing):
                err(f"{where}: outlet both present and missing")
            if not any(text in t for t in version_texts.values()):
                err(f"{where}: text occurs in no version file")
            if kind in ("omission", "addition"):
                if not missing:
                    err(f"{where}: missing_from is empty")
                for o in missing:
                    if o in version_texts and text in version_texts[o]:
                        err(f"{where}: text occurs in {o}, which is listed as missing it")
            if kind == "addition":
                for o in present:
                    if o in version_texts and text not in version_texts[o]:
                        err(f"{where}: added text not found in {o}")
            if kind == "wording":
                variants = d.get("variants") or []
                if len(variants) < 2 or text not in variants:
                    err(f"{where}: wording needs >= 2 variants including text")
                for var in variants:
                    if not any(var in t for t in version_texts.values()):
                        err(f"{where}: variant {var!r} occurs in no version file")
                if len(present) < 2:
                    err(f"{where}: present_in needs the outlets whose wording differs")
            if kind == "attribution":
                if len(d.get("variants") or []) < 2:
                    err(f"{where}: attribution needs >= 2 actors in variants")
                if not any(text in version_texts.get(o, "") for o in present):
                    err(f"{where}: claim occurs in no present_in file")

    for name in doc_files:
        if name not in in_versions:
            err(f"{name}: document belongs to no statement")

    # ---- quotes
    quote_kinds: collections.Counter[str] = collections.Counter()
    for i, q in enumerate(gold.get("quotes") or []):
        where = f"quotes[{i}] ({q.get('file')}: {q.get('text')!r})"
        body = text_of(q["file"])
        if body is None:
            continue
        if q["text"] not in body:
            err(f"{where}: text not in file")
        if len(q["text"].split()) > 12:
            err(f"{where}: text longer than 12 words")
        if q.get("kind") not in QUOTE_KINDS:
            err(f"{where}: bad kind {q.get('kind')!r}")
        quote_kinds[q.get("kind")] += 1
        if not q.get("speaker_text") or q["speaker_text"] not in body:
            err(f"{where}: speaker_text {q.get('speaker_text')!r} not in file")
        if "speaker_name" not in q:
            err(f"{where}: speaker_name missing (use null)")
        if not CODE_RE.match(str(q.get("speaker_code", ""))):
            err(f"{where}: bad speaker_code {q.get('speaker_code')!r}")

    # ---- not_quotes
    for i, nq in enumerate(gold.get("not_quotes") or []):
        body = text_of(nq["file"])
        if body is not None and nq["text"] not in body:
            err(f"not_quotes[{i}] ({nq['file']}: {nq['text']!r}): text not in file")

    n_quotes = len(gold.get("quotes") or [])
    print(f"statements: {len(gold['statements'])}  documents: {len(doc_files)}")
    print("differences: " + ", ".join(f"{k} {diff_counts[k]}" for k in sorted(KINDS))
          + f" (total {sum(diff_counts.values())})")
    print(f"quotes: {n_quotes} (" + ", ".join(f"{k} {quote_kinds[k]}" for k in sorted(QUOTE_KINDS)) + ")")
    print(f"not_quotes: {len(gold.get('not_quotes') or [])}")
    if errors:
        print(f"\n{len(errors)} error(s):", file=sys.stderr)
        for e in errors:
            print("  " + e, file=sys.stderr)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
