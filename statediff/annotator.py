"""Clause cuts and commitment annotation: who commits, with which verb, how strongly.

:func:`split_clauses` cuts a sentence where a second commitment starts ("..., and shared the view
to ...", ", while France appreciated ..."); :func:`annotate` gives a clause its kind (commitment or
narrative context), actor, commitment verb, stance, negation and modality, from the lexicon
(:mod:`statediff.lexicon`). The segmenter calls both for every sentence it finds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import Lexicon, VerbHit

__all__ = ["annotate", "split_clauses"]

_MONTHS = {m: i for i, m in enumerate(
    "January February March April May June July August September October November December".split(), 1)}

_HAS_LETTER = re.compile(r"[^\W\d_]")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b



def _open_depth(s: str) -> int:
    depth = (s.count("\u201c") - s.count("\u201d") + s.count("(") - s.count(")")
             + s.count("\u300c") - s.count("\u300d") + s.count("\uff08") - s.count("\uff09"))
    if s.count('"') % 2:
        depth += 1
    return depth




_DETERMINERS = {"the", "a", "an", "its", "their", "our", "his", "her", "this", "these", "those", "such", "any",
                "every", "each", "both", "all", "my", "your"}
_PRONOUNS = {"we", "they", "he", "she", "it", "i", "you"}
_BE = {"is", "are", "was", "were", "be", "been", "being"}
# Words that may stand between a subject and its verb ("The four Ministers also strongly ...").
_ADVERBS = {"also", "further", "furthermore", "then", "jointly", "again", "each", "firmly", "strongly", "fully",
            "highly", "deeply", "therefore", "today", "thus", "now", "once", "together", "collectively", "both",
            "all", "hereby", "duly", "repeatedly", "unanimously", "warmly", "particularly", "especially",
            "still", "already", "likewise", "similarly", "equally", "greatly", "sincerely", "seriously",
            "gravely", "steadfastly", "resolutely", "continue", "continued", "continues", "to", "not", "never",
            "have", "has", "had", "will", "would", "shall", "should", "may", "might", "can", "could", "must",
            "do", "does", "did", *_BE}
# Words after which a noun phrase starts afresh ("Two years ago our nations pledged").
_TIME_WORDS = {"ago", "today", "now", "then", "tonight", "yesterday", "tomorrow", "together", "also", "so",
               "thus", "hence", "therefore", "finally", "first", "second", "third", "lastly", "meanwhile",
               "moreover", "furthermore", "additionally", "specifically", "accordingly"}
_STOP_IN_SUBJECT = _TIME_WORDS | _BE | {"have", "has", "had", "will", "would", "shall", "should", "may", "might",
                                         "can", "could", "must", "do", "does", "did", "that", "which", "who",
                                         "whom", "whose", "where", "when", "if", "because", "while", "not",
                                         "no", "than", "as"}
_PREPOSITIONS = {"with", "in", "on", "for", "among", "regarding", "as", "to", "by", "at", "from", "after", "before",
                 "during", "under", "through", "taking", "given", "following", "if", "when", "concerning",
                 "about", "against", "beyond", "into", "over", "toward", "towards", "upon", "via", "within",
                 "without", "despite", "since", "until", "amid", "amidst", "across", "beginning", "starting",
                 "once", "once again", "although", "though", "because", "whereas", "unless", "noting",
                 "recognizing", "recognising", "building", "of"}
_CONJUNCTIONS = {"and", "or", "but", "nor"}
_NUMBER_WORDS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "many",
                 "most", "some"}
_LEAD_CONNECTOR = re.compile(r"^(?:[,;]\s*)?(?:and|while|whereas|but)\s+(?:also\s+|further\s+)?", re.IGNORECASE)


def _words(text: str) -> list[str]:
    return [w.strip("\"'\u201c\u201d\u2018\u2019()") for w in text.split()]


def _is_cjk(text: str) -> bool:
    return bool(_CJK.search(text)) and len(_CJK.findall(text)) * 2 > len(text.replace(" ", ""))


def _verb_hits(text: str, lexicon: Lexicon) -> list[VerbHit]:
    """Commitment verbs in ``text`` used as verbs: "the expected strengthening", "an agreed
    framework" and "the concerned parties" are adjectives after a determiner and do not count."""
    out = []
    for h in lexicon.verbs(text):
        before = _words(text[:h.start])
        single = " " not in h.text.strip()
        if before and single and (before[-1].lower() in _DETERMINERS
                                  or (before[-1].lower() in _PREPOSITIONS and before[-1].lower() != "to")):
            continue  # "of note", "for review": a noun after a preposition
        after = text[h.end:].split()[:1]
        if single and h.text.lower().endswith("ed") and after and after[0].lower() in ("by", "under", "at", "during") \
                and before and before[-1][:1].islower() and before[-1].lower() not in _PRONOUNS:
            continue  # "workstreams established under the TTC": a participle after its noun
        out.append(h)
    return out


