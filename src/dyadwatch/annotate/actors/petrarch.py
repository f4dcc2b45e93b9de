"""Import of PETRARCH / Phoenix actor dictionaries, so users can bring large existing ones.

The format: an entry line `NAME_WITH_UNDERSCORES_` (optionally followed by `[CODE]` and a
`# comment`), synonym lines `+OTHER_NAME_`, and code lines, usually indented:
`[RUSGOV]` (no date restriction), `[RUSGOV >120507]` (from), `[RUSGOV <120507]` (until),
`[RUSGOV 080508-120507]` (between). Dates are yymmdd (or yyyymmdd); two-digit years up to 30 are
read as 20yy. A code is a country (three letters) followed by sector codes of three letters
(AGOGOVMIL): the country and the first sector are kept.
"""

from __future__ import annotations

import datetime as dt
import re

from .kb import Entry, KBError, KnowledgeBase, Role

_CODE_LINE = re.compile(r"\[(?P<code>[A-Z]{3,})(?:\s+(?P<restriction>[<>]?\s*\d{6,8}(?:\s*-\s*\d{6,8})?))?\]")
YEAR_PIVOT = 30


def _date(text: str, where: str) -> dt.date:
    text = text.strip()
    try:
        if len(text) == 8:
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
        year = int(text[:2])
        year += 2000 if year <= YEAR_PIVOT else 1900
        return dt.date(year, int(text[2:4]), int(text[4:6]))
    except ValueError as exc:
        raise KBError(f"{where}: {text!r} is not a yymmdd date") from exc


def _role(code: str, restriction: str | None, where: str) -> Role:
    country, sector = code[:3], (code[3:6] or None)
    start = end = None
    if restriction:
        restriction = restriction.replace(" ", "")
        if restriction.startswith(">"):
            start = _date(restriction[1:], where)
        elif restriction.startswith("<"):
            end = _date(restriction[1:], where)
        else:
            first, _, last = restriction.partition("-")
            start, end = _date(first, where), _date(last, where)
    return Role(country, sector, None, start, end)


def _surface(token: str) -> str:
    return " ".join(token.strip().strip("_").split("_")).strip()


def parse_petrarch(text: str, origin: str) -> list[tuple[list[str], list[Role]]]:
    """[(names, roles)] for every entry; raises KBError naming the file and line."""
    entries: list[tuple[list[str], list[Role]]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        where = f"{origin}: line {number}"
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip() or line.lstrip().startswith(("<", "//")):
            continue
        stripped = line.strip()
        if stripped.startswith("+"):
            if not entries:
                raise KBError(f"{where}: a synonym before any entry")
            entries[-1][0].append(_surface(stripped[1:]))
            continue
        if stripped.startswith("["):
            if not entries:
                raise KBError(f"{where}: a code before any entry")
            match = _CODE_LINE.fullmatch(stripped)
            if match is None:
                raise KBError(f"{where}: not a code line: {stripped!r}")
            entries[-1][1].append(_role(match["code"], match["restriction"], where))
            continue
        name, _, rest = stripped.partition("[")
        entries.append(([_surface(name)], []))
        if rest:
            match = _CODE_LINE.fullmatch("[" + rest.strip())
            if match is None:
                raise KBError(f"{where}: not a code: {'[' + rest.strip()!r}")
            entries[-1][1].append(_role(match["code"], match["restriction"], where))
    return entries


def load_petrarch(kb: KnowledgeBase, text: str, origin: str) -> int:
    """Add every entry of a PETRARCH actor dictionary; entries without a code are skipped."""
    added = 0
    for names, roles in parse_petrarch(text, origin):
        if not roles:
            continue
        undated = [r for r in roles if r.start is None and r.end is None]
        dated = [r for r in roles if r.start is not None or r.end is not None]
        kind = "person" if dated or len(names[0].split()) > 1 else "country"
        entry = Entry(kind, undated[0].country if undated else None, undated[0].sector if undated else None,
                      names[0].title(), f"petrarch:{names[0]}", tuple(dated + undated))
        for name in names:  # "VLADIMIR PUTIN" is matched as "Vladimir Putin"; "NATO" stays as it is
            kb.add(name if len(name) <= 4 and " " not in name else name.title(), entry)
        added += 1
    return added
