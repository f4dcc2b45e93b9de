#!/usr/bin/env python3
"""Check tests/demo_expected/quotes_gold.yaml against the demo corpus (stdlib + PyYAML).

Asserts that every file exists, every `text` and wording `variants` entry is an exact
substring of the file it names (differences: of a version file of the statement), every
outlet in present_in / missing_from is one of the statement's version outlets, and that
outlet names are canonical names of src/dyadwatch/kb/outlets.yaml. Prints counts.

Usage: python tests/demo_expected/check_quotes_gold.py [path/to/quotes_gold.yaml]
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CORPUS = ROOT / "src" / "dyadwatch" / "demo" / "corpus"
OUTLETS = ROOT / "src" / "dyadwatch" / "kb" / "outlets.yaml"
PEOPLE = ROOT / "src" / "dyadwatch" / "kb" / "actors" / "people.yaml"
PART_A = HERE / "part_a.yaml"

DIFF_KINDS = {"omission", "addition", "wording", "attribution"}
QUOTE_KINDS = {"direct", "indirect", "mixed"}
CODE_RE = re.compile(r"^[A-Z]{3}([A-Z]{3})?$")
MAX_QUOTE_WORDS = 12

errors: list[str] = []


def fail(msg: str) -> None:
    errors.append(msg)


_texts: dict[str, str] = {}


def read(rel: str) -> str | None:
    if rel not in _texts:
        path = CORPUS / rel
        if not path.is_file():
            return None
        _texts[rel] = path.read_text(encoding="utf-8")
    return _texts[rel]


def is_str(x) -> bool:
    return isinstance(x, str) and x != ""


def str_or_list(x) -> list[str] | None:
    if is_str(x):
        return [x]
    if isinstance(x, list) and x and all(is_str(i) for i in x):
        return x
    return None


def load_registry() -> tuple[set[str], dict[str, str]]:
    data = yaml.safe_load(OUTLETS.read_text(encoding="utf-8"))
    names: set[str] = set()
    alias_to_name: dict[str, str] = {}
    for entry in data:
        names.add(entry["name"])
        for alias in entry.get("aliases") or []:
            alias_to_name[str(alias).lower()] = entry["name"]
    return names, alias_to_name


def load_people() -> set[str]:
    return {p["name"] for p in yaml.safe_load(PEOPLE.read_text(encoding="utf-8"))}


def load_part_a() -> dict[str, str]:
    if not PART_A.is_file():
        return {}
    return {e["file"]: e.get("outlet") for e in yaml.safe_load(PART_A.read_text(encoding="utf-8"))}


def check_statements(statements, registry, aliases, people, part_a) -> dict[str, str]:
    """Return {version file: outlet} over all statements."""
    version_files: dict[str, str] = {}
    ids = set()
    for si, st in enumerate(statements):
        where = f"statements[{si}] ({st.get('id')})"
        for key in ("id", "date", "reference"):
            if not is_str(st.get(key)):
                fail(f"{where}: {key} missing or not a string")
        if st.get("id") in ids:
            fail(f"{where}: duplicate id")
        ids.add(st.get("id"))
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(st.get("date"))):
            fail(f"{where}: date {st.get('date')!r} is not YYYY-MM-DD")
        speakers = str_or_list(st.get("speaker"))
        codes = str_or_list(st.get("speaker_code"))
        if speakers is None or codes is None or len(speakers) != len(codes):
            fail(f"{where}: speaker / speaker_code must be strings or lists of equal length")
        else:
            for name in speakers:
                if name not in people:
                    fail(f"{where}: speaker {name!r} not in people.yaml")
            for code in codes:
                if not CODE_RE.match(code):
                    fail(f"{where}: bad speaker_code {code!r}")

        outlet_file: dict[str, str] = {}
        versions = st.get("versions") or []
        if len(versions) < 3:
            fail(f"{where}: fewer than three versions")
        for v in versions:
            f, outlet = v.get("file"), v.get("outlet")
            if read(f) is None:
                fail(f"{where}: version file does not exist: {f}")
            if outlet not in registry:
                hint = aliases.get(str(outlet).lower())
                fail(f"{where}: outlet {outlet!r} is not a canonical registry name"
                     + (f" (alias of {hint!r})" if hint else ""))
            if outlet in outlet_file:
                fail(f"{where}: outlet {outlet!r} listed twice")
            outlet_file[outlet] = f
            if f in part_a and part_a[f] != outlet:
                fail(f"{where}: {f}: outlet {outlet!r} but part_a.yaml says {part_a[f]!r}")
            if f in version_files and version_files[f] != outlet:
                fail(f"{where}: {f} has two different outlets")
            version_files[f] = outlet
        ref = st.get("reference")
        if read(ref) is None:
            fail(f"{where}: reference file does not exist: {ref}")
        if ref not in outlet_file.values():
            fail(f"{where}: reference {ref} is not one of the versions")

        all_texts = {o: read(f) or "" for o, f in outlet_file.items()}
        for di, d in enumerate(st.get("differences") or []):
            dw = f"{where} differences[{di}] ({d.get('kind')})"
            kind = d.get("kind")
            if kind not in DIFF_KINDS:
                fail(f"{dw}: unknown kind")
            text = d.get("text")
            if not is_str(text):
                fail(f"{dw}: text missing")
                continue
            if not any(text in t for t in all_texts.values()):
                fail(f"{dw}: text not in any version file: {text!r}")
            present = d.get("present_in") or []
            missing = d.get("missing_from") or []
            if not present:
                fail(f"{dw}: present_in empty")
            for o in present + missing:
                if o not in outlet_file:
                    fail(f"{dw}: outlet {o!r} is not a version outlet of this statement")
            if set(present) & set(missing):
                fail(f"{dw}: outlet in both present_in and missing_from")
            if len(set(present)) != len(present) or len(set(missing)) != len(missing):
                fail(f"{dw}: duplicate outlet in present_in / missing_from")
            if kind in ("omission", "addition") and not missing:
                fail(f"{dw}: missing_from empty")
            if kind == "omission" and text not in (read(ref) or ""):
                fail(f"{dw}: omission text is not in the reference")
            if kind == "addition":
                if not any(text in all_texts.get(o, "") for o in present):
                    fail(f"{dw}: addition text is not in a present_in outlet's file")
                for o in missing:
                    if text in all_texts.get(o, ""):
                        fail(f"{dw}: addition text does occur in missing_from outlet {o!r}")
            if kind == "omission":
                for o in missing:
                    if text in all_texts.get(o, ""):
                        fail(f"{dw}: omitted text does occur in missing_from outlet {o!r}")
            if kind in ("wording", "attribution"):
                variants = d.get("variants")
                if not isinstance(variants, list) or len(variants) < 2 \
                        or not all(is_str(x) for x in variants):
                    fail(f"{dw}: needs at least two string variants")
                    continue
                if len(present) < 2:
                    fail(f"{dw}: present_in needs at least two outlets")
            if kind == "wording":
                for x in variants:
                    if not any(x in all_texts.get(o, "") for o in present):
                        fail(f"{dw}: variant not in any present_in outlet's file: {x!r}")
    return version_files


def check_quotes(quotes, version_files, people) -> None:
    seen = set()
    for qi, q in enumerate(quotes):
        qw = f"quotes[{qi}] ({q.get('file')}: {q.get('text')!r})"
        f = q.get("file")
        content = read(f) if is_str(f) else None
        if content is None:
            fail(f"{qw}: file does not exist")
            continue
        if f not in version_files:
            fail(f"{qw}: file is not a version file of any statement")
        text = q.get("text")
        if not is_str(text) or text not in content:
            fail(f"{qw}: text is not an exact substring of the file")
        elif len(text.split()) > MAX_QUOTE_WORDS:
            fail(f"{qw}: text longer than {MAX_QUOTE_WORDS} words")
        if q.get("kind") not in QUOTE_KINDS:
            fail(f"{qw}: kind {q.get('kind')!r} not in {sorted(QUOTE_KINDS)}")
        st = q.get("speaker_text")
        if not is_str(st) or st not in content:
            fail(f"{qw}: speaker_text {st!r} is not in the file")
        name = q.get("speaker_name", "MISSING")
        if name == "MISSING":
            fail(f"{qw}: speaker_name key missing (use null)")
        elif name is not None and name not in people:
            fail(f"{qw}: speaker_name {name!r} not in people.yaml")
        code = q.get("speaker_code")
        if not is_str(code) or not CODE_RE.match(code):
            fail(f"{qw}: bad speaker_code {code!r}")
        key = (f, text, code, name)
        if key in seen:
            fail(f"{qw}: duplicate entry")
        seen.add(key)


def check_not_quotes(items, version_files) -> None:
    for ni, n in enumerate(items):
        nw = f"not_quotes[{ni}] ({n.get('file')}: {n.get('text')!r})"
        content = read(n.get("file")) if is_str(n.get("file")) else None
        if content is None:
            fail(f"{nw}: file does not exist")
            continue
        if n.get("file") not in version_files:
            fail(f"{nw}: file is not a version file of any statement")
        if not is_str(n.get("text")) or n["text"] not in content:
            fail(f"{nw}: text is not an exact substring of the file")


def main(argv: list[str]) -> int:
    gold_path = Path(argv[1]) if len(argv) > 1 else HERE / "quotes_gold.yaml"
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    assert isinstance(gold, dict), "gold must be a mapping"
    for key in ("statements", "quotes", "not_quotes"):
        assert key in gold and isinstance(gold[key], list), f"top-level {key!r} must be a list"

    registry, aliases = load_registry()
    people = load_people()
    part_a = load_part_a()

    version_files = check_statements(gold["statements"], registry, aliases, people, part_a)
    check_quotes(gold["quotes"], version_files, people)
    check_not_quotes(gold["not_quotes"], version_files)

    kinds = Counter(d["kind"] for st in gold["statements"] for d in st.get("differences") or [])
    qkinds = Counter(q.get("kind") for q in gold["quotes"])
    print(f"statements: {len(gold['statements'])}")
    for st in gold["statements"]:
        k = Counter(d["kind"] for d in st.get("differences") or [])
        print(f"  {st['id']}: {len(st['versions'])} versions, "
              f"{sum(k.values())} differences {dict(sorted(k.items()))}")
    print(f"differences: {sum(kinds.values())} {dict(sorted(kinds.items()))}")
    print(f"quotes: {len(gold['quotes'])} {dict(sorted(qkinds.items()))}")
    print(f"not_quotes: {len(gold['not_quotes'])}")

    if errors:
        print(f"\n{len(errors)} problem(s):", file=sys.stderr)
        for e in errors:
            print(f"  - {e}", file=sys.stderr)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