def _in_relative(text: str, hit: VerbHit) -> bool:
    """Whether ``hit`` opens a relative clause: "which/who/that" right before it, or "which we"."""
    before = [w.lower() for w in _words(text[:hit.start])[-2:]]
    if before[-1:] and before[-1] in ("which", "who", "that"):
        return len(before) > 1 and before[0] not in _PRONOUNS  # "that they" is "confirmed that they"
    return len(before) == 2 and before[0] in ("which", "whom") and before[1] in _PRONOUNS


def _in_aside(text: str, hit: VerbHit) -> bool:
    """Inside parentheses or a pair of dashes: "the Task Force (ICRTF)—established at last year's
    meeting—began ..." names the Task Force; its verb is outside."""
    head = text[:hit.start]
    return head.count("(") > head.count(")") or head.count("\u2014") % 2 == 1


def _infinitive(text: str, hit: VerbHit) -> bool:
    """ "our efforts to establish", "objective to recognize": a bare verb after "to" complements a
    noun; the commitment forms that take "to" ("intend to", "to support") are in the lexicon."""
    before = [w.lower() for w in _words(text[:hit.start])[-2:]]
    return before[-1:] == ["to"] and " " not in hit.text.strip() and not hit.text.lower().endswith("ed") \
        and not (len(before) == 2 and before[0] in _CHAINING)


# Words after which "to" + verb carries the commitment ("continue to discuss", "is tasked to launch").
_CHAINING = {"continue", "continues", "continued", "tasked", "ready", "able", "seek", "seeks", "need", "needs",
             "going", "want", "wants", "like", "decided", "agreed", "resolved", "determined", "committed"}


def _is_passive(text: str, hit: VerbHit) -> bool:
    """ "The situation in the Sahel was also discussed": a be-form, adverbs, then a participle
    ("is expected to elaborate" names its actor: the subject will do it)."""
    if " " in hit.text.strip() or not hit.text.lower().endswith(("ed", "en")):
        return False
    if text[hit.end:].split()[:1] == ["to"]:
        return False
    for w in reversed(_words(text[:hit.start])):
        lw = w.lower()
        if lw in _BE:
            return True
        if lw not in _ADVERBS or lw in ("have", "has", "had"):
            return False
    return False


def _strip_tail(words: list[str]) -> list[str]:
    while words and words[-1].lower() in _ADVERBS:
        words = words[:-1]
    return words


