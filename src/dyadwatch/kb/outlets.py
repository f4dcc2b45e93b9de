"""The outlet registry: canonical outlets with aliases, web domains, country and affiliation.

The data lives in outlets.yaml; users add their own with extra YAML files of the same shape.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

AFFILIATIONS = frozenset({"state-owned", "state-funded", "party-run", "private", "government body"})
TYPES = frozenset({"wire", "newspaper", "broadcaster", "online", "journal", "think-tank", "government"})
_FIELDS = ("name", "aliases", "domains", "country", "affiliation", "type")


class RegistryError(ValueError):
    """The registry file is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class Outlet:
    name: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    country: str
    affiliation: str
    type: str


def _key(name: str) -> str:
    return " ".join(name.replace("’", "'").split()).casefold()


class OutletRegistry:
    def __init__(self, outlets: Iterable[Outlet]):
        self.outlets: list[Outlet] = list(outlets)
        self._by_name: dict[str, Outlet] = {}
        self._by_domain: dict[str, Outlet] = {}
        for outlet in self.outlets:
            for name in (outlet.name, *outlet.aliases):
                key = _key(name)
                other = self._by_name.get(key)
                if other is not None and other is not outlet:
                    raise RegistryError(
                        f"name or alias {name!r} belongs to both {other.name!r} and {outlet.name!r}"
                    )
                self._by_name[key] = outlet
            for domain in outlet.domains:
                self._by_domain[domain] = outlet
        names = sorted(self._by_name, key=len, reverse=True)
        self._mention = re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])",
            re.IGNORECASE,
        ) if names else None

    def __len__(self) -> int:
        return len(self.outlets)

    def lookup(self, name: str | None) -> Outlet | None:
        """The outlet called `name` (canonical name or alias, case-insensitive), else None."""
        if not name:
            return None
        return self._by_name.get(_key(name))

    def by_domain(self, host: str | None) -> Outlet | None:
        """The outlet owning `host` or one of its parent domains ("en.kremlin.ru" → kremlin.ru)."""
        if not host:
            return None
        host = host.lower().split(":")[0].removeprefix("www.")
        parts = host.split(".")
        for i in range(len(parts) - 1):
            outlet = self._by_domain.get(".".join(parts[i:]))
            if outlet:
                return outlet
        return None

    def find_in(self, text: str) -> Outlet | None:
        """The first registry outlet named anywhere in `text` (for credit lines and headers)."""
        if self._mention is None:
            return None
        match = self._mention.search(text.replace("’", "'"))
        return self.lookup(match.group(0)) if match else None


def _parse_entry(entry: object, origin: str, index: int) -> Outlet:
    where = f"{origin}: entry {index + 1}"
    if not isinstance(entry, dict):
        raise RegistryError(f"{where}: expected a mapping, got {type(entry).__name__}")
    missing = [f for f in ("name", "country", "affiliation", "type") if not entry.get(f)]
    if missing:
        raise RegistryError(f"{where}: missing {', '.join(missing)}")
    unknown = sorted(set(entry) - set(_FIELDS))
    if unknown:
        raise RegistryError(f"{where} ({entry['name']}): unknown keys {', '.join(unknown)}")
    name = str(entry["name"])
    country = str(entry["country"])
    if not re.fullmatch(r"[A-Z]{3}", country):
        raise RegistryError(f"{where} ({name}): country {country!r} is not an ISO-3 code")
    if entry["affiliation"] not in AFFILIATIONS:
        raise RegistryError(f"{where} ({name}): affiliation {entry['affiliation']!r} is not one of "
                            f"{', '.join(sorted(AFFILIATIONS))}")
    if entry["type"] not in TYPES:
        raise RegistryError(f"{where} ({name}): type {entry['type']!r} is not one of "
                            f"{', '.join(sorted(TYPES))}")
    aliases = tuple(str(a) for a in entry.get("aliases") or ())
    domains = tuple(str(d).lower().removeprefix("www.") for d in entry.get("domains") or ())
    return Outlet(name, aliases, domains, country, entry["affiliation"], entry["type"])


def load_outlets(text: str, origin: str) -> list[Outlet]:
    """Parse and validate registry YAML; raise RegistryError naming `origin` and the entry."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise RegistryError(f"{origin}: not valid YAML: {exc}") from exc
    if not isinstance(data, list):
        raise RegistryError(f"{origin}: expected a list of outlets")
    return [_parse_entry(entry, origin, i) for i, entry in enumerate(data)]


@lru_cache(maxsize=8)
def registry(extra_files: tuple[Path, ...] = ()) -> OutletRegistry:
    """The bundled registry, extended by user files (later files win on canonical name)."""
    bundled = resources.files("dyadwatch.kb").joinpath("outlets.yaml")
    outlets = {o.name: o for o in load_outlets(bundled.read_text("utf-8"), "outlets.yaml")}
    for path in extra_files:
        for outlet in load_outlets(Path(path).read_text("utf-8"), str(path)):
            outlets[outlet.name] = outlet
    return OutletRegistry(outlets.values())
