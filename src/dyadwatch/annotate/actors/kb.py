"""The actor knowledge base: countries (pycountry + kb/actors/countries.yaml), organizations,
media outlets (kb/outlets.yaml), people with date-bounded roles, sector words, person titles and
reference phrases — all data files, validated at load, extensible with user folders (`--kb DIR`)
holding files of the same names and PETRARCH/Phoenix actor dictionaries (*.txt)."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pycountry
import yaml

from ...kb.outlets import registry as outlet_registry
from .. import trie

SECTORS = frozenset({"GOV", "MIL", "MED", "BUS", "LEG", "JUD", "COP", "OPP", "REB", "CVL", "EDU",
                     "HLH", "NGO", "IGO", "REF", "LAB", "REL", "ELI", "SPY", "AGR", "ENV", "DEV",
                     "HRI", "IMG", "UAF", "PTY", "CRM", "MOD", "RAD"})
NON_STATE = frozenset({"IGO", "NGO", "IMG", "ISM", "MNC", "UIS"})
# Possessive quantifiers (++, {2,}+): nothing follows that could make a token give characters
# back, so they find the same tokens without keeping the places to backtrack to.
TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}+|\w++(?:[-.]\w++)*+|['’]s\b|[^\w\s]")


class KBError(ValueError):
    """A knowledge-base file is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class Role:
    country: str
    sector: str | None
    title: str | None
    start: dt.date | None
    end: dt.date | None

    def active(self, on: dt.date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


@dataclass(frozen=True)
class Entry:
    """What a surface form means. `kind` is one of: country, demonym, capital, metonym, place,
    organization, outlet, person, sector, title, reference."""

    kind: str
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    kb_id: str | None = None
    roles: tuple[Role, ...] = ()
    gender: str | None = None
    plural: bool = False
    default_sector: str | None = None  # a pair reference's sector when its antecedents have none


LED_SUFFIX = "-led"
FITTING_CACHE = 200_000
# The meaning a phrase takes when it has several: the first of these kinds.
KIND_PRIORITY = ("person", "reference", "organization", "metonym", "outlet", "capital", "country",
                 "demonym", "place", "title", "sector", "agentive")
_KIND_RANK = {kind: rank for rank, kind in enumerate(KIND_PRIORITY)}

Meanings = Sequence[tuple[str, Entry]]  # (surface form, entry), as a trie node holds them


def choose(meanings: Meanings) -> tuple[Entry, bool]:
    """The meaning a phrase takes, and whether one of its meanings is a person's title."""
    if len(meanings) == 1:
        entry = meanings[0][1]
        return entry, entry.kind == "title"
    entries = [e for _, e in meanings]
    best = min(entries, key=lambda e: _KIND_RANK[e.kind])
    return best, any(e.kind == "title" for e in entries)


# split keeps the tokens, with the gaps between them. Every token starts with a non-space, and
# the lookahead turns a space away before the alternatives are tried one by one.
SPLIT = re.compile(f"((?=\\S)(?:{TOKEN.pattern}))")


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """The tokens of text with their offsets, as TOKEN.finditer finds them; built by C code (one
    split, one running sum), without a Python step per token."""
    words, offsets = token_texts(text, 0, len(text))
    return list(zip(words, offsets[1:-1:2], offsets[2::2], strict=True))


def token_texts(text: str, start: int, end: int) -> tuple[list[str], list[int]]:
    """The tokens of text[start:end] as tokenize finds them, in two flat lists: their texts, and
    offsets into text, token k running from offsets[2k + 1] to offsets[2k + 2]. Built by C code
    (one split, one running sum), without a Python step per token."""
    parts = SPLIT.split(text[start:end])  # gap, token, gap, …, token, gap: tokens tile the non-spaces
    return parts[1::2], list(itertools.accumulate(map(len, parts), initial=start))


def _key(surface: str) -> tuple[str, ...]:
    return tuple(t.lower().replace("’", "'") for t, _, _ in tokenize(surface))


@dataclass
class KnowledgeBase:
    trie: dict = field(default_factory=dict)
    entries: int = 0
    labels: dict[str, str] = field(default_factory=dict)  # ISO-3 → the name news uses ("Russia")
    # the meanings of a trie node whose case fits a spelling: (id, length of the node's list, the
    # words) → the kept meanings; a node's list only grows, so the length keeps a key exact
    _fitting: dict[tuple[Any, ...], tuple[tuple[str, Entry], ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False)
    # meaning_alone's answers per spelling of a token, for the trie as it is (add() empties it)
    _alone: dict[str, tuple[Entry, bool] | None] = field(
        default_factory=dict, init=False, repr=False, compare=False)

    def add(self, surface: str, entry: Entry) -> None:
        key = _key(surface)
        if not key:
            return
        trie.insert(self.trie, list(key), (surface, entry))
        self.entries += 1
        self._alone.clear()

    def meaning_alone(self, word: str, node: dict) -> tuple[Entry, bool] | None:
        """The chosen meaning (choose) of the one-token phrase `word` whose case fits, if any;
        `node` is the trie node of its key. Memoised per spelling: most tokens are a few words
        ("China", "the", "said") over and over."""
        if word in self._alone:
            return self._alone[word]
        meanings = node.get(None)
        kept = self.fitting(meanings, [word], 0, 1) if meanings is not None else None
        if len(self._alone) >= FITTING_CACHE:
            self._alone.clear()
        meaning = self._alone[word] = choose(kept) if kept else None
        return meaning

    def match_at(
        self, tokens: list[tuple[str, int, int]], i: int
    ) -> tuple[int, list[tuple[str, Entry]]] | None:
        """The longest entry starting at token i whose case fits: (tokens used, meanings). A
        nationality before "-led" ("Saudi-led", "US-led") gives the leading country."""
        return self.match_words(_Texts(tokens, str), _Texts(tokens, trie.token_key), i)

    def match_words(
        self, words: Sequence[str] | _Texts, keys: Sequence[str] | _Texts, i: int
    ) -> tuple[int, list[tuple[str, Entry]]] | None:
        """match_at over the tokens' texts and their trie keys (trie.token_key of each text)."""
        found = self.longest_match(words, keys, i)
        return None if found is None else (found[0], list(found[1]))

    def longest_match(
        self, words: Sequence[str] | _Texts, keys: Sequence[str] | _Texts, i: int
    ) -> tuple[int, tuple[tuple[str, Entry], ...]] | None:
        """match_words with the meanings as the tuple `fitting` keeps, not a copy in a list."""
        found = None
        node = self.trie.get(keys[i])
        j = i + 1
        while node is not None:  # trie.longest, with the keys computed once per token
            meanings = node.get(None)
            if meanings is not None:
                kept = self.fitting(meanings, words, i, j)
                if kept:
                    found = (j - i, kept)
            if j == len(keys):
                break
            node = node.get(keys[j])
            j += 1
        if found is not None or not keys[i].endswith(LED_SUFFIX):  # the key is the lower-cased word
            return found
        word = words[i]
        if len(word) > len(LED_SUFFIX):
            stem = word[:-len(LED_SUFFIX)]
            inner = trie.longest(self.trie, [(stem, 0, 0)], 0,
                                 lambda used, meanings: [(s, e) for s, e in meanings
                                                         if e.kind in ("country", "demonym")
                                                         and _case_fits(s, [stem], 0, 1)])
            if inner is not None:
                return 1, tuple(inner[1])
        return found

    def fitting(self, meanings: list[tuple[str, Entry]], words: Sequence[str] | _Texts, i: int, j: int,
                ) -> tuple[tuple[str, Entry], ...]:
        """The meanings (a trie node's list) whose case fits words[i:j], memoised on the spelling."""
        spelled = (id(meanings), len(meanings), words[i]) if j == i + 1 else \
            (id(meanings), len(meanings), *(words[k] for k in range(i, j)))
        kept = self._fitting.get(spelled)
        if kept is None:
            if len(self._fitting) >= FITTING_CACHE:
                self._fitting.clear()
            kept = self._fitting[spelled] = tuple((s, e) for s, e in meanings if _case_fits(s, words, i, j))
        return kept


class _Texts:
    """The texts of tokens, or their trie keys, computed only where a match looks."""

    __slots__ = ("key", "tokens")

    def __init__(self, tokens: list[tuple[str, int, int]], key: Callable[[str], str]) -> None:
        self.tokens, self.key = tokens, key

    def __len__(self) -> int:
        return len(self.tokens)

    def __getitem__(self, j: int) -> str:
        return self.key(self.tokens[j][0])


@cache
def _case_rules(surface: str) -> tuple[tuple[str | None, bool], ...]:
    """Per token of a surface form: the exact spelling it needs (a short all-capitals token like
    "US"), or None; and whether it must start with a capital."""
    return tuple((expected if expected.isupper() and len(expected.replace(".", "")) <= 4 else None,
                  expected[:1].isupper()) for expected, _, _ in tokenize(surface))


def _case_fits(surface: str, words: Sequence[str] | _Texts, i: int, j: int) -> bool:
    """Whether words[i:j] spell the surface form as its case requires: "US" only as "US", not
    "us"; "The Diplomat" only with "Diplomat" capitalized."""
    rules = _case_rules(surface)
    for k in range(min(len(rules), j - i)):
        exact, capital = rules[k]
        got = words[i + k]
        if exact is not None and got != exact:
            return False
        if capital and not got[:1].isupper():
            return False
    return True


def _date(value: Any, where: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    text = str(value)
    try:
        if re.fullmatch(r"\d{4}-\d{2}", text):
            return dt.date(int(text[:4]), int(text[5:7]), 1)
        if re.fullmatch(r"\d{4}", text):
            return dt.date(int(text), 1, 1)
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise KBError(f"{where}: {value!r} is not a date (YYYY-MM-DD or YYYY-MM)") from exc


def _check_country(code: Any, where: str) -> str:
    code = str(code)
    if code in NON_STATE or pycountry.countries.get(alpha_3=code) is not None:
        return code
    raise KBError(f"{where}: {code!r} is not an ISO-3 country code (or IGO, NGO, IMG)")


def _check_sector(sector: Any, where: str) -> str | None:
    if sector is None:
        return None
    if str(sector) not in SECTORS:
        raise KBError(f"{where}: sector {sector!r} is not one of {', '.join(sorted(SECTORS))}")
    return str(sector)


def _read_yaml(path: Path | Any, name: str) -> Any:
    try:
        return yaml.safe_load(path.read_text("utf-8"))
    except yaml.YAMLError as exc:
        raise KBError(f"{name}: not valid YAML: {exc}") from exc


# --- loaders, one per file ---------------------------------------------------------------------

FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "VNM"})


def surname_of(name: str, country: str | None) -> str:
    """The name a text uses alone for a person: "Wang" for Wang Yi (CHN), "Putin" for Vladimir
    Putin."""
    tokens = name.split()
    if not tokens:
        return name
    return tokens[0] if country in FAMILY_NAME_FIRST and len(tokens) > 1 else tokens[-1]


def load_people(kb: KnowledgeBase, data: Any, name: str) -> None:
    if not isinstance(data, list):
        raise KBError(f"{name}: expected a list of people")
    seen: set[str] = set()
    for index, person in enumerate(data):
        where = f"{name}: entry {index + 1}"
        if not isinstance(person, dict) or not person.get("id") or not person.get("name"):
            raise KBError(f"{where}: a person needs id and name")
        if person["id"] in seen:
            raise KBError(f"{where}: id {person['id']!r} appears twice")
        seen.add(person["id"])
        roles = []
        for role in person.get("roles") or []:
            here = f"{where} ({person['name']}) role {role!r}"
            start, end = _date(role.get("start"), here), _date(role.get("end"), here)
            if start and end and end < start:
                raise KBError(f"{here}: ends before it starts")
            roles.append(Role(_check_country(role.get("country"), here),
                              _check_sector(role.get("sector"), here), role.get("title"), start, end))
        if not roles:
            raise KBError(f"{where} ({person['name']}): no roles")
        entry = Entry("person", name=str(person["name"]), kb_id=str(person["id"]), roles=tuple(roles),
                      gender=person.get("gender"))
        for surface in [person["name"], *(person.get("aliases") or [])]:
            kb.add(str(surface), entry)


def load_countries(kb: KnowledgeBase, data: Any, name: str) -> None:
    extra = data or {}
    if not isinstance(extra, dict):
        raise KBError(f"{name}: expected a mapping of ISO-3 codes")
    kinds = {"names": ("country", None), "demonyms": ("demonym", None), "capitals": ("capital", "GOV"),
             "metonyms": ("metonym", "GOV"), "military_metonyms": ("metonym", "MIL"),
             "legislature_metonyms": ("metonym", "LEG")}
    for code, fields in extra.items():
        where = f"{name}: {code}"
        country = _check_country(code, where)
        unknown = set(fields or {}) - set(kinds)
        if unknown:
            raise KBError(f"{where}: unknown keys {', '.join(sorted(unknown))}")
        names = (fields or {}).get("names") or []
        label = str(names[0]) if names else _country_name(country)
        for key, (kind, sector) in kinds.items():
            words = (fields or {}).get(key) or []
            for word in words:
                plural = kind == "demonym" and word != words[0] and word.endswith("s")
                kb.add(str(word), Entry(kind, country, sector, label, plural=plural))


def load_places(kb: KnowledgeBase, data: Any, name: str) -> None:
    """Cities and regions (places.yaml): `ISO3: [names]`, each name also with every word of
    `suffixes` after it ("Heilongjiang province"). A place codes its bare country, never a sector:
    a city is not its government (a capital is, in countries.yaml)."""
    if not isinstance(data, dict):
        raise KBError(f"{name}: expected a mapping of ISO-3 codes to lists of place names")
    suffixes = data.get("suffixes") or []
    if not isinstance(suffixes, list) or not all(isinstance(s, str) for s in suffixes):
        raise KBError(f"{name}: suffixes: expected a list of words")
    for code, places in data.items():
        if code == "suffixes":
            continue
        where = f"{name}: {code}"
        country = _check_country(code, where)
        if not isinstance(places, list) or not all(isinstance(p, str) and p.strip() for p in places):
            raise KBError(f"{where}: expected a list of place names")
        entry = Entry("place", country, None, kb.labels.get(country) or _country_name(country))
        seen: set[tuple[str, ...]] = set()
        for place in places:
            for surface in (place, *(f"{place} {suffix}" for suffix in suffixes)):
                key = _key(surface)
                if key not in seen:
                    seen.add(key)
                    kb.add(surface, entry)


def _country_name(code: str) -> str:
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name


def load_pycountry(kb: KnowledgeBase, excluded: frozenset[str] = frozenset(),
                   labels: dict[str, str] | None = None) -> None:
    labels = labels or {}
    for country in pycountry.countries:
        label = labels.get(country.alpha_3) or _country_name(country.alpha_3)
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value and "," not in value and "(" not in value and value not in excluded:
                kb.add(value, Entry("country", country.alpha_3, None, label))


def load_organizations(kb: KnowledgeBase, data: Any, name: str) -> None:
    if not isinstance(data, list):
        raise KBError(f"{name}: expected a list of organizations")
    for index, org in enumerate(data):
        where = f"{name}: entry {index + 1}"
        if not isinstance(org, dict) or not org.get("id") or not org.get("names"):
            raise KBError(f"{where}: an organization needs id and names")
        country = _check_country(org.get("country", "IGO"), where)
        sector = _check_sector(org.get("sector", "IGO"), where)
        entry = Entry("organization", country, sector, str(org["names"][0]), str(org["id"]))
        for surface in [*org["names"], *(org.get("metonyms") or [])]:
            kb.add(str(surface), entry)


def load_sectors(kb: KnowledgeBase, data: Any, name: str, kind: str = "sector") -> None:
    if not isinstance(data, dict) or not all(isinstance(v, list) for v in data.values()):
        raise KBError(f"{name}: expected a mapping of sector → list of words" if kind != "agentive"
                      else f"{name}: expected a list of words")
    for sector, words in data.items():
        checked = None if kind == "agentive" else _check_sector(sector, f"{name}: {sector}")
        for word in words or []:
            kb.add(str(word), Entry(kind, None, checked, str(word)))


def load_references(kb: KnowledgeBase, data: Any, name: str) -> None:
    for index, ref in enumerate(data or []):
        where = f"{name}: entry {index + 1}"
        if not isinstance(ref, dict) or not ref.get("phrases") or ref.get("refers_to") not in (
                "pair", "person", "organization", "company", "thing"):
            raise KBError(f"{where}: a reference needs phrases and refers_to "
                          "(pair, person, organization, company, thing)")
        entry = Entry("reference", None, _check_sector(ref.get("sector"), where), str(ref["refers_to"]),
                      gender=ref.get("gender"),
                      default_sector=_check_sector(ref.get("default_sector"), where))
        for phrase in ref["phrases"]:
            kb.add(str(phrase), entry)


def load_outlets(kb: KnowledgeBase) -> None:
    for outlet in outlet_registry().outlets:
        sector = {"government": "GOV", "think-tank": "EDU"}.get(outlet.type, "MED")
        entry = Entry("outlet", outlet.country, sector, outlet.name, f"outlet:{outlet.name}")
        for surface in (outlet.name, *outlet.aliases):
            kb.add(surface, entry)


LOADERS = {
    "countries.yaml": load_countries,
    "places.yaml": load_places,
    "organizations.yaml": load_organizations,
    "people.yaml": load_people,
    "sectors.yaml": load_sectors,
    "person_titles.yaml": lambda kb, data, name: load_sectors(kb, data, name, kind="title"),
    "references.yaml": load_references,
    "agentive_nouns.yaml": lambda kb, data, name: load_sectors(kb, {"AGENTIVE": data}, name, kind="agentive"),
}


def build(extra_dirs: Iterable[Path] = ()) -> KnowledgeBase:
    """The bundled knowledge base, plus the files found in each user folder."""
    from .petrarch import load_petrarch

    kb = KnowledgeBase()
    bundled = resources.files("dyadwatch.kb").joinpath("actors")
    excluded = bundled.joinpath("ambiguous_names.yaml")
    countries = bundled.joinpath("countries.yaml")
    labels = {code: str(fields["names"][0]) for code, fields in
              (_read_yaml(countries, "countries.yaml") or {}).items()
              if fields and fields.get("names")} if countries.is_file() else {}
    kb.labels = labels
    load_pycountry(kb, frozenset(_read_yaml(excluded, "ambiguous_names.yaml") or [])
                   if excluded.is_file() else frozenset(), labels)
    load_outlets(kb)
    for filename, loader in LOADERS.items():
        resource = bundled.joinpath(filename)
        if resource.is_file():
            loader(kb, _read_yaml(resource, filename), filename)
    for resource in sorted(bundled.iterdir(), key=lambda r: r.name):
        if resource.name.startswith("people_") and resource.name.endswith(".yaml"):
            load_people(kb, _read_yaml(resource, resource.name), resource.name)
    for folder in extra_dirs:
        folder = Path(folder)
        if not folder.is_dir():
            raise KBError(f"{folder}: not a folder")
        for filename, loader in LOADERS.items():
            if (folder / filename).is_file():
                loader(kb, _read_yaml(folder / filename, str(folder / filename)), str(folder / filename))
        for extra in sorted(folder.glob("people_*.yaml")):
            load_people(kb, _read_yaml(extra, str(extra)), str(extra))
        for dictionary in sorted(folder.glob("*.txt")):
            load_petrarch(kb, dictionary.read_text("utf-8", errors="replace"), str(dictionary))
    return kb


@lru_cache(maxsize=4)
def knowledge_base(extra_dirs: tuple[Path, ...] = ()) -> KnowledgeBase:
    return build(extra_dirs)
