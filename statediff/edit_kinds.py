"""Edit kinds of a pair: the specific kinds that claim the words they explain (``reordering``,
``number-change``, ``negation-flip``, ``actor-change``) and the residual ``substitution``,
``insertion`` and ``deletion`` of whatever substantive words are left (see ``docs/labels.md``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .clause_words import DIGIT, STOPWORDS, Region, Side, changed_words, classifier_words, contraction_base, word_opcodes
from .differ import sequence_matcher
from .label_words import LabelWords
from .model import Clause, Edit

__all__ = ["actor_change", "negation_flip", "number_change", "reordering", "residual_kinds"]

# A moved run must be this long (in words) to count as a reordering: two-word runs ("North Korea",
# "visa-free travel") recur by chance in any rewrite; three words with two content words rarely do.
MIN_MOVED_WORDS = 3
_MIN_MOVED_CONTENT = 2


def reordering(ls: Side, rs: Side) -> bool:
    """Word runs that both texts hold but in another order: they are left over by the in-order
    matching (difflib's longest-block recursion would have matched any run that kept its place),
    yet occur on both sides. Claims the moved words."""
    lk = [w.key for w in ls.words]
    rk = [w.key for w in rs.words]
    lfree, rfree = _unmatched(ls, rs)
    moved = False
    for n, i, j in sorted(_moved_runs(lk, rk, lfree, rfree), key=lambda r: (-r[0], r[1], r[2])):
        li, ri = range(i, i + n), range(j, j + n)
        if any(x in ls.consumed for x in li) or any(x in rs.consumed for x in ri):
            continue
        ls.consumed.update(li)
        rs.consumed.update(ri)
        moved = True
    return moved


def _unmatched(ls: Side, rs: Side) -> tuple[list[bool], list[bool]]:
    """Per word of each side: is it outside difflib's in-order matching (the equal runs of
    :func:`~statediff.clause_words.word_opcodes`)?"""
    lfree = [True] * len(ls.words)
    rfree = [True] * len(rs.words)
    for tag, i1, i2, j1, j2 in word_opcodes(ls, rs):
        if tag == "equal":
            lfree[i1:i2] = [False] * (i2 - i1)
            rfree[j1:j2] = [False] * (j2 - j1)
    return lfree, rfree


def _moved_runs(lk: list[str], rk: list[str], lfree: list[bool], rfree: list[bool]) -> list[tuple[int, int, int]]:
    """``(length, i, j)`` of each maximal run of unmatched words that both sides hold, long enough
    and with enough content words to count as moved."""
    runs = []
    at: dict[str, list[int]] = {}  # each unmatched right word's places
    for j, key in enumerate(rk):
        if rfree[j]:
            at.setdefault(key, []).append(j)
    for i in range(len(lk)):
        if not lfree[i]:
            continue
        for j in at.get(lk[i], ()):
            if i and j and lfree[i - 1] and rfree[j - 1] and lk[i - 1] == rk[j - 1]:
                continue  # not the start of a maximal run
            n = _run_length(lk, rk, lfree, rfree, i, j)
            content = sum(1 for w in lk[i:i + n] if w not in STOPWORDS)
            if n >= MIN_MOVED_WORDS and content >= _MIN_MOVED_CONTENT:
                runs.append((n, i, j))
    return runs


def _run_length(lk: list[str], rk: list[str], lfree: list[bool], rfree: list[bool], i: int, j: int) -> int:
    """How many unmatched words from ``lk[i]`` and ``rk[j]`` on are the same."""
    n = 0
    while i + n < len(lk) and j + n < len(rk) and lfree[i + n] and rfree[j + n] and lk[i + n] == rk[j + n]:
        n += 1
    return n


def _is_number(word: str, tables: LabelWords) -> bool:
    return bool(DIGIT.search(word)) or word.casefold() in tables.numbers or word in tables.proper_numbers


def number_change(ls: Side, rs: Side, edits: Sequence[Edit], tables: LabelWords) -> bool:
    """Numbers, dates and quantities (digits, number words, ordinals, month names) that gave way to
    others in the same slot: a removed and an added number that share the word before or after them
    ("the [-Second-]{+third+} CRI", "[-50-]{+68+} members", "on [-December 16-]{+January 27+}"). A
    number that only appears or disappears, or a date dropped here while an unrelated count comes
    in there, is an insertion or deletion. Claims the numbers of the slots that changed."""
    lnum = [i for i in changed_words(ls, edits) if i not in ls.consumed and _is_number(ls.words[i].text, tables)]
    rnum = [i for i in changed_words(rs, edits) if i not in rs.consumed and _is_number(rs.words[i].text, tables)]
    lslots = {i: _slot(ls, i, tables) for i in lnum}
    rslots = {j: _slot(rs, j, tables) for j in rnum}
    lkeep = [i for i in lnum if any(_same_slot(lslots[i], rslots[j]) for j in rnum)]
    rkeep = [j for j in rnum if any(_same_slot(lslots[i], rslots[j]) for i in lnum)]
    if Counter(ls.words[i].key for i in lkeep) == Counter(rs.words[j].key for j in rkeep):
        return False  # no slot holds another number now
    ls.consumed.update(lkeep)
    rs.consumed.update(rkeep)
    return True


def _slot(side: Side, i: int, tables: LabelWords) -> tuple[str, ...]:
    """Where a number stands: the words right before and after it, and the nearest words before and
    after it that are not numbers ("" where there is none). "780 million people" and "800 million
    citizens" share "million"; "on December 16, 2015" and "on January 27, 2016" share "on"."""
    words = side.words

    def plain(k: int) -> str:  # a neighbour in digits says nothing: "1/4" and "1.00" share "1"
        return words[k].key if 0 <= k < len(words) and not DIGIT.search(words[k].text) else ""

    near_before = next((words[k].key for k in range(i - 1, -1, -1) if not _is_number(words[k].text, tables)), "")
    near_after = next((words[k].key for k in range(i + 1, len(words)) if not _is_number(words[k].text, tables)), "")
    return plain(i - 1), plain(i + 1), near_before, near_after


