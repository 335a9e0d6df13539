"""Key terms: the names, acronyms and compounds one document uses and the other never does.

Between two statements the names that come and go tell the story before any clause does: "Ukraine"
appears, "JCPOA" and "Iran" vanish, "de-risk" and "AUKUS Pillar II" are new. A key term is a phrase
of one to four words that starts and ends with a content word (inside it only "of", "and", "or" and
the like) and that the other document does not use in any form (compared word stem by word stem,
titles and headings included), and that is one of:

- a name: every content word capitalised wherever that tells (not at the start of a sentence, not
  in a line in title case (three in four of its content words capitalised), not a part of a longer
  name: "United" in "the United States"; not the last word of a longer name used alone only after
  "the": "the Call" after "the Paris Call"; not a point of the compass alone: "East");
- an acronym ("FIMI", "SSNs" is the plural of "SSN");
- a compound ("gender-based", "de-risk"); one made of words the other document uses only if three
  clauses use it; the compounds every statement uses ("long-term", "cross-border", "rules-based")
  never. Beside a name or an acronym of the same clauses, a compound is not listed: "Maritime Big
  Play" says what "ground-breaking" only describes.

At least one of its words must be new to the other document: not the same stem, not the same
compound written apart or together ("roll-out", "rollout"), not an acronym the other document spells
out ("IAEA", "International Atomic Energy Agency") or the reverse, not an acronym this document
defines by words the other uses side by side ("nuclear-powered submarines (SSNs)"), not a longer or shorter form of a
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
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace

from .clause_vectors import FUNCTION_WORDS
from .lexicon import Lexicon, default_lexicon
from .model import Clause, Document
from .term_words import (
    JOINERS,
    MOST_WORDS,
    TOKEN,
    TermWords,
    Vocabulary,
    acronym_meanings,
    chunks,
    name_initials,
    same_spelling,
    term_key,
    token_runs,
)

__all__ = ["KeyTerm", "key_terms", "MOST_WORDS"]


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


def _uses(clauses: Sequence[Clause], words: TermWords,
          fresh: Callable[[str], bool]) -> dict[tuple[str, ...], list[_Use]]:
    """Every candidate phrase of the clauses (content words at both ends, joiners inside, no
    commitment verb), by stems, that holds a word ``fresh`` says the other document may not use (a
    stem is fresh when any of its words is): only such a phrase can be a key term, and no phrase of
    the other document's words can hold one."""
    texts = [same_spelling(cl.text) for cl in clauses]
    # The words a phrase may hold are content words: a clause without a content word that may be
    # fresh makes no stem new, and one without a content word of a new stem holds no phrase.
    content = [[t for tokens in token_runs(text) for t in tokens if words.content(t)] for text in texts]
    runs = {k: list(_runs(clauses[k], texts[k], words)) for k, ws in enumerate(content) if any(map(fresh, ws))}
    new = {s for found in runs.values() for tokens, stems, _, usable in found
           for t, s, u in zip(tokens, stems, usable) if u and fresh(t)}
    if not new:
        return {}
    for k, ws in enumerate(content):
        if k not in runs and any(term_key(t) in new for t in ws):
            runs[k] = list(_runs(clauses[k], texts[k], words))
    out: dict[tuple[str, ...], list[_Use]] = {}
    for k in sorted(runs):
        for tokens, stems, chunk, usable in runs[k]:
            marks = [u and s in new for s, u in zip(stems, usable)]
            if not any(marks):
                continue
            for i in range(len(tokens)):
                if not usable[i]:
                    continue
                holds = False
                for j in range(i, min(i + MOST_WORDS, len(tokens))):
                    if not usable[j] and tokens[j].casefold() not in JOINERS:
                        break  # a word that joins nothing ends the run
                    if not usable[j]:
                        continue
                    holds = holds or marks[j]
                    if holds:
                        out.setdefault(tuple(stems[i:j + 1]), []).append(
                            _Use(tuple(tokens[i:j + 1]), k, chunk[i].start(), chunk[j].end()))
    return out