def _noun_phrase(words: list[str]) -> str:
    """The subject at the end of ``words`` (the words right before a verb), or "".

    The longest run that could be a subject: it starts with a determiner, a pronoun, a number word or
    a capitalised word, right after the start or after a time word ("Two years ago our nations"), and
    holds no finite verb, relative word or time word ("The steps we are announcing" -> "The steps").
    """
    words = _strip_tail(words)
    if not words:
        return ""
    # A pronoun after a noun opens a relative clause: "The endeavor we launch", "The steps we".
    for i, w in enumerate(words):
        if w.lower() in _PRONOUNS and i > 0 and words[i - 1].lower() not in _TIME_WORDS \
                and words[i - 1].lower() not in _PREPOSITIONS and words[i - 1].lower() not in _CONJUNCTIONS:
            words = _strip_tail(words[:i])
            break
    if not words:
        return ""
    if words[-1].lower() in _PRONOUNS:
        return words[-1][:1].upper() + words[-1][1:].lower()
    for i, w in enumerate(words):
        lw = w.lower()
        if not w or lw in _PREPOSITIONS or lw in _STOP_IN_SUBJECT:
            continue
        if i > 0 and not _opens_subject(words[i - 1], w):
            continue
        sentence_adverb = lw.endswith("ly") and not (i + 1 < len(words) and words[i + 1][:1].islower()
                                                     and words[i + 1].lower() not in _DETERMINERS)
        if not (w[:1].isupper() or lw in _DETERMINERS or lw in _NUMBER_WORDS) or lw in _CONJUNCTIONS \
                or sentence_adverb or (lw.endswith("ing") and i == 0 and w[:1].isupper() and len(words) > 1
                                       and words[1][:1].islower() and not words[1].endswith("s")):
            continue  # not "And ...", "Consequently ...", "Moving forward ..."
        rest = words[i:]
        if lw in _PRONOUNS and len(rest) > 1:
            continue  # a pronoun takes no modifiers: "We call for ... and" is a clause, not a subject
        # A dated phrase ends the subject: "the European Union and United States on 10 March 2023".
        for j in range(1, len(rest) - 1):
            if rest[j].lower() in ("on", "in", "at", "during", "since") and (rest[j + 1][:1].isdigit()
                                                                              or rest[j + 1] in _MONTHS):
                rest = rest[:j]
                break
        if len(rest) > 14 or any(r.lower() in _STOP_IN_SUBJECT or r.lower() in _PRONOUNS for r in rest[1:]):
            continue
        if rest[-1].lower() in _DETERMINERS or rest[-1].lower() in _PREPOSITIONS or rest[-1].lower() in _CONJUNCTIONS:
            continue
        if any(r[:1].islower() and r.lower().endswith("ed") and rest[k].lower() not in _DETERMINERS | _NUMBER_WORDS
               for k, r in enumerate(rest[1:])):
            continue  # "Having gathered virtually on ..." holds a verb ("the dedicated track" an adjective)
        phrase = " ".join(rest)
        if not _HAS_LETTER.search(phrase):
            continue
        return phrase[:1].upper() + phrase[1:]
    return ""


def _opens_subject(prev: str, word: str) -> bool:
    """Whether a subject may start at ``word`` after ``prev`` inside a lead-in without a comma:
    after a time word ("Two years ago our nations"), a year or a month ("In April 2024 our Defense
    Ministers"), or a sentence adverb ("Finally the ministers")."""
    lp = prev.lower().strip(",")
    return lp in _TIME_WORDS or (lp.isdigit() and len(lp) == 4) or prev in _MONTHS \
        or (lp.endswith("ly") and (word[:1].isupper() or word.lower() in _DETERMINERS))


