"""Statements: the same speaker's words on one occasion as several outlets reported them, with
every difference between the versions classified.

1. Versions: in each document, the quotes credited to one speaker on one day.
2. Statements: versions from different documents linked when the speaker is the same, the
   dates are within a day and the content overlaps; or when the speakers differ but share a
   country and the content overlaps strongly (the same words credited to someone else).
3. Alignment: each version is cut into clause units; units are clustered across versions by
   content overlap, the fullest version (a transcript first) seeding the clusters.
4. Differences per cluster: omission (the reference or several versions have it, others do
   not), addition (one version only), wording (quoted words differ), attribution (credited to
   different speakers)."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..annotate.quotes.cues import default_cues
from ..kb.outlets import registry
from . import similarity
from .similarity import Weights, changed_words, clauses, content_stems, coverage, overlap, same_words, weights

LINK_OVERLAP = 0.5        # same speaker, same day: share of content words two units must share
STRONG_OVERLAP = 0.7      # different speakers: the words must be nearly the same
CLUSTER_OVERLAP = 0.5     # a unit joins a cluster at this overlap with one of its members
COVERED = 0.75            # a version that holds this share of a unit's words has it (merged or split)
JOINED_COVERED = 0.5      # … or its clause of the reference clause next to it holds this share
MAX_DAYS_APART = 1
COVERED_ELSEWHERE = "(in another clause)"
_FRAGMENT = re.compile(r"[\"“]([^\"“”]+)[\"”]")
_DOCUMENT_KIND_RANK = {"transcript": 0, "other": 1, "analysis": 2, "news": 3}


@dataclass
class ReportedQuote:
    """A quotation with the document it appeared in."""

    document_id: str
    outlet: str
    document_kind: str
    published: str | None
    start: int
    end: int
    text: str
    kind: str
    speaker_text: str | None
    speaker_name: str | None
    speaker_code: str | None
    date: str | None
    paragraph: int | None = None  # where the paragraph the quote opens in starts
    field: str = "text"  # "title": a headline's quote, its offsets the title's

    @property
    def passage(self) -> tuple[str, str, int]:
        """The passage the quote belongs to: its paragraph, or for a transcript its whole answer
        turn (one quote however many paragraphs it runs over); a headline is its own."""
        return self.document_id, self.field, self.start if self.paragraph is None else self.paragraph

    @property
    def speaker_key(self) -> str | None:
        return self.speaker_name or self.speaker_code

    @property
    def speaker_label(self) -> str:
        return self.speaker_name or self.speaker_text or self.speaker_code or "unknown"

    @property
    def country(self) -> str | None:
        return self.speaker_code[:3] if self.speaker_code else None


@dataclass
class Version:
    document_id: str
    outlet: str
    document_kind: str
    quotes: list[ReportedQuote]
    units: list[tuple[str, ReportedQuote]] = field(default_factory=list)

    @property
    def speaker_key(self) -> str | None:
        return Counter(q.speaker_key for q in self.quotes).most_common(1)[0][0]

    @property
    def date(self) -> str | None:
        dates = [q.date for q in self.quotes if q.date]
        return Counter(dates).most_common(1)[0][0] if dates else None

    @property
    def text(self) -> str:
        return " ".join(q.text for q in self.quotes)

    def words(self) -> int:
        return len(self.text.split())


@dataclass
class Difference:
    kind: str  # omission | addition | wording | attribution
    text: str
    present_in: list[str]
    missing_from: list[str] = field(default_factory=list)
    variants: list[str] = field(default_factory=list)
    changes: list[list[str]] = field(default_factory=list)  # wording: [reference words, variant words]


@dataclass
class Statement:
    speaker: str
    speaker_code: str | None
    date: str | None
    versions: list[Version]
    differences: list[Difference]
    reference: Version
    alignment: list[dict[str, str | None]] = field(default_factory=list)  # per clause: outlet → words

    @property
    def outlets(self) -> list[str]:
        return list(dict.fromkeys(v.outlet for v in self.versions))

    def record(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker, "speaker_code": self.speaker_code, "date": self.date,
            "reference": self.reference.outlet,
            "versions": [{"document_id": q.document_id, "outlet": q.outlet, "text": q.text, "start": q.start,
                          "end": q.end, "field": q.field, "kind": q.kind, "speaker": q.speaker_label}
                         for v in self.versions for q in v.quotes],
            "differences": [{"kind": d.kind, "text": d.text, "present_in": d.present_in,
                             "missing_from": d.missing_from, "variants": d.variants, "changes": d.changes}
                            for d in self.differences],
            "alignment": self.alignment,
        }


def _day(value: str | None) -> dt.date | None:
    if not value or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _close_in_time(a: str | None, b: str | None) -> bool:
    da, db = _day(a), _day(b)
    if da is None or db is None:
        return a is None or b is None or a[:7] == b[:7]
    return abs((da - db).days) <= MAX_DAYS_APART


def _best_overlap(a: Version, b: Version) -> float:
    return max((overlap(ua, ub) for ua, _ in a.units for ub, _ in b.units), default=0.0)


def _versions(quotes: list[ReportedQuote]) -> list[Version]:
    by_key: dict[tuple[str, str, str | None], list[ReportedQuote]] = {}
    for quote in quotes:
        if quote.speaker_key is None:
            continue
        by_key.setdefault((quote.document_id, quote.speaker_key, quote.date), []).append(quote)
    versions = []
    for (document_id, _, _), group in by_key.items():
        group.sort(key=lambda q: q.start)
        version = Version(document_id, group[0].outlet, group[0].document_kind, group)
        version.units = [(unit, q) for q in group for unit in clauses(q.text)]
        if version.units:
            versions.append(version)
    return versions


def _linked(a: Version, b: Version) -> bool:
    if a.document_id == b.document_id or not _close_in_time(a.date, b.date):
        return False
    if a.speaker_key == b.speaker_key:
        return _best_overlap(a, b) >= LINK_OVERLAP
    countries = {q.country for q in a.quotes} | {q.country for q in b.quotes}
    return len(countries - {None}) <= 1 and _best_overlap(a, b) >= STRONG_OVERLAP


def _components(versions: list[Version]) -> list[list[Version]]:
    parent = list(range(len(versions)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(versions)):
        for j in range(i + 1, len(versions)):
            if find(i) != find(j) and _linked(versions[i], versions[j]):
                parent[find(i)] = find(j)
    groups: dict[int, list[Version]] = {}
    for i, version in enumerate(versions):
        groups.setdefault(find(i), []).append(version)
    return [g for g in groups.values() if len({v.document_id for v in g}) >= 2]


def _absorb_siblings(group: list[Version], versions: list[Version]) -> None:
    """Quotes in a statement's documents credited, on the same day, to the speaker's country or
    organization ("China said …" beside "Geng said …") are versions of the statement too."""
    in_group = {id(v) for v in group}
    documents = {v.document_id for v in group}
    countries = {q.country for v in group for q in v.quotes} - {None}
    dates = [v.date for v in group]
    for version in versions:
        if id(version) in in_group or version.document_id not in documents:
            continue
        if all(q.speaker_name is None or q.speaker_name == q.speaker_code for q in version.quotes) and \
                {q.country for q in version.quotes} <= countries and \
                any(_close_in_time(version.date, d) for d in dates):
            group.append(version)


def _reference(group: list[Version]) -> Version:
    """A transcript if there is one; else the speaker's own government's account (the Kremlin's
    readout of Putin's call, not the other side's); else by kind of document, the fullest first."""
    return min(group, key=lambda v: (v.document_kind != "transcript", not _own_government(v),
                                     _DOCUMENT_KIND_RANK.get(v.document_kind, 3), -v.words()))


def _own_government(version: Version) -> bool:
    outlet = registry().lookup(version.outlet)
    return outlet is not None and outlet.type == "government" and any(
        q.speaker_code[:3] == outlet.country for q in version.quotes if q.speaker_code)


Cluster = list[tuple[Version, str, ReportedQuote]]


def _clusters(ordered: list[Version], weight: Weights) -> list[Cluster]:
    clusters: list[Cluster] = []
    for version in ordered:
        for unit, quote in version.units:
            best, best_score = None, 0.0
            for cluster in clusters:
                score = max((overlap(unit, member, weight) for v, member, _ in cluster if v is not version),
                            default=0.0)
                if score > best_score:
                    best, best_score = cluster, score
            if best is not None and best_score >= CLUSTER_OVERLAP:
                best.append((version, unit, quote))
            else:
                clusters.append([(version, unit, quote)])
    reference = ordered[0]
    for version in ordered[1:]:
        _pair_lone_clauses(version, reference, clusters)
    return [c for c in clusters if c]


def _pair_lone_clauses(version: Version, reference: Version, clusters: list[Cluster]) -> None:
    """Versions keep the order of what was said. When, between two clauses a version shares with
    the reference, each has exactly one clause of its own, and the two share a content word, they
    are one clause in other words ("he was not aware of the letter" for "I don't know anything
    about this letter")."""
    anchored = [c for c in clusters if c and c[0][0] is reference]
    position = {id(c): i for i, c in enumerate(anchored)}
    cluster_of = {(id(v), unit): c for c in clusters for v, unit, _ in c}
    sequence = [cluster_of[(id(version), unit)] for unit, _ in version.units]
    marks = [position[id(c)] for c in sequence if id(c) in position]
    lone_in_gap: dict[tuple[int, int], list[Cluster]] = {}  # (reference clause before, after) → lone clauses
    for i, cluster in enumerate(sequence):
        if id(cluster) in position or any(v is not version for v, _, _ in cluster):
            continue  # aligned with the reference, or shared with another outlet
        before = max((position[id(c)] for c in sequence[:i] if id(c) in position), default=-1)
        after = min((position[id(c)] for c in sequence[i + 1:] if id(c) in position), default=len(anchored))
        if not any(before < mark < after for mark in marks):  # a gap between neighbouring shared clauses
            lone_in_gap.setdefault((before, after), []).append(cluster)
    for (before, after), own in lone_in_gap.items():
        gap = [c for c in anchored[before + 1:after] if not any(v is version for v, _, _ in c)]
        if len(gap) == 1 and len(own) == 1 and content_stems(own[0][0][1]) & content_stems(gap[0][0][1]):
            gap[0].extend(own[0])
            own[0].clear()


def _present(cluster: Cluster, versions: list[Version], neighbours: list[Cluster] = ()) -> list[Version]:
    """The versions that have the cluster's clause: its members, versions whose text holds
    most of the seed's words (merged into, or split across, other clauses), and versions whose
    clause of a neighbouring reference clause also holds half of its words (two sentences
    reported as one clause: "the steps do not mean a total halt …, are temporary and …")."""
    members = {id(v) for v, _, _ in cluster}
    seed = cluster[0][1]
    joined = {id(v) for other in neighbours for v, unit, _ in other if coverage(seed, unit) >= JOINED_COVERED}
    return [v for v in versions if id(v) in members or id(v) in joined or coverage(seed, v.text) >= COVERED
            or _quotes_from(v, seed)]


def _quotes_from(version: Version, clause: str) -> bool:
    """Does the version put words of the clause in quotation marks (a mixed quote's fragment of
    two content words or more: 'measures "apply to everyone"')? Then it reported the clause."""
    padded = f" {similarity.normalize(clause)} "
    fragments = [f for q in version.quotes if q.kind == "mixed" for f in _FRAGMENT.findall(q.text)]
    return any(len(content_stems(f)) >= 2 and f" {similarity.normalize(f)} " in padded for f in fragments)


def _passage_keys(cluster: Cluster) -> set[tuple[str, str, int]]:
    return {quote.passage for _, _, quote in cluster}


def _passages(clusters: list[Cluster], reference: Version) -> dict[int, list[Cluster]]:
    """For each cluster, the other clusters of its passage: those sharing a paragraph (or answer
    turn) with it in some version and, when the reference is not a transcript, the reference's
    clauses right before and after it (a wire's paragraphs are a sentence or two long)."""
    members: dict[tuple[str, str, int], list[Cluster]] = {}
    for cluster in clusters:
        for key in _passage_keys(cluster):
            members.setdefault(key, []).append(cluster)
    passage_of: dict[int, list[Cluster]] = {}
    for cluster in clusters:
        related = {id(c): c for key in _passage_keys(cluster) for c in members[key]}
        passage_of[id(cluster)] = [c for c in related.values() if c is not cluster]
    if reference.document_kind != "transcript":
        seeded = [c for c in clusters if c[0][0] is reference]
        for before, after in itertools.pairwise(seeded):
            passage_of[id(before)].append(after)
            passage_of[id(after)].append(before)
    return passage_of


def _reports_passage(version: Version, cluster: Cluster, passage_of: dict[int, list[Cluster]],
                     present_in: dict[int, list[Version]]) -> bool:
    """Does `version` report the passage (answer or paragraph) the cluster's clause belongs to?
    An outlet that skips a whole answer made a selection; it did not drop a clause."""
    return any(any(v is version for v in present_in[id(other)]) for other in passage_of[id(cluster)])


def _differences(group: list[Version], reference: Version
                 ) -> tuple[list[Difference], list[dict[str, str | None]]]:
    ordered = [reference, *sorted((v for v in group if v is not reference), key=lambda v: -v.words())]
    all_outlets = list(dict.fromkeys(v.outlet for v in ordered))
    differences: list[Difference] = []
    alignment: list[dict[str, str | None]] = []
    weight = weights([unit for v in ordered for unit, _ in v.units], len(ordered))
    clusters = _clusters(ordered, weight)
    seeded = [c for c in clusters if c[0][0] is reference]
    around = {id(c): seeded[max(i - 1, 0):i] + seeded[i + 1:i + 2] for i, c in enumerate(seeded)}
    present_in = {id(cluster): _present(cluster, ordered, around.get(id(cluster), []))
                  for cluster in clusters}
    passage_of = _passages(clusters, reference)
    for cluster in clusters:
        _, seed, _ = cluster[0]
        present = present_in[id(cluster)]
        present_outlets = list(dict.fromkeys(v.outlet for v in present))
        row: dict[str, str | None] = dict.fromkeys(all_outlets)
        for version, unit, _ in cluster:
            label = version.outlet
            row[label] = f"{row[label]} … {unit}" if row[label] else unit
        for version in present:
            row[version.outlet] = row[version.outlet] or COVERED_ELSEWHERE
        alignment.append(row)
        missing = [o for o in all_outlets if o not in present_outlets]
        if missing:
            said = any(v is reference for v in present) or (
                len(present_outlets) >= 2 and reference.document_kind != "transcript")
            if said:  # words a transcript lacks were not said as such: an addition, not an omission
                absent = [v for v in ordered if v.outlet in missing]
                # a ritual formula ("comprehensive strategic partners") is not a cut worth listing
                dropped_by = [] if similarity.formulaic(seed) else list(dict.fromkeys(
                    v.outlet for v in absent if _reports_passage(v, cluster, passage_of, present_in)))
                if dropped_by:
                    differences.append(Difference("omission", seed, present_outlets, dropped_by))
            elif not _takes_a_stance(seed):  # "rejects claims of bias" describes a position, it puts no words
                differences.append(Difference("addition", seed, present_outlets, missing))
        # wording: the words put in quotation marks differ from the reference's (or the first quote's)
        quoted = [(v, unit) for v, unit, q in cluster if q.kind in ("direct", "mixed")]
        if len({id(v) for v, _ in quoted}) >= 2:
            base_version, base = quoted[0]
            variants = [(v, unit) for v, unit in quoted[1:]
                        if v is not base_version and not same_words(unit, base)]
            if variants:
                texts = list(dict.fromkeys([base] + [unit for _, unit in variants]))
                changes = [list(c) for _, unit in variants for c in changed_words(base, unit)][:12]
                present = [base_version] + [v for v, _ in variants]
                differences.append(Difference(
                    "wording", base, list(dict.fromkeys(v.outlet for v in present)),
                    variants=texts, changes=changes))
        speakers = list(dict.fromkeys(q.speaker_label for _, _, q in cluster))
        if len(speakers) >= 2:
            differences.append(Difference(
                "attribution", seed, list(dict.fromkeys(v.outlet for v, _, _ in cluster)),
                variants=speakers))
    return differences, alignment


def _takes_a_stance(clause: str) -> bool:
    """Does the clause open with a stance verb ("rejects claims of …", "dismissed efforts to …")?"""
    match = default_cues().stance.match(clause)
    return match is not None and bool(match["verb"] or match["phrase"])


def find_statements(quotes: list[ReportedQuote], speaker: str | None = None) -> list[Statement]:
    """Statements reported by two or more documents, each with its versions and differences;
    `speaker` keeps those whose speaker's name or code contains it."""
    versions = _versions(quotes)
    statements = []
    for group in _components(versions):
        _absorb_siblings(group, versions)
        reference = _reference(group)
        names = Counter(q.speaker_name for v in group for q in v.quotes if q.speaker_name)
        codes = Counter(q.speaker_code for v in group for q in v.quotes if q.speaker_code)
        name = names.most_common(1)[0][0] if names else (codes.most_common(1)[0][0] if codes else "unknown")
        code = codes.most_common(1)[0][0] if codes else None
        if speaker and speaker.lower() not in f"{name} {code}".lower():
            continue
        group.sort(key=lambda v: (v is not reference, v.outlet))
        differences, alignment = _differences(group, reference)
        statements.append(Statement(name, code, reference.date, group, differences, reference, alignment))
    statements.sort(key=lambda s: (s.date or "", s.speaker))
    return statements
