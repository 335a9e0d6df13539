"""The words of key terms: how :mod:`statediff.terms` tokenizes and stems a document's text, which
words may be part of a term, and what a document says (:class:`Vocabulary`), to tell what the other
one says anew."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from functools import lru_cache

from .clause_vectors import FUNCTION_WORDS, stem
from .lexicon import Lexicon
from .model import Document
from .phrase_patterns import spelling_key

#: The longest key term, in words.
MOST_WORDS = 4

TOKEN = re.compile(r"[^\W_]+(?:[-'.]+[^\W_]+)*", re.UNICODE)  # "de-risking", "U.S-EU"
# Hyphens and apostrophes spelled one way, character for character (offsets stay those of the text).
_SAME = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2019": "'", "\u02bc": "'"})


def same_spelling(text: str) -> str:
    return text.translate(_SAME)


# Punctuation a phrase does not run across.
_BREAK = re.compile(r"[,;:()\[\]{}\"!?\u2026]|\.(?:\s|$)|\s[-\u2013\u2014]\s")
# Words allowed inside a phrase between its content words ("force or coercion", "rule of law").
JOINERS = frozenset("of and or the for in on to with".split())
_PLAIN = FUNCTION_WORDS | frozenset(
    "not no nor us you he she i my your has have had do does did done which who whom whose what when where "
    "while how there here so if then only very just well new also continue continues continued continuing one "
    "include includes included make makes made take takes taken way ways area areas "
    # nouns every statement uses around what it is about ("part of", "the importance of")
    "part parts ability abilities role importance need needs basis level levels kind means range end aim view "
    "light regard respect order terms step steps effort efforts issue issues matter matters field fields "
    "context time times year years today date number "
    # currencies, which stand by a number ("USD 17.5 billion")
    "usd eur gbp aud jpy cad cny chf krw inr "
    # prepositions and connectives that open a sentence in capitals ("Through AUKUS, ...")
    "through throughout across against among amongst after before during since upon via without beyond "
    "despite amid following together however therefore moreover furthermore additionally "
    # compounds every statement uses, not the terms of one
    "long-term short-term medium-term near-term mid-term long-standing high-level high-quality ground-breaking "
    "far-reaching wide-ranging large-scale full-scale well-being decision-making policy-making like-minded "
    "cross-border cross-sectoral cross-cutting real-time in-depth first-ever so-called state-of-the-art "
    "up-to-date year-long multi-year people-to-people whole-of-government whole-of-society multi-stakeholder "
    "non-binding public-private evidence-based rules-based science-based data-driven market-based "
    "market-oriented forward-looking world-class low-income middle-income high-income cutting-edge win-win "
    "non-governmental inter-agency next-generation bi-annual co-chair co-chairs co-operation capacity-building "
    "confidence-building results-oriented open-ended time-bound action-oriented".split())


@lru_cache(maxsize=1 << 16)
def term_key(token: str) -> str:
    if len(token) > 2 and token.endswith("s") and token[:-1].isupper():
        token = token[:-1]  # "SSNs" is the plural of "SSN"
    word = token.casefold()
    if word.endswith("'s"):
        word = word[:-2]
    # "de-risking" and "derisking", "U.S.-EU" and "US-EU" are one word; British and American
    # spellings one word ("defence", "labour", "centre", "organise")
    return "".join(stem(spelling_key(_BRITISH.sub(_american, part))) for part in re.split(r"[-.]+", word) if part)


_BRITISH = re.compile(r"(?<=\w\w)(?:ence|our|tre)(?=s?$)")


def _american(m: re.Match[str]) -> str:
    return {"ence": "ense", "our": "or", "tre": "ter"}[m.group()] if m.string[:m.start()] not in _NOT_BRITISH else m.group()


# words that end so in both spellings ("science", "four", "detour" are not "scienses", "for", "detor")
_NOT_BRITISH = frozenset("sci experi audi sil evid refer influ confer pres exist sequ consequ defer sent "
                         "conveni independ intellig differ occurr coher compet dep viol subsist sci consci "
                         "pati prud abs ess f y h det contour flav flour".split())


class TermWords:
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
        if term_key(token) in self.plain:
            return False  # "U.S" is "us" to the key
        if "-" in word and all(part in self.plain or part.isdigit() for part in word.split("-") if part):
            return False  # "one-year", "follow-up"
        if "-" in word and (word.split("-")[0].endswith("ly") or word.rsplit("-", 1)[1] in _DESCRIBING):
            return False  # they describe a thing: "trilaterally-developed", "defense-related"
        return len(word) >= 3 or (token.isupper() and len(token) >= 2)

    def title_case(self, text: str) -> bool:
        """Whether three in four content words of ``text`` or more are capitalised (a heading or a title;
        a sentence dense with names is not one)."""
        known = self._title.get(text)
        if known is None:
            content = [t for t in TOKEN.findall(text) if self.content(t)]
            known = self._title[text] = bool(content) and sum(t[:1].isupper() for t in content) * 4 >= len(content) * 3
        return known

    def verb_spans(self, text: str) -> list[tuple[int, int]]:
        return [(h.start, h.end) for h in self.lexicon.verbs(text)]


# The last parts of compounds that describe a thing rather than name one ("defense-related").
_DESCRIBING = frozenset("related based led driven oriented focused specific wide owned linked centred centered "
                        "friendly free sensitive intensive relevant".split())


@lru_cache(maxsize=1 << 14)
def token_runs(text: str) -> tuple[tuple[str, ...], ...]:
    """The words of :func:`chunks`, run by run, as written (a run of no words may come last)."""
    return tuple(tuple(TOKEN.findall(part)) for part in _BREAK.split(text + " "))


def chunks(text: str) -> Iterable[list[re.Match[str]]]:
    """The runs of words between punctuation, as regex matches on ``text``."""
    start = 0
    for m in _BREAK.finditer(text + " "):
        yield list(TOKEN.finditer(text, start, min(m.start(), len(text))))
        start = m.end()
    if start < len(text):
        yield list(TOKEN.finditer(text, start))


_JOINER_INITIALS = frozenset("of and the for on in to".split())
_PARTS = re.compile(r"[-.']+")


class Vocabulary:
    """What a document says, to tell what the other one says anew: every word's stem, each part of a
    compound ("de", "risk" in "de-risking") and each two words run together ("rollout" for "roll
    out"); the initials of its runs of words ("IAEA" for "International Atomic Energy Agency"),
    titles and headings included."""

    def __init__(self, doc: Document) -> None:
        self.words: set[str] = set()
        self.initials: set[str] = set()
        self.acronyms: set[str] = set()
        runs: list[str] = []
        for text in _texts(doc):
            for tokens in token_runs(text):
                self._add(tokens, runs)
        self._runs = "\n".join(runs)
        self._sorted = sorted(w for w in self.words if len(w) >= 5)
        self._known: dict[str, bool] = {}

    def _add(self, tokens: Sequence[str], runs: list[str]) -> None:
        """Take in one run of words; its initials go to ``runs`` (or, rarely, to :attr:`initials`)."""
        stems = list(map(term_key, tokens))
        self.words.update(stems)
        # a token that is not all letters and digits holds a hyphen, a full stop or an apostrophe
        self.words.update(term_key(p) for t in tokens if not t.isalnum() for p in _PARTS.split(t) if p)
        self.words.update(map(str.__add__, stems, stems[1:]))
        initials = [t[0] for t in tokens if t.casefold() not in _JOINER_INITIALS]
        letters = "".join(initials).upper()
        if len(letters) == len(initials):
            runs.append(letters)  # searched as text by has_initials
        else:  # an initial that upper-cases to two letters ("ß"): its runs one by one
            upper = [x.upper() for x in initials]
            self.initials.update("".join(upper[i:i + n]) for n in range(2, 7) for i in range(len(upper) - n + 1))
        # an acronym ("IAEA", "SSNs", "U.S."), which never starts with a lower-case letter
        self.acronyms.update(a for a in (t.rstrip("s").replace(".", "") for t in tokens
                                         if len(t) > 1 and not t[0].islower()) if a.isupper())

    def knows_phrase(self, tokens: Sequence[str]) -> bool:
        """Whether the document uses these words one after another (each two of them side by side)."""
        keys = [term_key(t) for t in tokens]
        return len(keys) > 1 and all(a + b in self.words for a, b in zip(keys, keys[1:]))

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
        if is_acronym(token):
            acronym = token.rstrip("s").replace(".", "").replace("-", "")
            if self.has_initials(acronym) or term_key(acronym) in self.words:
                return True
        key = term_key(token)
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


def is_acronym(token: str) -> bool:
    """Whether ``token`` is written as an acronym, or as the plural of one ("IAEA", "SSNs")."""
    return token.isupper() or token.endswith("s") and token[:-1].isupper()


def acronym_meanings(texts: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """What the acronyms the texts define stand for, by :func:`term_key`: the words right before the
    acronym in brackets, as many as it has letters ("and", "of" aside), within their run (see
    :func:`chunks`): "effective foreign direct investment (FDI)" gives "foreign direct investment",
    "conventionally-armed, nuclear-powered submarines (SSNs)" gives "nuclear-powered submarines";
    the first definition of each."""
    out: dict[str, tuple[str, ...]] = {}
    for text in texts:
        for m in _DEFINED.finditer(text):
            acronym = m.group(1)
            if not is_acronym(acronym):
                continue
            runs = list(chunks(text[:m.start()]))
            run = [t.group() for t in runs[-1]] if runs else []
            letters = sum(ch.isalpha() for ch in acronym.removesuffix("s"))
            words: list[str] = []
            for word in reversed(run):  # as many words as letters, "and" and "of" aside
                if letters == 0:
                    break
                words.insert(0, word)
                letters -= word.casefold() not in JOINERS
            while words and words[0].casefold() in JOINERS:
                words = words[1:]
            if len(words) > 1:
                out.setdefault(term_key(acronym), tuple(words))
    return out


_DEFINED = re.compile(r"\(\s*([^\W\d_][\w/&.-]*?)\s*\)")


def name_initials(tokens: Sequence[str]) -> str:
    """"IAEA" for "International Atomic Energy Agency": the initials of a name of two words or more
    ("" for anything else)."""
    content = [t for t in tokens if t.casefold() not in _JOINER_INITIALS]
    if len(content) < 2 or not all(t[:1].isupper() for t in content):
        return ""
    return "".join(t[0] for t in content)


def _texts(doc: Document) -> list[str]:
    sections = dict.fromkeys(cl.section for cl in doc.clauses if cl.section)
    return [same_spelling(t) for t in (doc.title, *sections, *(cl.text for cl in doc.clauses))]