def _runs(cl: Clause, text: str, words: TermWords
          ) -> Iterator[tuple[list[str], list[str], list[re.Match[str]], list[bool]]]:
    """Each run of words of clause ``cl`` (``text``: its words spelled one way) between punctuation:
    (tokens, stems, matches, whether each token may be part of a term: a content word, not who
    speaks, not a commitment verb)."""
    verbs = words.verb_spans(text)
    at = text.find(same_spelling(cl.verb)) if cl.verb else -1
    if at >= 0:
        verbs.append((at, at + len(cl.verb)))  # the clause's own commitment verb
    actor = {w.casefold() for w in TOKEN.findall(same_spelling(cl.actor))}  # who speaks is no term
    for chunk in chunks(text):
        tokens = [m.group() for m in chunk]
        usable = [words.content(t) and t.casefold() not in actor for t in tokens]
        ends = [m.end() for m in chunk]
        for a, b in verbs:  # the tokens a verb overlaps
            k = bisect_right(ends, a)
            while k < len(chunk) and chunk[k].start() < b:
                usable[k] = False
                k += 1
        yield tokens, [term_key(t) for t in tokens], chunk, usable


def _capitalised(use: _Use, text: str, words: TermWords) -> bool | None:
    """Whether every content word of the phrase is capitalised where it is used; None where that
    tells nothing: a single word opening a sentence, a line in title case, a part of a longer name
    ("Comprehensive" in "Comprehensive Maritime Dialogue", "United" in "the United States", "Task
    Force" in "International Counter Ransomware Task Force")."""
    before = text[:use.start].rstrip()
    if len(use.tokens) == 1 and not use.tokens[0].isupper() \
            and (not before or before.endswith((".", ":", ";", "\u2022"))):
        return None
    if not (len(use.tokens) == 1 and use.tokens[0].isupper()) and _inside_name(use, text):
        return None
    if words.title_case(text):
        return None  # a heading or a title run into the clause
    return all(t[:1].isupper() for t in use.tokens if words.content(t))


# Capitalised words that join or open a sentence rather than continue a name ("The", "And", "Of").
_NAME_GLUE = FUNCTION_WORDS | JOINERS


def _neighbours(text: str, use: _Use) -> list[str]:
    """The words right before and right after the phrase, where only a space parts them from it, and
    past a "for" ("Paris Call for Trust and Security", "Framework for Responsible State"), or past an
    "and" that joins it to a name after "for" or "of" ("Security" in "Paris Call for Trust and
    Security")."""
    before = _CHAINED_BEFORE.search(text, max(0, use.start - _NEAR_CHAIN), use.start) \
        or _WORD_BEFORE.search(text, max(0, use.start - _NEAR), use.start)
    after = _WORD_AFTER.match(text, use.end)
    return [m.group(1) for m in (before, after) if m]


_NEAR = 200  # characters searched for the word before a phrase
_NEAR_CHAIN = 80  # and for "for" or "of", a name and "and" before it
_WORD_BEFORE = re.compile(r"(?<![^\s])(" + TOKEN.pattern + r")[ \t]+(?:for[ \t]+)?$")
_CHAINED_BEFORE = re.compile(r"\b(?:for|of)[ \t]+([A-Z][\w'-]*)[ \t]+and[ \t]+$")
_WORD_AFTER = re.compile(r"[ \t]+(?:for[ \t]+)?(" + TOKEN.pattern + r")(?![^\W_])")


def _named(uses: Sequence[_Use], texts: Sequence[str], words: TermWords) -> bool:
    """A name is capitalised wherever it tells: "Iran", "Taiwan Strait", not "Safe" in a heading. The
    last word of a longer name, used on its own only after "the", refers back to that name ("the
    Paris Call ... members that support the Call"), and a point of the compass alone ("the East and
    South China Seas") is part of a name: neither is a name of its own."""
    if len(uses[0].tokens) == 1:
        token = uses[0].tokens[0]
        if token.casefold() in _COMPASS:
            return False
        if all(_THE_BEFORE.search(texts[u.clause], max(0, u.start - 16), u.start) for u in uses) \
                and _ends_a_name(token, texts):
            return False
    seen = [c for c in (_capitalised(u, texts[u.clause], words) for u in uses) if c is not None]
    return bool(seen) and sum(seen) * 2 > len(seen)


