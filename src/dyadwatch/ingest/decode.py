"""Bytes to text: UTF-8 when it is, else the encoding charset-normalizer detects, else replacement."""

from __future__ import annotations

import charset_normalizer

# On a tie, prefer the encodings most common in English-language news archives.
PREFERRED_ON_TIE = ("cp1252", "latin_1", "iso8859_15")


def _best_guess(matches: charset_normalizer.CharsetMatches) -> charset_normalizer.CharsetMatch | None:
    best = matches.best()
    if best is None:
        return None
    tied = {m.encoding: m for m in matches
            if m.chaos == best.chaos and m.coherence == best.coherence}
    return next((tied[e] for e in PREFERRED_ON_TIE if e in tied), best)


def decode(data: bytes) -> tuple[str, str | None]:
    """The text and a warning when it was not clean UTF-8."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    best = _best_guess(charset_normalizer.from_bytes(data))
    if best is not None and best.encoding not in ("utf_8", "ascii"):
        return str(best), f"not valid UTF-8 (first bad byte at {first_bad}); decoded as {best.encoding}"
    text = data.decode("utf-8", errors="replace")
    return text, (
        f"invalid UTF-8 (first bad byte at {first_bad}); "
        f"{text.count(chr(0xFFFD))} bad byte sequences replaced with U+FFFD"
    )