def _same_slot(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return any(x and x == y for x, y in zip(a, b))


def _negation_words(side: Side, words: range, tables: LabelWords) -> list[int]:
    """The words among ``words`` that negate: the lexicon's negations outside its idioms."""
    if tables.negations is None or not len(words):
        return []
    idioms = side.derived.get(_negation_words)
    if idioms is None:  # the words of the side's idioms, found once
        idioms = side.derived[_negation_words] = {i for r in side.hits(tables.negation_idioms) for i in r}
    return [i for i in words if i not in idioms and tables.negations.fullmatch(side.words[i].text)]



def negation_flip(ls: Side, rs: Side, regions: Sequence[Region], tables: LabelWords) -> bool:
    """A local change adds or removes a negation ("will" -> "will not", "can" -> "cannot"). Idioms
    that only look negative ("not only", "without delay") do not count. Claims the negations, and
    the word a contraction stands for on the other side ("can" of "can" -> "cannot")."""
    flipped = False
    for reg in regions:
        if not reg.local:
            continue
        lwords, rwords = range(reg.i1, reg.i2), range(reg.j1, reg.j2)
        lneg = _negation_words(ls, lwords, tables)
        rneg = _negation_words(rs, rwords, tables)
        if len(lneg) == len(rneg):
            continue
        flipped = True
        for side, neg, other, other_words in ((ls, lneg, rs, rwords), (rs, rneg, ls, lwords)):
            side.consumed.update(neg)
            for i in neg:
                base = contraction_base(side.words[i].key)
                match = next((j for j in other_words if other.words[j].key == base and j not in other.consumed), None)
                if match is not None:
                    other.consumed.add(match)
    return flipped


# Determiners, auxiliaries and adverbs do not change who speaks ("The Ministers" / "the Ministers
# also", "We" / "We have"); nor does a count ("The four Ministers"): that is a number-change.
_NOT_ACTOR = frozenset(
    "the both all each also further jointly together have has had are is was were will would shall "
    "can could may might must should do does did".split()
)
# Third-person pronouns refer back to an actor named before; only "we" / "I" speak for themselves.
_ANAPHORA = frozenset({("they",), ("he",), ("she",), ("it",)})
# Determiners that may open a subject ("These initial efforts", "The TTC"): capitalised as its first
# word, they do not make the subject a proper name. Not the annotator's list of determiners, which
# finds where a subject starts: that one also holds "a", "an", "any" and possessives, and changing
# this one would change which subjects count as actors.
_SUBJECT_OPENING_DETERMINERS = frozenset("the this these that those our their its both all each such".split())


def _actor_key(actor: str, tables: LabelWords) -> tuple[str, ...]:
    return tuple(w.key for w in classifier_words(actor) if w.key not in _NOT_ACTOR and not _is_number(w.text, tables))


def _is_agent(actor: str, tables: LabelWords, agents: frozenset[str]) -> bool:
    """Does the subject name someone who can speak: a pronoun or role noun of the lexicon's
    ``actor_words`` ("We", "the Ministers"), or a proper name ("Japan", "The TTC")? "These initial
    efforts" is a grammatical subject, not an actor."""
    words = classifier_words(actor)
    if any(w.key in agents for w in words):
        return True
    for k, w in enumerate(words):
        if w.text[:1].isupper() and not (k == 0 and w.key in _SUBJECT_OPENING_DETERMINERS) and w.key not in _NOT_ACTOR:
            return True
    return False


def actor_change(ls: Side, rs: Side, edits: Sequence[Edit], left: Sequence[Clause],
                 right: Sequence[Clause], tables: LabelWords) -> bool:
    """The clause names another actor ("The two leaders" -> "We"). Only actors written in the
    clause itself count: an actor inherited from an earlier clause is not visible in the diff.
    Claims the actor's changed words."""
    la = next((c.actor for c in left if c.actor), "")
    ra = next((c.actor for c in right if c.actor), "")
    if not la or not ra or not _other_actor(la, ra, tables):
        return False
    lk, rk = ls.text.casefold().find(la.casefold()), rs.text.casefold().find(ra.casefold())
    if lk < 0 or rk < 0:
        return False
    lwords = [i for i in ls.span(lk, lk + len(la)) if edits[ls.edit_of[i]].op != "equal"]
    rwords = [i for i in rs.span(rk, rk + len(ra)) if edits[rs.edit_of[i]].op != "equal"]
    if not lwords and not rwords:
        return False
    ls.consumed.update(lwords)
    rs.consumed.update(rwords)
    return True


def _other_actor(la: str, ra: str, tables: LabelWords) -> bool:
    """Do the two subjects name two different actors, each someone who can speak?"""
    lkey, rkey = _actor_key(la, tables), _actor_key(ra, tables)
    if lkey in _ANAPHORA or rkey in _ANAPHORA:
        return False  # "They" -> "The Ministers": the same people, referred to, not another actor
    short, long = sorted((lkey, rkey), key=len)
    if any(long[k:k + len(short)] == short for k in range(len(long) - len(short) + 1)):
        return False  # the same actor, more or less fully named: "the leaders of Australia" / "Australia"
    return _is_agent(la, tables, tables.actor_words) and _is_agent(ra, tables, tables.actor_words)


def residual_kinds(ls: Side, rs: Side, edits: Sequence[Edit]) -> set[str]:
    """substitution / insertion / deletion from the substantive words no specific kind claimed.
    Words that differ only in case or hyphenation ("re-affirmed" -> "reaffirmed") are cosmetic."""
    kinds: set[str] = set()
    for k, e in enumerate(edits):
        if e.op == "equal":
            continue
        lkeys = [ls.words[i].key for i in ls.words_in(k) if i not in ls.consumed]
        rkeys = [rs.words[i].key for i in rs.words_in(k) if i not in rs.consumed]
        # Words both sides of one edit hold are kept words the diff grouped with a change ("[-We-]{+and
        # we+}" only inserts "and") or differ in case or hyphenation only: they are no substitution.
        shared = 0
        if not set(lkeys).isdisjoint(rkeys):
            sm = sequence_matcher(lkeys, rkeys)
            shared = sum(n for _, _, n in sm.get_matching_blocks())
        removed, added = len(lkeys) - shared, len(rkeys) - shared
        if removed and added:
            kinds.add("substitution")
        elif added:
            kinds.add("insertion")
        elif removed:
            kinds.add("deletion")
    return kinds