def _actor(before: str) -> tuple[str, bool]:
    """The actor named in the text before a clause's verb, and whether one was found at all (an
    empty head inherits the previous clause's actor; a head with no subject in it does not)."""
    head = _LEAD_CONNECTOR.sub("", before.strip() + " ", count=1).strip()
    if not head:
        return "", False
    if _is_cjk(head):
        m = re.search(r"^(.{1,24}?)(?:は|が)(?:、|,)?", head)
        return (re.split(r"[、,]", m.group(1).strip("、 "))[-1].strip() if m else "", bool(m))
    segments = [s.strip() for s in re.split(r"[,;:\u2014\u2013]|\s-\s", head) if s.strip()]
    if not segments:
        return "", False
    # A head ending in a comma closed an aside ("The four Ministers, taking into account ...,
    # confirmed"): the subject stands before it. Otherwise it is right before the verb.
    order = [segments[0], segments[-1]] if head.rstrip().endswith(",") else [segments[-1]]
    if len(order) == 1 and len(segments) > 1 and re.search(r"\b(?:and|or)\b", segments[-1]):
        # "the leaders of Australia, the United Kingdom, and the United States announced": an
        # enumeration of actors spans several comma segments.
        k = len(segments) - 1
        while k > 0 and _is_simple_np(segments[k - 1]):
            k -= 1
        if k < len(segments) - 1:
            np = _noun_phrase(_words(", ".join(segments[k:])))
            if np:
                return np, True
    tail_words = _strip_tail(_words(segments[-1]))
    coordinated = len(segments) > 1 and not [w for w in tail_words if w.lower() not in _CONJUNCTIONS]
    if coordinated or (tail_words and tail_words[-1].lower() in _CONJUNCTIONS):
        # "The United States and the European Union share ..., and welcome ...": a verb coordinated
        # with the sentence's first predicate has the sentence's subject.
        first = _words(segments[0])
        if first and first[0].lower() in _PRONOUNS:
            return first[0].capitalize(), True
        # The shortest noun phrase at the start that a lower-case word (its verb) follows.
        for k in range(1, min(len(first), 15)):
            nxt = first[k].lower()
            if not first[k][:1].islower() or nxt in _CONJUNCTIONS or nxt in _PREPOSITIONS or nxt in _DETERMINERS:
                continue
            np = _noun_phrase(first[:k])
            if np and np.lower() == " ".join(first[:k]).lower():
                return np, True
    for seg in order:
        words = _words(seg)
        np = _noun_phrase(words)
        if np:
            return np, True
        if words and words[0].lower() in _PREPOSITIONS and len(order) == 1 and len(segments) == 1:
            return "", True  # "Among the issues discussed were ..." has no subject before the verb
        if words and words[0].lower() in _PRONOUNS - {"it"}:
            # "we stood together in San Diego and announced": the pronoun that opens the clause
            return words[0].capitalize(), True
        bare = _strip_tail(words)
        if 0 < len(bare) <= 3 and all(w.isalpha() and w.islower() for w in bare) and bare[-1].endswith("s") \
                and not any(w in _PREPOSITIONS or w in _STOP_IN_SUBJECT or w in _CONJUNCTIONS for w in bare) \
                and not bare[0].endswith(("ing", "ly")):
            return " ".join(bare).capitalize(), True  # "During the Gathering, members reaffirmed"
    return "", len(segments) > 1 or bool(_strip_tail(_words(segments[-1])))


