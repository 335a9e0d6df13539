"""The small English grammar that clause cutting and annotation share: words, verbs, subjects.

:func:`verb_hits` finds the lexicon's commitment verbs that are used as verbs (not as adjectives
after a determiner or nouns after a preposition); :func:`noun_phrase` finds the subject at the end of
the words before a verb; :func:`is_simple_np` tells a short name ("the United Kingdom") that may be a
member of an enumeration of actors. :mod:`statediff.clause_cuts` cuts sentences with them, and
:mod:`statediff.annotator` names each clause's actor with them.
"""

from __future__ import annotations

from .lexicon import Lexicon, VerbHit
from .textkit import BE_FORMS, CONJUNCTIONS, DETERMINERS, HAS_LETTER, MONTHS, PREPOSITIONS, PRONOUNS

__all__ = ["ADVERBS", "STOP_IN_SUBJECT", "TIME_WORDS", "is_simple_np", "last_words", "noun_phrase", "strip_tail",
           "verb_hits", "words"]

# Words that may stand between a subject and its verb ("The four Ministers also strongly ...").
ADVERBS = {"also", "further", "furthermore", "then", "jointly", "again", "each", "firmly", "strongly", "fully",
           "highly", "deeply", "therefore", "today", "thus", "now", "once", "together", "collectively", "both",
           "all", "hereby", "duly", "repeatedly", "unanimously", "warmly", "particularly", "especially",
           "still", "already", "likewise", "similarly", "equally", "greatly", "sincerely", "seriously",
           "gravely", "steadfastly", "resolutely", "continue", "continued", "continues", "to", "not", "never",
           "have", "has", "had", "will", "would", "shall", "should", "may", "might", "can", "could", "must",
           "do", "does", "did", *BE_FORMS}
# Words after which a noun phrase starts afresh ("Two years ago our nations pledged").
TIME_WORDS = {"ago", "today", "now", "then", "tonight", "yesterday", "tomorrow", "together", "also", "so",
              "thus", "hence", "therefore", "finally", "first", "second", "third", "lastly", "meanwhile",
              "moreover", "furthermore", "additionally", "specifically", "accordingly"}
STOP_IN_SUBJECT = TIME_WORDS | BE_FORMS | {"have", "has", "had", "will", "would", "shall", "should", "may",
                                            "might", "can", "could", "must", "do", "does", "did", "that", "which",
                                            "who", "whom", "whose", "where", "when", "if", "because", "while",
                                            "not", "no", "than", "as"}
_NUMBER_WORDS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "many",
                 "most", "some"}
# Prepositions that, before a day or a month, close a subject with a date ("... on 10 March 2023").
_DATED = ("on", "in", "at", "during", "since")


_WRAPPING = "\"'\u201c\u201d\u2018\u2019()"  # quotes and brackets a word is read without


def words(text: str) -> list[str]:
    """The words of ``text`` split at white space, quotes and brackets stripped from their ends."""
    return [w.strip(_WRAPPING) for w in text.split()]


def last_words(text: str, n: int) -> list[str]:
    """The last ``n`` of :func:`words` of ``text`` (fewer if it has fewer), found from its end: the
    text before a verb grows with the sentence, the words looked at do not."""
    return [w.strip(_WRAPPING) for w in text.rsplit(None, n)[-n:]]


def verb_hits(text: str, lexicon: Lexicon) -> list[VerbHit]:
    """Commitment verbs in ``text`` used as verbs: "the expected strengthening", "an agreed
    framework" and "the concerned parties" are adjectives after a determiner and do not count."""
    out = []
    for h in lexicon.verbs(text):
        before = last_words(text[:h.start], 1)
        single = " " not in h.text.strip()
        if before and single and (before[-1].lower() in DETERMINERS
                                  or (before[-1].lower() in PREPOSITIONS and before[-1].lower() != "to")):
            continue  # "of note", "for review": a noun after a preposition
        after = text[h.end:].split(None, 1)[:1]
        if single and h.text.lower().endswith("ed") and after and after[0].lower() in ("by", "under", "at", "during") \
                and before and before[-1][:1].islower() and before[-1].lower() not in PRONOUNS:
            continue  # "workstreams established under the TTC": a participle after its noun
        out.append(h)
    return out


def strip_tail(words: list[str]) -> list[str]:
    """``words`` without the adverbs and auxiliaries at their end ("The four Ministers also")."""
    while words and words[-1].lower() in ADVERBS:
        words = words[:-1]
    return words


