"""Key terms: the names, acronyms and compounds one document uses and the other never does.

Between two statements the names that come and go tell the story before any clause does: "Ukraine"
appears, "JCPOA" and "Iran" vanish, "de-risk" and "AUKUS Pillar II" are new. A key term is a phrase
of one to four words that starts and ends with a content word (inside it only "of", "and", "or" and
the like) and that the other document does not use in any form (compared word stem by word stem,
titles and headings included), and that is one of:

- a name: every content word capitalised wherever that tells (not at the start of a sentence, not
  in a line in title case, not one word of a longer name);
- an acronym ("FIMI", "SSNs" is the plural of "SSN");
- a compound ("gender-based", "de-risk"); one made of words the other document uses ("long-term")
  only if three clauses use it.

At least one of its words must be new to the other document: not the same stem, not the same
compound written apart or together ("roll-out", "rollout"), not an acronym the other document spells
out ("IAEA", "International Atomic Energy Agency") or the reverse, not a longer or shorter form of a
word it uses ("Australian", "Australia"), not the other spelling ("Defence", "Defense"). Ordinary
words and phrases of them ("safe", "lasting peace", "work closely") are the language of every
statement, not its terms. A key term is used in at least one commitment clause (in the digest, one
that is not a courtesy): the narrative's places and times are not terms; nor are numbers, dates,
the words of the documents' titles (the meeting's place and name), who speaks (the clause's actor)
and the commitment verbs and stance words. A phrase found only inside a longer key term with the
same clauses gives way to it ("Hiroshima" to "Hiroshima AI Process"); a phrase inside a shorter key
term found in at least its clauses gives way to that one. The terms are ranked by how many clauses
use them, then by where they first occur; terms of (mostly) the same clauses are one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence, Set
from dataclasses import dataclass, replace
from functools import lru_cache

from .clause_vectors import _FUNCTION_WORDS, _stem
from .lexicon import Lexicon, default_lexicon
from .model import Clause, Document
from .phrase_patterns import spelling_key

__all__ = ["KeyTerm", "key_terms", "MOST_WORDS"]

#: The longest key term, in words.
MOST_WORDS = 4

_TOKEN = re.compile(r"[^\W_]+(?:[-'.]+[^\W_]+)*", re.UNICODE)  # "de-risking", "U.S-EU"
# Hyphens and apostrophes spelled one way, character for character (offsets stay those of the text).
_SAME = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2019": "'", "\u02bc": "'"})


def _same(text: str) -> str:
    return text.translate(_SAME)


# Punctuation a phrase does not run across.
_BREAK = re.compile(r"[,;:()\[\]{}\"!?\u2026]|\.(?:\s|$)|\s[-\u2013\u2014]\s")
# Words allowed inside a phrase between its content words ("force or coercion", "rule of law").
_JOINERS = frozenset("of and or the for in on to with".split())
_PLAIN = _FUNCTION_WORDS | frozenset(
    "not no nor us you he she i my your has have had do does did done which who whom whose what when where "
    "while how there here so if then only very just well new also continue continues continued continuing one "
    "include includes included make makes made take takes taken way ways area areas "
    # nouns every statement uses around what it is about ("part of", "the importance of")
    "part parts ability abilities role importance need needs basis level levels kind means range end aim view "
    "light regard respect order terms step steps effort efforts issue issues matter matters field fields "
    "context time times year years today date number".split())


@dataclass(frozen=True, slots=True)
class KeyTerm:
    """A phrase that only one side uses (:attr:`phrases`): ``side`` "right" if it appears in the later document,
    "left" if it vanishes from the earlier one; ``numbers`` are the clauses that use it."""

    phrases: tuple[str, ...]  # the term, and any other the same clauses use ("JCPOA", "Iran")
    side: str
    numbers: tuple[str, ...]
    context: str  # the words around its first use


@dataclass(frozen=True, slots=True)
class _Use:
    tokens: tuple[str, ...]  # as written
    clause: int
    start: int  # character offsets in the clause's folded text
    end: int


@lru_cache(maxsize=1 << 16)
def _key(token: str) -> str:
    if len(token) > 2 and token.endswith("s") and token[:-1].isupper():
        token = token[:-1]  # "SSNs" is the plural of "SSN"
    word = token.casefold()
    if word.endswith("'s"):
        word = word[:-2]
    # "de-risking" and "derisking", "U.S.-EU" and "US-EU" are one word; British and American
    # spellings one word ("defence", "labour", "centre", "organise")
    return "".join(_stem(spelling_key(_BRITISH.sub(_american, part))) for part in re.split(r"[-.]+", word) if part)


_BRITISH = re.compile(r"(?<=\w\w)(?:ence|our|tre)(?=s?$)")


def _american(m: re.Match[str]) -> str:
    return {"ence": "ense", "our": "or", "tre": "ter"}[m.group()] if m.string[:m.start()] not in _NOT_BRITISH else m.group()


# words that end so in both spellings ("science", "four", "detour" are not "scienses", "for", "detor")
_NOT_BRITISH = frozenset("sci experi audi sil evid refer influ confer pres exist sequ consequ defer sent "
                         "conveni independ intellig differ occurr coher compet dep viol subsist sci consci "
                         "pati prud abs ess f y h det contour flav flour".split())


class _Words:
    """Which words can be part of a term: not function words, numbers or dates (the lexicon's number
    words, months included), nor the words every statement uses to say who commits to what (the
    lexicon's verbs, stance words and actors)."""

    def __init__(self, lexicon: Lexicon) -> None:
        plain = set(_PLAIN)
        for key in ("actor_words", "number_words"):
            plain.update(w.casefold() for w in lexicon.section(key, []))
        for words in lexicon.section("stance_words", {}).values():
            plain.update(w.casefold() for w in words)
        self.plain = frozenset(plain)
        self.lexicon = lexicon
        self._content: dict[str, bool] = {}
        self._title: dict[str, bool] = {}

    def content(self, token: str) -> bool:
        known = self._content.get(token)
        if known is None:
            known = self._content[token] = self._is_content(token)
        return known

    def _is_content(self, token: str) -> bool:
        word = token.casefold()
        if word in self.plain or any(ch.isdigit() for ch in word) and not ("-" in word and sum(
                ch.isalpha() for ch in word) >= 2):
            return False  # a number or a date, but not a name with one ("COVID-19", "SSN-AUKUS")
        if _key(token) in self.plain:
            return False  # "U.S" is "us" to the key
        if "-" in word and all(part in self.plain or part.isdigit() for part in word.split("-") if part):
            return False  # "one-year", "follow-up"
        return len(word) >= 3 or (token.isupper() and len(token) >= 2)

    def title_case(self, text: str) -> bool:
        """Whether most content words of ``text`` are capitalised (a heading or a title)."""
        known = self._title.get(text)
        if known is None:
            content = [t for t in _TOKEN.findall(text) if self.content(t)]
            known = self._title[text] = bool(content) and sum(t[:1].isupper() for t in content) * 2 > len(content)
        return known

    def verb_spans(self, text: str) -> list[tuple[int, int]]:
        return [(h.start, h.end) for h in self.lexicon.verbs(text)]


def _chunks(text: str) -> Iterable[list[re.Match[str]]]:
    """The runs of words between punctuation, as regex matches on ``text``."""
    start = 0
    for m in _BREAK.finditer(text + " "):
        yield list(_TOKEN.finditer(text, start, min(m.start(), len(text))))
        start = m.end()
    if start < len(text):
        yield list(_TOKEN.finditer(text, start))


def _grams(stems: Sequence[str], most: int = MOST_WORDS) -> set[tuple[str, ...]]:
    return {tuple(stems[i:i + n]) for n in range(1, most + 1) for i in range(len(stems) - n + 1)}


_JOINER_INITIALS = frozenset("of and the for on in to".split())
_PARTS = re.compile(r"[-.']+")


class _Vocabulary:
    """What a document says, to tell what the other one says anew: every stem sequence of up to
    :data:`MOST_WORDS` words; every word's stem, each part of a compound ("de", "risk" in
    "de-risking") and each two words run together ("rollout" for "roll out"); the initials of its
    runs of words ("IAEA" for "International Atomic Energy Agency"), titles and headings included."""

    def __init__(self, doc: Document) -> None:
        self.grams: set[tuple[str, ...]] = set()
        self.words: set[str] = set()
        self.initials: set[str] = set()
        self.acronyms: set[str] = set()
        runs: list[str] = []
        for text in _texts(doc):
            for chunk in _chunks(text):
                self._add(chunk, runs)
        self._runs = "\n".join(runs)
        self._sorted = sorted(w for w in self.words if len(w) >= 5)
        self._known: dict[str, bool] = {}

    def _add(self, chunk: Sequence[re.Match[str]], runs: list[str]) -> None:
        """Take in one run of words; its initials go to ``runs`` (or, rarely, to :attr:`initials`)."""
        tokens = [m.group() for m in chunk]
        stems = [_key(t) for t in tokens]
        self.grams.update(_grams(stems))
        self.words.update(stems)
        self.words.update(_key(p) for t in tokens if _PARTS.search(t) for p in _PARTS.split(t) if p)
        self.words.update(a + b for a, b in zip(stems, stems[1:]))
        letters = [t[0].upper() for t in tokens if t.casefold() not in _JOINER_INITIALS]
        if all(len(x) == 1 for x in letters):
            runs.append("".join(letters))  # searched as text by has_initials
        else:  # an initial that upper-cases to two letters ("ß"): its runs one by one
            self.initials.update("".join(letters[i:i + n]) for n in range(2, 7)
                                 for i in range(len(letters) - n + 1))
        self.acronyms.update(a for a in (t.rstrip("s").replace(".", "") for t in tokens if len(t) > 1)
                             if a.isupper())

    def has_initials(self, acronym: str) -> bool:
        """Whether 2 to 6 consecutive words of one run start with these letters."""
        return acronym in self.initials or (2 <= len(acronym) <= 6 and "\n" not in acronym
                                            and acronym in self._runs)

    def knows(self, token: str) -> bool:
        """Whether the document uses ``token`` in some form: the same stem, the same compound written
        apart or together, an acronym spelled out or a plural of it ("SSNs"), a longer or shorter
        form of the word ("Australian", "Australia")."""
        known = self._known.get(token)
        if known is None:
            known = self._known[token] = self._knows(token)
        return known

    def _knows(self, token: str) -> bool:
        if token.isupper() or token[:-1].isupper() and token.endswith("s"):
            acronym = token.rstrip("s").replace(".", "").replace("-", "")
            if self.has_initials(acronym) or _key(acronym) in self.words:
                return True
        key = _key(token)
        if key in self.words:
            return True
        if len(key) < 5:
            return False
        # a word it uses that starts with this one, or that this one starts with, up to 3 letters apart
        at = bisect_left(self._sorted, key)
        while at < len(self._sorted) and self._sorted[at].startswith(key):
            if len(self._sorted[at]) - len(key) <= 3:
                return True
            at += 1
        return any(key[:n] in self.words for n in range(max(5, len(key) - 3), len(key)))


def _initials(tokens: Sequence[str]) -> str:
    """"IAEA" for "International Atomic Energy Agency": the initials of a name of two words or more
    ("" for anything else)."""
    content = [t for t in tokens if t.casefold() not in _JOINER_INITIALS]
    if len(content) < 2 or not all(t[:1].isupper() for t in content):
        return ""
    return "".join(t[0] for t in content)


def _texts(doc: Document) -> list[str]:
    sections = dict.fromkeys(cl.section for cl in doc.clauses if cl.section)
    return [_same(t) for t in (doc.title, *sections, *(cl.text for cl in doc.clauses))]


def _uses(clauses: Sequence[Clause], words: _Words,
          known: Set[tuple[str, ...]] = frozenset()) -> dict[tuple[str, ...], list[_Use]]:
    """Every candidate phrase of the clauses (content words at both ends, joiners inside, no
    commitment verb), by stems, but for the stem sequences in ``known``."""
    out: dict[tuple[str, ...], list[_Use]] = {}
    for index, cl in enumerate(clauses):
        text = _same(cl.text)
        verbs = words.verb_spans(text)
        at = text.find(_same(cl.verb)) if cl.verb else -1
        if at >= 0:
            verbs.append((at, at + len(cl.verb)))  # the clause's own commitment verb
        actor = {w.casefold() for w in _TOKEN.findall(_same(cl.actor))}  # who speaks is no term
        for chunk in _chunks(text):
            tokens = [m.group() for m in chunk]
            stems = [_key(t) for t in tokens]
            usable = [words.content(t) and t.casefold() not in actor
                      and not any(a < m.end() and m.start() < b for a, b in verbs)
                      for t, m in zip(tokens, chunk)]
            for i in range(len(tokens)):
                if not usable[i]:
                    continue
                for n in range(1, MOST_WORDS + 1):
                    k = i + n - 1
                    if k >= len(tokens) or (not usable[k] and tokens[k].casefold() not in _JOINERS):
                        break  # a word that joins nothing ends the run
                    if not usable[k]:
                        continue
                    key = tuple(stems[i:k + 1])
                    if key not in known:
                        out.setdefault(key, []).append(_Use(tuple(tokens[i:k + 1]), index, chunk[i].start(),
                                                            chunk[k].end()))
    return out


def _capitalised(use: _Use, text: str, words: _Words) -> bool | None:
    """Whether every content word of the phrase is capitalised where it is used; None where that
    tells nothing: a single word opening a sentence, a line in title case."""
    before = text[:use.start].rstrip()
    if len(use.tokens) == 1 and not use.tokens[0].isupper():
        if not before or before.endswith((".", ":", ";", "\u2022")):
            return None
        near = (_TOKEN.findall(before)[-1:] or [""])[0], (_TOKEN.findall(text[use.end:])[:1] or [""])[0]
        if any(t[:1].isupper() and words.content(t) for t in near):
            return None  # one word of a longer name ("Comprehensive" in "Comprehensive Maritime Dialogue")
    if words.title_case(text):
        return None  # a heading or a title run into the clause
    return all(t[:1].isupper() for t in use.tokens if words.content(t))


def _named(uses: Sequence[_Use], texts: Sequence[str], words: _Words) -> bool:
    """A name is capitalised wherever it tells: "Iran", "Taiwan Strait", not "Safe" in a heading."""
    seen = [c for c in (_capitalised(u, texts[u.clause], words) for u in uses) if c is not None]
    return bool(seen) and sum(seen) * 2 > len(seen)


def _one_side(doc: Document, other: Document, side: str, title_stems: set[str], words: _Words,
              substantive: Callable[[Clause], bool]) -> list[tuple[tuple, KeyTerm]]:
    other_vocab = _Vocabulary(other)
    texts = [_same(cl.text) for cl in doc.clauses]
    found: dict[tuple[str, ...], tuple[frozenset[int], list[_Use]]] = {}
    for stems, uses in _uses(doc.clauses, words, other_vocab.grams).items():
        clauses = frozenset(u.clause for u in uses)
        if not any(substantive(doc.clauses[k]) for k in clauses):
            continue  # only in the meeting's narrative (where and when it met) or its courtesies
        if all(s in title_stems for s in stems):
            continue  # the meeting's own name or place
        if _new_term(stems, uses, clauses, texts, words, other_vocab):
            found[stems] = (clauses, uses)
    out = []
    for clauses, uses in _outermost(found).values():
        first = min(uses, key=lambda u: (u.clause, u.start))
        text = texts[first.clause]
        numbers = tuple(doc.clauses[k].number for k in sorted(clauses))
        rank = (-len(clauses), first.clause, first.start)
        out.append((rank, KeyTerm((text[first.start:first.end],), side, numbers, _around(text, first.start, first.end))))
    return out


def _new_term(stems: tuple[str, ...], uses: list[_Use], clauses: frozenset[int], texts: Sequence[str],
              words: _Words, other_vocab: _Vocabulary) -> bool:
    """Is the phrase a term the other side does not use: not words it uses, nor an acronym of it
    spelled out, and a name, an acronym or a compound?"""
    tokens = uses[0].tokens
    if all(other_vocab.knows(t) for t in tokens if words.content(t)):
        return False  # words the other side uses, put together anew ("security and defense")
    initials = _initials(tokens)
    if initials and initials in other_vocab.acronyms:
        return False  # spelled out where the other side uses its acronym
    # a name, an acronym or a compound: ordinary words ("safe") and phrases of them ("lasting
    # peace", "work closely") are the language of every statement, not its terms; a compound
    # of words the other side uses ("long-term") is one only if three clauses use it
    named = _named(uses, texts, words)
    marked = named or len(stems) == 1 and any(t.isupper() and len(t) > 1 or "-" in t for u in uses for t in u.tokens)
    known_compound = (not named and len(tokens) == 1 and "-" in tokens[0] and not tokens[0].isupper()
                      and len(clauses) < 3 and all(other_vocab.knows(p) for p in tokens[0].split("-") if p))
    return marked and not known_compound


def _outermost(found: dict[tuple[str, ...], tuple[frozenset[int], list[_Use]]]
               ) -> dict[tuple[str, ...], tuple[frozenset[int], list[_Use]]]:
    """The phrases found, without those that give way to a longer or shorter key term."""
    kept: dict[tuple[str, ...], tuple[frozenset[int], list[_Use]]] = {}
    # A phrase only ever used inside a longer key term with the same clauses gives way to it.
    for stems in sorted(found, key=len, reverse=True):
        clauses = found[stems][0]
        if any(len(longer) > len(stems) and _inside(stems, longer) and kept[longer][0] == clauses for longer in kept):
            continue
        kept[stems] = found[stems]
    # A phrase inside a shorter key term found in at least its clauses gives way to that one.
    return {s: v for s, v in kept.items()
            if not any(len(t) < len(s) and _inside(t, s) and kept[t][0] >= v[0] for t in kept)}


def _inside(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    n = len(short)
    return any(long[i:i + n] == short for i in range(len(long) - n + 1))


_AROUND = 6  # words of context on each side


def _around(text: str, start: int, end: int) -> str:
    """The phrase at ``text[start:end]`` with up to :data:`_AROUND` words on each side, as written."""
    before = [m.start() for m in re.finditer(r"\S+", text[:start])]
    after = [m.end() for m in re.finditer(r"\S+", text[end:])]
    lo = before[-_AROUND] if len(before) >= _AROUND else 0
    hi = end + after[_AROUND - 1] if len(after) >= _AROUND else len(text)
    out = " ".join(text[lo:hi].split())
    return ("\u2026" if lo > 0 else "") + out + ("\u2026" if hi < len(text) else "")


def key_terms(left: Document, right: Document, *, lexicon: Lexicon | None = None,
              substantive: Callable[[Clause], bool] | None = None) -> list[KeyTerm]:
    """The key terms of the two documents (see the module's documentation), best first: the terms
    that appear in ``right`` and those that vanish from ``left``, interleaved by rank. A term must be
    used in a clause that ``substantive`` accepts (default: a commitment clause)."""
    substantive = substantive or (lambda cl: cl.kind == "commitment")
    words = _Words(lexicon or default_lexicon())
    title_stems = {_key(m.group()) for d in (left, right) for m in _TOKEN.finditer(_same(d.title))}
    ranked = (_one_side(right, left, "right", title_stems, words, substantive)
              + _one_side(left, right, "left", title_stems, words, substantive))
    ranked.sort(key=lambda r: r[0][0])  # by clauses using them, the later document's first
    out: list[KeyTerm] = []
    for _, term in ranked:  # terms of (mostly) the same clauses are one item: "JCPOA" and "Iran"
        mine = set(term.numbers)
        k = next((k for k, t in enumerate(out) if t.side == term.side
                  and len(mine & set(t.numbers)) >= SAME_CLAUSES * len(mine | set(t.numbers))), None)
        if k is None:
            out.append(term)
        else:
            numbers = tuple(dict.fromkeys(out[k].numbers + term.numbers))
            out[k] = replace(out[k], phrases=out[k].phrases + term.phrases, numbers=numbers)
    return out


#: Two terms whose clauses overlap this much (shared over all, Jaccard) are one item.
SAME_CLAUSES = 0.5
