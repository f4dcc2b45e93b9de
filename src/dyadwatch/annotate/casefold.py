"""Where lower-casing text and matching a pattern case-insensitively disagree: the characters
Python's re with IGNORECASE matches to an ASCII letter but str.lower() does not turn into it
("İ", which lower-cases to two characters, "ı" and "ſ"). A search that runs on lower-cased text
instead of with IGNORECASE is only the same search in text free of them (tests/test_timex.py
checks this list against every code point)."""

UNFOLDED = "\u0130\u0131\u017f"