def noun_phrase(words: list[str]) -> str:
    """The subject at the end of ``words`` (the words right before a verb), or "".

    The longest run that could be a subject: it starts with a determiner, a pronoun, a number word or
    a capitalised word, right after the start or after a time word ("Two years ago our nations"), and
    holds no finite verb, relative word or time word ("The steps we are announcing" -> "The steps").
    """
    words = _before_relative(strip_tail(words))
    if not words:
        return ""
    if words[-1].lower() in PRONOUNS:
        return words[-1][:1].upper() + words[-1][1:].lower()
    for i in range(len(words)):
        if _may_open_subject(words, i):
            phrase = _subject_from(words[i:])
            if phrase:
                return phrase
    return ""


def _before_relative(words: list[str]) -> list[str]:
    """A pronoun after a noun opens a relative clause ("The endeavor we launch", "The steps we"): the
    words before it, adverbs stripped; ``words`` unchanged when there is no such pronoun."""
    for i, w in enumerate(words):
        if w.lower() in PRONOUNS and i > 0 and words[i - 1].lower() not in TIME_WORDS \
                and words[i - 1].lower() not in PREPOSITIONS and words[i - 1].lower() not in CONJUNCTIONS:
            return strip_tail(words[:i])
    return words


def _may_open_subject(words: list[str], i: int) -> bool:
    """Whether a subject may start at ``words[i]``: a capitalised word, a determiner or a number word,
    at the start or after a time word; not "And ...", "Consequently ...", "Moving forward ..."."""
    w = words[i]
    lw = w.lower()
    if not w or lw in PREPOSITIONS or lw in STOP_IN_SUBJECT:
        return False
    if i > 0 and not _opens_subject(words[i - 1], w):
        return False
    sentence_adverb = lw.endswith("ly") and not (i + 1 < len(words) and words[i + 1][:1].islower()
                                                 and words[i + 1].lower() not in DETERMINERS)
    if not (w[:1].isupper() or lw in DETERMINERS or lw in _NUMBER_WORDS) or lw in CONJUNCTIONS \
            or sentence_adverb or (lw.endswith("ing") and i == 0 and w[:1].isupper() and len(words) > 1
                                   and words[1][:1].islower() and not words[1].endswith("s")):
        return False
    # A pronoun takes no modifiers: "We call for ... and" is a clause, not a subject.
    return not (lw in PRONOUNS and len(words) - i > 1)


def _subject_from(rest: list[str]) -> str:
    """``rest`` (up to a date) as a subject, capitalised, or "" when it cannot be one."""
    rest = _undated(rest)
    if len(rest) > 14 or any(r.lower() in STOP_IN_SUBJECT or r.lower() in PRONOUNS for r in rest[1:]):
        return ""
    if rest[-1].lower() in DETERMINERS or rest[-1].lower() in PREPOSITIONS or rest[-1].lower() in CONJUNCTIONS:
        return ""
    if any(r[:1].islower() and r.lower().endswith("ed") and rest[k].lower() not in DETERMINERS | _NUMBER_WORDS
           for k, r in enumerate(rest[1:])):
        return ""  # "Having gathered virtually on ..." holds a verb ("the dedicated track" an adjective)
    phrase = " ".join(rest)
    if not HAS_LETTER.search(phrase):
        return ""
    return phrase[:1].upper() + phrase[1:]


def _undated(rest: list[str]) -> list[str]:
    """A dated phrase ends the subject: "the European Union and United States on 10 March 2023"."""
    for j in range(1, len(rest) - 1):
        if rest[j].lower() in _DATED and (rest[j + 1][:1].isdigit() or rest[j + 1] in MONTHS):
            return rest[:j]
    return rest


def _opens_subject(prev: str, word: str) -> bool:
    """Whether a subject may start at ``word`` after ``prev`` inside a lead-in without a comma:
    after a time word ("Two years ago our nations"), a year or a month ("In April 2024 our Defense
    Ministers"), or a sentence adverb ("Finally the ministers")."""
    lp = prev.lower().strip(",")
    return lp in TIME_WORDS or (lp.isdigit() and len(lp) == 4) or prev in MONTHS \
        or (lp.endswith("ly") and (word[:1].isupper() or word.lower() in DETERMINERS))


def is_simple_np(segment: str) -> bool:
    """A short name or noun phrase such as "Australia" or "the United Kingdom" (an enumeration member)."""
    ws = words(segment)
    if not ws or segment.endswith(".") or not (ws[0][:1].isupper() or ws[0].lower() == "the"):
        return False
    return len(ws) <= 6 and ws[0].lower() not in PREPOSITIONS and noun_phrase(ws) == \
        " ".join(ws)[:1].upper() + " ".join(ws)[1:]
