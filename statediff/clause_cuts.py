"""Sentence -> commitment clauses: where a sentence is cut because a second commitment starts.

:func:`split_clauses` cuts a sentence where a second commitment starts ("..., and shared the view
to ...", ", while France appreciated ..."); :mod:`statediff.annotator` then annotates each clause.
The segmenter calls it for every sentence it finds.
"""

from __future__ import annotations

import re

from .grammar import is_simple_np, last_words, noun_phrase, verb_hits, words
from .lexicon import Lexicon, VerbHit
from .textkit import CONJUNCTIONS, DETERMINERS, PREPOSITIONS, mostly_cjk, open_depth, trim

__all__ = ["split_clauses"]

_CLAUSE_CUT = re.compile(r"(?:;\s+(?:and\s+)?|,?\s+(?:and|while|whereas|but)\s+(?:also\s+|further\s+)?)",
                         re.IGNORECASE)
_CJK_COMMA = "\u3001\uff0c"


def _is_strong(hit: VerbHit) -> bool:
    """A verb form that cannot be a noun or an infinitive after "and": multi-word, past tense, a
    third-person "-s" form, or "will"/"shall" ("development and support for" stays whole)."""
    word = hit.text.split()[0].lower()
    return " " in hit.text.strip() or word.endswith(("ed", "es")) or word in ("will", "shall") \
        or (word.endswith("s") and not word.endswith("ss"))


def split_clauses(text: str, a: int, b: int, lexicon: Lexicon) -> list[tuple[int, int]]:
    """Cut the sentence text[a:b] where a second commitment starts.

    Two shapes are cut: a conjunction right before a commitment verb ("..., and shared the view to
    ..."; the clause keeps the actor of the one before it), and a conjunction before a new actor and
    its verb (", while France appreciated ...", "... and the Government of Japan firmly condemns
    ..."). A cut needs four words before it and three after (a verb and its object), a verb before
    it, and no open quotation or parenthesis; a new actor without a comma before it must not stand
    inside a "that" clause.
    Japanese sentences are cut after 、 where a commitment verb ends the clause.
    """
    sentence = text[a:b]
    hits = verb_hits(sentence, lexicon)
    framed = _framed_cuts(sentence)
    if len(hits) < 2:
        return _cut(text, a, sentence, framed) if framed else [(a, b)]
    if mostly_cjk(sentence):
        return _cut(text, a, sentence, _cjk_cuts(sentence, hits))
    cuts: list[int] = []
    first_verb = hits[0].start
    for hit in hits[1:]:
        at = _cut_before(sentence, hit, cuts[-1] if cuts else 0, first_verb)
        if at is not None:
            cuts.append(at)
    return _cut(text, a, sentence, sorted(set(cuts) | set(framed)))


def _cjk_cuts(sentence: str, hits: list[VerbHit]) -> list[int]:
    """Japanese: after 、 where a commitment verb ends the clause (not at the very start or end)."""
    return [h.end + 1 for h in hits[:-1] if h.end < len(sentence) and sentence[h.end] in _CJK_COMMA
            and h.start >= 2 and len(sentence) - h.end > 4]


def _cut_before(sentence: str, hit: VerbHit, start: int, first_verb: int) -> int | None:
    """Where to cut ``sentence`` before the verb ``hit`` (the clause so far starting at ``start``), or
    None when the conjunction before it does not open a clause of its own."""
    if not _opens_clause(sentence, hit, start):
        return None
    head = sentence[start:hit.start]
    m = None
    for m in _CLAUSE_CUT.finditer(head):  # noqa: B007 - the last match is the one wanted
        pass
    if m is None or start + m.start() <= first_verb:
        return None
    if head[m.end():].strip() and not _new_actor_cut(head, m, hit):
        return None
    cut_at = start + m.start()
    if ";" not in m.group(0) and open_depth(sentence[:cut_at]) > 0:
        return None
    left_words = len(sentence[start:cut_at].split())
    right_words = len(sentence[start + m.end():].split())
    if left_words >= 4 and right_words >= 3:
        return cut_at + (1 if sentence[cut_at] in ",;" else 0)
    return None


def _opens_clause(sentence: str, hit: VerbHit, start: int) -> bool:
    """Whether ``hit`` is a verb that may start a clause: a strong form, after a pronoun (", and we
    commit to ..." is a clause whatever the verb's form), or a bare form followed by its object ("and
    emphasize our shared view" is a verb; "development and support for" a noun)."""
    pronoun = last_words(sentence[start:hit.start], 1) in (["we"], ["they"], ["he"], ["she"])
    nxt = sentence[hit.end:].split()[:1]
    governs = bool(nxt) and nxt[0].lower() in DETERMINERS | {"that"}
    return _is_strong(hit) or pronoun or governs


def _new_actor_cut(head: str, m: re.Match[str], hit: VerbHit) -> bool:
    """Whether the words between the conjunction ``m`` and the verb ``hit`` are a new actor that opens
    a clause: a short subject, then at most adverbs, then a finite verb."""
    between = words(head[m.end():])
    np = noun_phrase(between)
    if not np or hit.text.lower().split()[0] in ("will", "shall") or len(between) > 8:
        return False
    before_conj = re.split(r"[,;]", head[:m.start()])[-1]
    if "," in head[:m.start()] and is_simple_np(before_conj.strip()):
        return False  # "..., the United Kingdom, and the United States recognize": one subject
    if "," not in m.group(0) and ";" not in m.group(0):
        # Without a comma, "Japan and France share ..." is one subject and "agreed that X
        # and the EU will ..." one complement: cut only before a determined subject, after
        # a lower-case word, outside a "that" clause.
        prev = last_words(head[:m.start()], 1)
        if re.search(r"\bthat\b", head[:m.start()]) or not prev or not prev[-1][:1].islower() \
                or between[0].lower() not in DETERMINERS:
            return False
    return True


# ", and, in August 2024, Australian personnel demonstrated ...": a conjunction set off by commas and
# followed by a fronted adverbial and a subject opens an independent clause, whatever its verb.
_FRAMED = re.compile(r",\s+(?:and|but)\s*,\s+[^,;]{2,60},\s+")


def _framed_cuts(sentence: str) -> list[int]:
    cuts = []
    for m in _FRAMED.finditer(sentence):
        ws = words(sentence[m.end():])[:8]
        # a subject, then a lower-case word (its verb)
        for k in range(1, len(ws)):
            if ws[k][:1].islower() and ws[k].lower() not in CONJUNCTIONS | PREPOSITIONS | DETERMINERS:
                if noun_phrase(ws[:k]).lower() == " ".join(ws[:k]).lower() \
                        and len(sentence[:m.start()].split()) >= 4:
                    cuts.append(m.start() + 1)
                break
    return cuts


def _cut(text: str, a: int, sentence: str, cuts: list[int]) -> list[tuple[int, int]]:
    bounds = [0, *cuts, len(sentence)]
    out = []
    for s, e in zip(bounds, bounds[1:]):
        s2, e2 = trim(text, a + s, a + e)
        if e2 > s2:
            out.append((s2, e2))
    return out