def _is_simple_np(segment: str) -> bool:
    """A short name or noun phrase such as "Australia" or "the United Kingdom" (an enumeration member)."""
    words = _words(segment)
    if not words or segment.endswith(".") or not (words[0][:1].isupper() or words[0].lower() == "the"):
        return False
    return len(words) <= 6 and words[0].lower() not in _PREPOSITIONS and _noun_phrase(words) == \
        " ".join(words)[:1].upper() + " ".join(words)[1:]


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
    hits = _verb_hits(sentence, lexicon)
    framed = _framed_cuts(sentence)
    if len(hits) < 2:
        return _cut(text, a, sentence, framed) if framed else [(a, b)]
    if _is_cjk(sentence):
        return _cut(text, a, sentence, [h.end + 1 for h in hits[:-1] if h.end < len(sentence) and
                                        sentence[h.end] in _CJK_COMMA and h.start >= 2 and len(sentence) - h.end > 4])
    cuts: list[int] = []
    first_verb = hits[0].start
    for hit in hits[1:]:
        start = cuts[-1] if cuts else 0
        pronoun = _words(sentence[start:hit.start])[-1:] in (["we"], ["they"], ["he"], ["she"])
        # A bare form followed by its object ("and emphasize our shared view") is a verb; followed
        # by a preposition ("development and support for") it is a noun.
        nxt = sentence[hit.end:].split()[:1]
        governs = bool(nxt) and nxt[0].lower() in _DETERMINERS | {"that"}
        if not _is_strong(hit) and not pronoun and not governs:
            continue  # ", and we commit to ..." is a clause whatever the verb's form
        head = sentence[start:hit.start]
        m = None
        for m in _CLAUSE_CUT.finditer(head):  # noqa: B007 - the last match is the one wanted
            pass
        if m is None or start + m.start() <= first_verb:
            continue
        between = head[m.end():]
        if between.strip():
            # A new actor: a short subject, then at most adverbs, then a finite verb.
            words = _words(between)
            np = _noun_phrase(words)
            if not np or hit.text.lower().split()[0] in ("will", "shall") or len(words) > 8:
                continue
            before_conj = re.split(r"[,;]", head[:m.start()])[-1]
            if "," in head[:m.start()] and _is_simple_np(before_conj.strip()):
                continue  # "..., the United Kingdom, and the United States recognize": one subject
            if "," not in m.group(0) and ";" not in m.group(0):
                # Without a comma, "Japan and France share ..." is one subject and "agreed that X
                # and the EU will ..." one complement: cut only before a determined subject, after
                # a lower-case word, outside a "that" clause.
                prev = _words(head[:m.start()])
                if re.search(r"\bthat\b", head[:m.start()]) or not prev or not prev[-1][:1].islower() \
                        or words[0].lower() not in _DETERMINERS:
                    continue
        cut_at = start + m.start()
        if ";" not in m.group(0) and _open_depth(sentence[:cut_at]) > 0:
            continue
        left_words = len(sentence[start:cut_at].split())
        right_words = len(sentence[start + m.end():].split())
        if left_words >= 4 and right_words >= 3:
            cuts.append(cut_at + (1 if sentence[cut_at] in ",;" else 0))
    return _cut(text, a, sentence, sorted(set(cuts) | set(framed)))


# ", and, in August 2024, Australian personnel demonstrated ...": a conjunction set off by commas and
# followed by a fronted adverbial and a subject opens an independent clause, whatever its verb.
_FRAMED = re.compile(r",\s+(?:and|but)\s*,\s+[^,;]{2,60},\s+")


def _framed_cuts(sentence: str) -> list[int]:
    cuts = []
    for m in _FRAMED.finditer(sentence):
        words = _words(sentence[m.end():])[:8]
        # a subject, then a lower-case word (its verb)
        for k in range(1, len(words)):
            if words[k][:1].islower() and words[k].lower() not in _CONJUNCTIONS | _PREPOSITIONS | _DETERMINERS:
                if _noun_phrase(words[:k]).lower() == " ".join(words[:k]).lower() \
                        and len(sentence[:m.start()].split()) >= 4:
                    cuts.append(m.start() + 1)
                break
    return cuts


def _cut(text: str, a: int, sentence: str, cuts: list[int]) -> list[tuple[int, int]]:
    bounds = [0, *cuts, len(sentence)]
    out = []
    for s, e in zip(bounds, bounds[1:]):
        s2, e2 = _trim(text, a + s, a + e)
        if e2 > s2:
            out.append((s2, e2))
    return out


# --------------------------------------------------------------------------------------------------
# Annotation
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Annotation:
    kind: str
    actor: str
    verb: str
    stance: str
    negated: bool
    modality: str
    inherit: bool  # whether an empty actor should be taken from the clause before


_CONTEXT = _Annotation("context", "", "", "", False, "", False)


def _scope(text: str, hit: VerbHit) -> str:
    """The words that qualify a clause's verb: three words before it and six after it ("did not
    agree", "confirmed that they would"), so that a "could" deep in a relative clause does not make
    the commitment a possibility."""
    before = re.split(r"[.!?;:]", text[:hit.start])[-1].split()[-3:]  # not across a sentence end
    after = []
    for w in text[hit.end:].split()[:6]:
        if w.lower() in ("which", "who", "whom", "whose", "where"):
            break  # a relative clause qualifies a noun, not the commitment
        after.append(w)
        if w.endswith((",", ";")):
            break
    return " ".join([*before, hit.text, *after])