def _inside_name(use: _Use, text: str) -> bool:
    """Whether a capitalised word right before or after the phrase continues a name with it."""
    return any(t[:1].isupper() and t.casefold() not in _NAME_GLUE for t in _neighbours(text, use))


def _ends_a_name(token: str, texts: Sequence[str]) -> bool:
    """Whether ``token`` follows a capitalised word somewhere in the texts ("Paris Call"), as
    :func:`_inside_name` reads the word before a phrase."""
    for text in texts:
        at = text.find(token)
        while at >= 0:
            end = at + len(token)
            if end == len(text) or not (text[end].isalnum() or text[end] in "_-"):
                before = _WORD_BEFORE.search(text, max(0, at - _NEAR), at)
                if before and before.group(1)[:1].isupper() and before.group(1).casefold() not in _NAME_GLUE:
                    return True
            at = text.find(token, at + 1)
    return False


_COMPASS = frozenset("north south east west northern southern eastern western central".split())
_THE_BEFORE = re.compile(r"\bthe\s+\Z", re.IGNORECASE)


def _one_side(doc: Document, other: Document, side: str, title_stems: set[str], words: TermWords,
              substantive: Callable[[Clause], bool]) -> list[tuple[tuple, KeyTerm]]:
    other_vocab = Vocabulary(other)
    texts = [same_spelling(cl.text) for cl in doc.clauses]
    meanings = acronym_meanings(texts)
    found: dict[tuple[str, ...], tuple[frozenset[int], list[_Use]]] = {}
    for stems, uses in _uses(doc.clauses, words, lambda t: not other_vocab.knows(t)).items():
        clauses = frozenset(u.clause for u in uses)
        if not any(substantive(doc.clauses[k]) for k in clauses):
            continue  # only in the meeting's narrative (where and when it met) or its courtesies
        if all(s in title_stems for s in stems):
            continue  # the meeting's own name or place
        if _new_term(stems, uses, clauses, texts, words, other_vocab, meanings):
            found[stems] = (clauses, uses)
    out = []
    for clauses, uses in _outermost(found).values():
        first = min(uses, key=lambda u: (u.clause, u.start))
        text = doc.clauses[first.clause].text  # as written: same_spelling keeps every offset
        numbers = tuple(doc.clauses[k].number for k in sorted(clauses))
        rank = (-len(clauses), first.clause, first.start)
        out.append((rank, KeyTerm((text[first.start:first.end],), side, numbers, _around(text, first.start, first.end))))
    return out


def _new_term(stems: tuple[str, ...], uses: list[_Use], clauses: frozenset[int], texts: Sequence[str],
              words: TermWords, other_vocab: Vocabulary, meanings: dict[str, tuple[str, ...]]) -> bool:
    """Is the phrase a term the other side does not use: not words it uses, nor an acronym of it
    spelled out, nor an acronym of words it uses (``meanings``: what this side's acronyms stand for),
    and a name, an acronym or a compound?"""
    tokens = uses[0].tokens
    if all(other_vocab.knows(t) for t in tokens if words.content(t)):
        return False  # words the other side uses, put together anew ("security and defense")
    meaning = meanings.get(stems[0]) if len(stems) == 1 else None
    if meaning and other_vocab.knows_phrase(meaning):
        return False  # a new short name for what the other side says: "nuclear-powered submarines (SSNs)"
    initials = name_initials(tokens)
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
    words = TermWords(lexicon or default_lexicon())
    title_stems = {term_key(m.group()) for d in (left, right) for m in TOKEN.finditer(same_spelling(d.title))}
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
    return [replace(t, phrases=_names_over_compounds(t.phrases)) for t in out]


def _names_over_compounds(phrases: tuple[str, ...]) -> tuple[str, ...]:
    """The phrases of one item without its lower-case compounds when it has a name or an acronym:
    "Maritime Big Play" says what "ground-breaking" and "un-crewed" only describe."""
    names = tuple(p for p in phrases if not (p.islower() and "-" in p))
    return names or phrases


#: Two terms whose clauses overlap this much (shared over all, Jaccard) are one item.
SAME_CLAUSES = 0.5
