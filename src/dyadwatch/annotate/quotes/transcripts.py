"""Transcript turns ("Dmitry Peskov: …", "A: …", "Q: …"): answers are direct quotes of the person
the label (or, for "A:", the title) names; questions and procedural turns are not statements."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...model import Actor, Quote, Speaker
from .document import Doc, trim_comma
from .speakers import best_actor

_TURN = re.compile(r"([A-Z][\w.'’ -]{0,40}?|Q|A):[ \t]+")
_ANSWER_LABELS = ("a", "answer")


def transcript_turns(doc: Doc, title_actors: Sequence[Actor]
                     ) -> tuple[list[Quote], list[tuple[int, int]], list[tuple[int, int]]]:
    """Turns of a transcript ("Dmitry Peskov: …", "A: …"): each answer is a direct quote of the
    person the label names ("A" is the person the title names). Returns the quotes, the ranges
    of every turn, questions included, which hold no quotes of their own, and the ranges of the
    questions (a question may report what someone else said: "The embassy complains that …")."""
    text = doc.text
    labelled = [(p, m) for p in doc.paragraphs if (m := _TURN.match(text, p))]
    if len(labelled) < 2:
        return [], [], []
    title_person = next((a for a in title_actors if a.name and a.role), None)
    quotes, ranges, questions = [], [], []
    for index, (start, match) in enumerate(labelled):
        end = labelled[index + 1][0] if index + 1 < len(labelled) else len(text)
        label = match.group(1)
        ranges.append((start, end))
        first_word = label.lower().split()[0] if label.split() else ""
        if first_word in doc.cues.question_labels:
            questions.append((start, end))
            continue
        if label.lower() in doc.cues.procedural_labels:
            continue
        if label.lower() in _ANSWER_LABELS:
            if title_person is None:
                continue
            speaker = Speaker(label, start, start + len(label), title_person.name, title_person.code, "title")
        else:
            actor = best_actor(doc.actors_in(start, start + len(label)))
            if actor is None and not (label.isupper() and len(label.split()) <= 5):
                continue  # "Here's what's clear:" in prose is not a turn
            # an unnamed speaker in capitals ("SENIOR ADMINISTRATION OFFICIAL") stays as written
            speaker = Speaker(label, start, start + len(label), actor.name if actor else None,
                              actor.code if actor else None)
        body_start, body_end = trim_comma(text, match.end(), end)
        parts = tuple(_paragraph_spans(text, body_start, body_end))
        words = " ".join(text[a:b] for a, b in parts)
        quotes.append(Quote(body_start, body_end, words, "direct", parts,
                            (start, start + len(label), label), speaker, doc.published))
    return quotes, ranges, questions


def _paragraph_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    for piece in re.finditer(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]+)*", text[start:end]):
        a, b = trim_comma(text, start + piece.start(), start + piece.end())
        if a < b:
            spans.append((a, b))
    return spans
