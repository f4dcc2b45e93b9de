"""Doc.next_to_quote answers as a scan of every quoted part would, with adjacent and overlapping parts."""

from dyadwatch.annotate.quotes.cues import default_cues
from dyadwatch.annotate.quotes.document import Doc
from dyadwatch.annotate.quotes.marks import QuotedSpan


def _doc_with_parts(parts: list[tuple[int, int]]) -> Doc:
    doc = Doc("x" * 60, [], [], [], None, default_cues())
    doc.spans = [QuotedSpan((part,), True) for part in parts]
    return doc


def test_next_to_quote_is_a_scan_of_the_parts() -> None:
    layouts = [[], [(5, 9)], [(5, 9), (10, 14)], [(5, 9), (11, 14)], [(3, 30), (8, 12), (20, 25)],
               [(0, 2), (40, 41)], [(10, 20), (12, 15), (14, 16)]]
    for parts in layouts:
        doc = _doc_with_parts(parts)
        for position in range(-2, 62):
            expected = any(a - 1 <= position < b + 1 for a, b in parts)
            assert doc.next_to_quote(position) is expected, (parts, position)