def _verb_text(text: str, hit: VerbHit) -> str:
    """The verb as an analyst reads it: a bare "will" takes its verb ("will promote")."""
    if hit.text.lower() not in ("will", "shall"):
        return hit.text
    taken = []
    for w in text[hit.end:].split()[:4]:
        w = w.strip(",;.:")
        taken.append(w)
        if not (w.lower().endswith("ly") or w.lower() in ("also", "further", "not", "never", "then", "now",
                                                          "again", "still", "jointly", "soon")):
            break
    return " ".join([hit.text, *taken]).strip()


_SUBORDINATORS = {"when", "as", "if", "since", "while", "although", "though", "once", "after", "before",
                  "because", "given", "following", "to", "with", "in", "through", "by", "whereas", "unless",
                  "until", "upon", "during"}


def annotate(text: str, lexicon: Lexicon) -> _Annotation:
    hits = _verb_hits(text, lexicon)
    if not hits:
        return _CONTEXT
    cjk = _is_cjk(text)
    # Japanese puts the verb last; English first, after any leading subordinate clause ("When AUKUS
    # was first announced, we pledged ...", "To support further progress, we continue ...").
    main = hits[-1] if cjk else hits[0]
    first = _words(text[:1 + text.find(" ")] if " " in text else text)
    comma = text.find(",")
    if not cjk and first and comma > main.start and (first[0].lower() in _SUBORDINATORS
                                                     or first[0].lower().endswith("ing")):
        later = [h for h in hits if h.start > comma]
        if later:
            main = later[0]
    if not cjk:
        # A verb inside a relative clause ("the work programme, which we launched in May, has ...",
        # "challenges that call for ...") is not the clause's own: take the next one, or none.
        rest = [h for h in hits if h.start >= main.start]
        while rest and (_in_relative(text, rest[0]) or _infinitive(text, rest[0]) or _in_aside(text, rest[0])):
            rest = rest[1:]
        if not rest:
            return _CONTEXT
        main = rest[0]
    marker = lexicon.context_at(text)
    if 0 <= marker <= main.start or (marker >= 0 and main.stance == "exchange_views" and len(hits) == 1):
        # The clause narrates the meeting ("held talks Thursday as ...", "met with X and discussed").
        return _CONTEXT
    stance = main.stance
    reported: VerbHit | None = None  # what a reporting verb reports ("stated that he welcomed")
    # A stronger position inside the complement names the stance: "shared the view to strongly
    # oppose ..." is an opposition, "reconfirmed the serious concern" a concern.
    # Only within reach of the main verb: "... with a goal of addressing shared concerns" twenty
    # words on does not make the clause a concern.
    reach = main.end + len(" ".join(text[main.end:].split()[:10])) + 1
    strong = [h for h in hits if h.stance in lexicon.override and (cjk or (h.start <= reach and h.end >= main.start))]
    if strong:
        stance = max(strong, key=lambda h: lexicon.salience.get(h.stance, -1)).stance
    elif stance == "state":
        # "stated that he welcomed the Legislation" welcomes; "explained that cooperation will
        # become more important" stays a statement (a bare "will" is not a position).
        said = [h for h in hits[1:] if h.text.lower() not in ("will", "shall")]
        if said:
            stance, reported = said[0].stance, said[0]
    scope = _scope(text, reported or main)
    verb = _verb_text(text, main)
    lead_word = verb.split()[0].lower()
    if lead_word in _PRONOUNS and len(verb.split()) > 1:
        # A form that names its subject ("we support"): the pronoun is the actor.
        actor, inherit = lead_word.capitalize(), False
        verb = verb.split(maxsplit=1)[1]
    elif _is_passive(text, main):
        actor, inherit = "", False
    else:
        actor, found = _actor(text[:main.start])
        inherit = not found
    return _Annotation("commitment", actor, verb, stance, lexicon.negated(scope), lexicon.modality(scope),
                       inherit)
