"""find_atoms searches the words only for the surnames the trie does not index: the atoms are the
same as with every surname searched for."""

from dyadwatch.annotate.actors.chunks import find_atoms
from dyadwatch.annotate.actors.kb import knowledge_base
from dyadwatch.annotate.trie import token_key


def _spans(atoms):
    return [(a.start, a.end, a.entry.kind, a.entry.name) for a in atoms]


def test_unindexed_surnames_give_the_atoms_every_surname_gives():
    kb = knowledge_base()
    text = "Putin met Sobyanin. Later Sobyanin and Putin spoke, and Wang said so."
    surnames = {"Putin": object(), "Sobyanin": object(), "Wang": object()}
    unindexed = {s for s in surnames if token_key(s) not in kb.trie}
    assert "Sobyanin" in unindexed and "Putin" not in unindexed
    for start, end in [(0, 19), (20, len(text)), (0, len(text))]:
        expected = find_atoms(text, start, end, kb, surnames)
        assert _spans(find_atoms(text, start, end, kb, surnames, unindexed)) == _spans(expected)
    assert ("surname", "Sobyanin") in {(a.entry.kind, a.entry.name) for a in
                                       find_atoms(text, 0, len(text), kb, surnames, unindexed)}
