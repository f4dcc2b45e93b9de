"""Quotations and their speakers.

- direct: text between quotation marks (marks.py) with a cue next to it ("…," Peskov said; Wang
  said: "…"; "We think," he said, "that …" is one quote in two parts). A quote paragraph with no
  cue of its own continues the last speaker. Short quoted spans after "so-called", "titled" and
  the like, and short spans with no cue, are terms or titles, not statements.
- indirect: "X said (that) …", "…, X told reporters.", "according to X, …", "X was quoted as
  saying …"; when the reported clause holds quoted fragments it is a mixed quote.
- speaker: the actor next to the cue (actors layer: names, titles, he/she resolved), a role such
  as "the spokesman" read as the last person in the text who held that role, else the words as
  written with no code.

One module per job: marks.py (quoted spans), cues.py (the cue lexicon), document.py (one
document's indexes), direct.py, indirect.py, nested.py (speech reported inside a quotation),
transcripts.py (labelled turns), speakers.py (who speaks), headlines.py (titles)."""

from __future__ import annotations

from collections.abc import Sequence

from ...model import Actor, PartialDate, Quote, Sentence, Timex
from .cues import Cues, default_cues, load_cues
from .direct import direct_quotes
from .document import Doc, paragraph_starts
from .indirect import continued_quotes, indirect_quotes
from .nested import nested_quotes
from .speakers import groups_expanded, pronouns_resolved, speaker_of
from .transcripts import transcript_turns


def find_quotes(text: str, sentences: Sequence[Sentence], actors: Sequence[Actor],
                timexes: Sequence[Timex] = (), published: PartialDate | None = None,
                cues: Cues | None = None, title_actors: Sequence[Actor] = ()) -> list[Quote]:
    """Direct, indirect and mixed quotations of a text, in order of their start. `title_actors`
    (the actors of the document's title) name the speaker of a transcript's "A:" turns."""
    doc = Doc(text, sentences, actors, timexes, published, cues or default_cues())
    turns, turn_ranges, questions = transcript_turns(doc, title_actors)

    def outside_turns(quote: Quote) -> bool:
        return not any(a <= quote.start < b for a, b in turn_ranges)

    direct = [q for q in direct_quotes(doc) if outside_turns(q)]
    # speech reported in a question is still sought ("Q: The embassy complains that …")
    answers = [r for r in turn_ranges if r not in questions]
    if answers:
        doc.sentences = [s for s in doc.sentences if not any(a <= s.start < b for a, b in answers)]
    indirect, absorbed = indirect_quotes(doc, direct)
    kept = [q for q in direct if id(q) not in absorbed]
    found = turns + kept + indirect
    found += continued_quotes(doc, kept + indirect)
    nested = [inner for quote in found for inner in nested_quotes(doc, quote)]
    return groups_expanded(doc, pronouns_resolved(doc, sorted(found + nested, key=lambda q: q.start)))


__all__ = ["Cues", "find_quotes", "load_cues", "paragraph_starts", "speaker_of"]
