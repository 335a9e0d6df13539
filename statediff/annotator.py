"""Commitment annotation: who commits, with which verb, how strongly.

:func:`annotate` gives a clause its kind (commitment or narrative context), actor, commitment verb,
stance, negation and modality, from the lexicon (:mod:`statediff.lexicon`). The clauses themselves
are cut by :func:`split_clauses` (:mod:`statediff.clause_cuts`, re-exported here); the segmenter calls
both for every sentence it finds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .clause_cuts import split_clauses
from .grammar import ADVERBS, STOP_IN_SUBJECT, is_simple_np, last_words, noun_phrase, strip_tail, verb_hits, words
from .lexicon import Lexicon, VerbHit
from .textkit import BE_FORMS, CONJUNCTIONS, DETERMINERS, MONTH_PATTERN, MONTHS, PREPOSITIONS, PRONOUNS, mostly_cjk

__all__ = ["annotate", "split_clauses"]

_LEAD_CONNECTOR = re.compile(r"^(?:[,;]\s*)?(?:and|while|whereas|but)\s+(?:also\s+|further\s+)?", re.IGNORECASE)


def _in_relative(text: str, hit: VerbHit) -> bool:
    """Whether ``hit`` opens a relative clause: "which/who/that" right before it, or "which we"."""
    before = [w.lower() for w in last_words(text[:hit.start], 2)]
    if before[-1:] and before[-1] in ("which", "who", "that"):
        return len(before) > 1 and before[0] not in PRONOUNS  # "that they" is "confirmed that they"
    return len(before) == 2 and before[0] in ("which", "whom") and before[1] in PRONOUNS


def _in_contact_relative(text: str, hit: VerbHit) -> bool:
    """Whether ``hit`` is the verb of a relative clause without "which" or "that" that qualifies the
    sentence's subject: "The plan we announce today delivers ...", "The steps we are announcing
    today will help ..." tell what the statement's own announcement does, no commitment of their own
    ("This year we will launch" does)."""
    m = _CONTACT_RELATIVE.match(text[:hit.start])
    return m is not None and not any(w.lower() in _TIME_NOUNS for w in m.group(1).split())


# A subject (a determiner and one to three words) right before "we" or "they" and the verb.
_CONTACT_RELATIVE = re.compile(r"\s*(?:the|this|these|those|our|all)\s+((?:[\w'\u2019-]+\s+){1,3}?)(?:we|they)\s+"
                               r"(?:are\s+|have\s+|had\s+|were\s+)?\Z", re.IGNORECASE)
_TIME_NOUNS = frozenset("year years month months week weeks day days time times decade morning afternoon evening "
                        "spring summer autumn fall winter quarter session meeting occasion".split())


def _in_aside(text: str, hit: VerbHit) -> bool:
    """Inside parentheses or a pair of dashes: "the Task Force (ICRTF)—established at last year's
    meeting—began ..." names the Task Force; its verb is outside."""
    head = text[:hit.start]
    return head.count("(") > head.count(")") or head.count("\u2014") % 2 == 1


def _infinitive(text: str, hit: VerbHit) -> bool:
    """ "our efforts to establish", "objective to recognize": a bare verb after "to" complements a
    noun; the commitment forms that take "to" ("intend to", "to support") are in the lexicon."""
    before = [w.lower() for w in last_words(text[:hit.start], 2)]
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
    for w in reversed(words(text[:hit.start])):
        lw = w.lower()
        if lw in BE_FORMS:
            return True
        if lw not in ADVERBS or lw in ("have", "has", "had"):
            return False
    return False


def _actor(before: str) -> tuple[str, bool]:
    """The actor named in the text before a clause's verb, and whether one was found at all (an
    empty head inherits the previous clause's actor; a head with no subject in it does not)."""
    head = _LEAD_CONNECTOR.sub("", before.strip() + " ", count=1).strip()
    if not head:
        return "", False
    if mostly_cjk(head):
        return _cjk_actor(head)
    segments = [s.strip() for s in re.split(r"[,;:\u2014\u2013]|\s-\s", head) if s.strip()]
    if not segments:
        return "", False
    # A head ending in a comma closed an aside ("The four Ministers, taking into account ...,
    # confirmed"): the subject stands before it. Otherwise it is right before the verb.
    order = [segments[0], segments[-1]] if head.rstrip().endswith(",") else [segments[-1]]
    if len(order) == 1 and len(segments) > 1 and re.search(r"\b(?:and|or)\b", segments[-1]):
        np = _enumerated_actor(segments)
        if np:
            return np, True
    tail_words = strip_tail(words(segments[-1]))
    coordinated = len(segments) > 1 and not [w for w in tail_words if w.lower() not in CONJUNCTIONS]
    if coordinated or (tail_words and tail_words[-1].lower() in CONJUNCTIONS):
        np = _sentence_subject(segments[0])
        if np:
            return np, True
    for seg in order:
        found = _segment_actor(seg, alone=len(order) == 1 and len(segments) == 1)
        if found is not None:
            return found
    return "", len(segments) > 1 or bool(strip_tail(words(segments[-1])))


def _cjk_actor(head: str) -> tuple[str, bool]:
    """Japanese: the topic or subject marked by は or が near the start ("両大臣は、")."""
    m = re.search(r"^(.{1,24}?)(?:は|が)(?:、|,)?", head)
    return (re.split(r"[、,]", m.group(1).strip("、 "))[-1].strip() if m else "", bool(m))


def _enumerated_actor(segments: list[str]) -> str:
    """"the leaders of Australia, the United Kingdom, and the United States announced": an
    enumeration of actors spans several comma segments; the enumeration, or "" when there is none."""
    k = len(segments) - 1
    while k > 0 and is_simple_np(segments[k - 1]):
        k -= 1
    if k < len(segments) - 1:
        return noun_phrase(words(", ".join(segments[k:])))
    return ""


def _sentence_subject(first_segment: str) -> str:
    """"The United States and the European Union share ..., and welcome ...": a verb coordinated
    with the sentence's first predicate has the sentence's subject, the pronoun or the shortest noun
    phrase that opens ``first_segment`` and that a lower-case word (its verb) follows; "" if none."""
    first = words(first_segment)
    if first and first[0].lower() in PRONOUNS:
        return first[0].capitalize()
    for k in range(1, min(len(first), 15)):
        nxt = first[k].lower()
        if not first[k][:1].islower() or nxt in CONJUNCTIONS or nxt in PREPOSITIONS or nxt in DETERMINERS:
            continue
        np = noun_phrase(first[:k])
        if np and np.lower() == " ".join(first[:k]).lower():
            return np
    return ""


def _segment_actor(seg: str, alone: bool) -> tuple[str, bool] | None:
    """The actor of one comma segment of a head (``alone``: the head's only segment), or None to
    look further."""
    ws = words(seg)
    np = noun_phrase(ws)
    if np:
        return np, True
    if ws and ws[0].lower() in PREPOSITIONS and alone:
        return "", True  # "Among the issues discussed were ..." has no subject before the verb
    if ws and ws[0].lower() in PRONOUNS - {"it"}:
        # "we stood together in San Diego and announced": the pronoun that opens the clause
        return ws[0].capitalize(), True
    bare = strip_tail(ws)
    if 0 < len(bare) <= 3 and all(w.isalpha() and w.islower() for w in bare) and bare[-1].endswith("s") \
            and not any(w in PREPOSITIONS or w in STOP_IN_SUBJECT or w in CONJUNCTIONS for w in bare) \
            and not bare[0].endswith(("ing", "ly")):
        return " ".join(bare).capitalize(), True  # "During the Gathering, members reaffirmed"
    return None


@dataclass(frozen=True, slots=True)
class _Annotation:
    kind: str
    actor: str
    verb: str
    stance: str
    negated: bool
    modality: str
    inherit: bool  # whether an empty actor should be taken from the clause before
    subject: str = ""  # who a context clause tells about, for the clauses after it to inherit


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
    words = text[hit.end:].split()[:5]
    for k, w in enumerate(words):
        w = w.strip(",;.:")
        taken.append(w)
        if w.lower() == "no" and k + 1 < len(words) and words[k + 1].lower() == "longer":
            continue  # "will no longer work"
        if not (w.lower().endswith("ly") or w.lower() in ("also", "further", "not", "never", "then", "now",
                                                          "again", "still", "jointly", "soon", "longer")):
            break
    return " ".join([hit.text, *taken]).strip()


def _judges(text: str, main: VerbHit, verb: str, parties: frozenset[str]) -> bool:
    """ "will be key to our success", "will be without prejudice to ...", "The goals of the TTC will
    be to grow ...": a future "be" that no participle follows judges or describes, as a future "last",
    "mark" or "represent" does; "will be updated", "will be hosting", "will be able to" commit."""
    if verb.split()[0].lower() in ("will", "shall") and verb.split()[-1].lower() in _STATIVE:
        return True  # "will last beyond the timeframe", "will mark a milestone": a forecast
    future = _FUTURE.search(text)
    if future and main.start <= future.start() and _gerund_subject(text[:future.start()], parties):
        return True  # "Implementing AUKUS will also require ...": what an undertaking will need or do
    if verb.split()[-1:] != ["be"]:
        return False
    after = text[main.end:].split()
    k = len(verb.split()) - 1  # the words of the verb after "will"
    nxt = after[k].strip(",;.:").lower() if len(after) > k else ""
    return not (nxt.endswith(("ed", "en", "ing")) or nxt in _BE_COMMITTING)


# A clause whose subject is an undertaking, a gerund and what it takes ("Implementing AUKUS will also
# require ...", "Expanding the network of partners will enhance ...", "Successfully addressing our
# shared concerns will require ..."): what it will need or bring is a forecast, no one's commitment,
# whatever verbs the subject holds. A bare name in "-ing" is no gerund ("Beijing will ..."), nor is
# one that opens a longer name ("Working Group 9 is tasked to ..."), nor a preposition ("During the
# visit", "Following the meeting"); and a party named before the "will" is its subject ("Building on
# this work we will ...", "Starting next year Japan will ...", "Moving forward the Quad will ...").
_GERUND_SUBJECT = re.compile(r"(?:[A-Z][a-z]+ly\s+(?P<after>[a-z]{2,}ing)|(?P<gerund>[A-Z][a-z]{2,}ing))\s+"
                             r"(?!(?:will|shall|and|or)\b)(?:[a-z]|[A-Z]{2,}\b)")
_NOT_GERUNDS = frozenset("during according following regarding concerning including excluding notwithstanding "
                         "considering pending barring nothing something everything anything".split())


def _gerund_subject(head: str, parties: frozenset[str]) -> bool:
    """Whether ``head``, a clause up to its "will", is a gerund and what it takes: the subject is an
    undertaking (see :data:`_GERUND_SUBJECT`)."""
    m = _GERUND_SUBJECT.match(head)
    if m is None or "," in head or (m.group("gerund") or m.group("after")).lower() in _NOT_GERUNDS:
        return False
    words = [w.strip("()\"'\u201c\u201d\u2018\u2019") for w in head.split()]
    if any(w.lower() in PRONOUNS or w.lower() in parties for w in words):
        return False
    return not (words[-1][:1].isupper() and not words[-1].isupper())  # "Japan will", "the Quad will"


_FUTURE = re.compile(r"\b(?:will|shall)\b")

# Verbs that, after "will", tell how things will be rather than what anyone will do.
_STATIVE = frozenset("last endure persist mark represent constitute".split())

# What follows a future "be" in a commitment: irregular participles, and "able", "ready" ("will be
# ready to assist").
_BE_COMMITTING = frozenset("made held taken done set put built given kept led sent brought met paid shown known "
                           "able ready prepared".split())


_SUBORDINATORS = {"when", "as", "if", "since", "while", "although", "though", "once", "after", "before",
                  "because", "given", "following", "to", "with", "in", "through", "by", "whereas", "unless",
                  "until", "upon", "during"}


def annotate(text: str, lexicon: Lexicon, date: str = "") -> _Annotation:
    """The kind, actor, commitment verb, stance, negation and modality of the clause ``text`` (of a
    document of ``date``, "YYYY-MM-DD" or "" when unknown)."""
    hits = verb_hits(text, lexicon)
    hits = sorted(hits + _ongoing(text, hits, lexicon), key=lambda h: h.start)
    if not hits:
        return _CONTEXT
    cjk = mostly_cjk(text)
    main = _main_verb(text, hits, cjk)
    if main is None:
        return _CONTEXT
    marker = lexicon.context_at(text)
    if 0 <= marker <= main.start or (marker >= 0 and main.stance == "exchange_views" and len(hits) == 1):
        # The clause narrates the meeting ("held talks Thursday as ...", "met with X and discussed").
        return _CONTEXT
    stance, reported = _stance(text, hits, main, cjk, lexicon)
    scope = _scope(text, reported or main)
    verb = _verb_text(text, main)
    told = not cjk and (_tells_the_past(text, main, date) or _was_decided(text, main) or _describes_purpose(text, main)
                        or any(_in_contact_relative(text, h) for h in hits if h.start < main.start)) \
        or _judges(text, main, verb, lexicon.actor_words)
    lead_word = verb.split()[0].lower()
    if lead_word in PRONOUNS and len(verb.split()) > 1:
        # A form that names its subject ("we support"): the pronoun is the actor.
        actor, inherit = lead_word.capitalize(), False
        verb = verb.split(maxsplit=1)[1]
    elif _is_passive(text, main):
        actor, inherit = "", False
    else:
        actor, found = _actor(text[:main.start])
        inherit = not found
    if told:  # what was done at an earlier time, or a judgement ("will be key"): context
        return replace(_CONTEXT, subject=actor)
    # "committed to work together not only as the CRI, but also ...": an idiom the scope may cut
    negated = lexicon.negated(_scope(lexicon.without_idioms(text), reported or main))
    return _Annotation("commitment", actor, verb, stance, negated, lexicon.modality(scope),
                       inherit)


# What the parties say they are doing now, in the first person: "We are working together to", "we
# are consulting with Canada", "We are also supporting the establishment of", "we continue to promote
# greater information sharing", "We continue to consult with the IAEA". The verb's own stance when
# the lexicon lists its plain form ("supporting": support), else a commitment. What happens to them,
# or what they see, face or have, is no action of theirs ("We are witnessing rapid advances", "we
# continue to face").
# Verbs in "-ly" that are no adverbs ("continue to apply sanctions").
_LY_VERBS = r"(?:apply|rely|supply|comply|reply|imply|multiply|ally|fly)"
_ADVERB = r"(?:also|now|currently|actively|jointly|further|already|still|together|increasingly|continuously|closely)"
_ONGOING = re.compile(rf"\b[Ww]e\s+((?:are\s+(?:{_ADVERB}\s+){{0,2}}(?P<ing>[a-z]{{3,}}ing))"
                      rf"|(?:{_ADVERB}\s+)?continue\s+to\s+(?:(?!{_LY_VERBS}\b)[a-z]+ly\s+)?(?P<base>[a-z]{{2,}}))\b")
_NOT_DONE = frozenset("witness see face experience live be hear feel watch lack remain go have".split())


def _ongoing(text: str, hits: list[VerbHit], lexicon: Lexicon) -> list[VerbHit]:
    """The first-person present progressives of ``text``, and what it says "we continue to" do, that
    no lexicon verb covers, as verb hits."""
    out = []
    for m in _ONGOING.finditer(text):
        if any(h.start < m.end(1) and m.start(1) < h.end for h in hits):
            continue
        if m.group("ing"):
            stem = m.group("ing")[:-3]
            bases: tuple[str, ...] = (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem)
        else:
            bases = (m.group("base"),)
        if _NOT_DONE.intersection(bases):
            continue
        stance = next((h.stance for base in bases for h in lexicon.verbs(base) if h.text == base), "commit")
        out.append(VerbHit(m.start(), m.end(), m.group(0), stance))
    return out


# A clause that opens on a time before the document's own and tells what was done then ("In March
# 2023, we announced ...", "Since then, we have launched ...", "When AUKUS was first announced, we
# pledged ...") narrates the past: context, not a commitment made now. "By the end of 2023, we
# expect" and "In 2025, we will" speak of what is to come.
_PAST_OPENER = re.compile(
    r"(?:(?:and|but)\s+)?(?:"
    rf"(?:In|On|At|During|Throughout|Since)\b[^,.;:]{{0,60}}?(?:\b(?P<month>{MONTH_PATTERN})\b[^,.;:]{{0,8}}?)?"
    r"\b(?P<year>(?:19|20)\d\d)\b"
    r"|When\b[^,.;:]{0,80}?\b(?:was|were|\w+ed)\b[^,.;:]{0,80},"  # "When AUKUS was first announced,"
    r"|Since\b|\w+ (?:years?|months?|weeks?) ago\b|Last (?:year|month|week)\b"
    r"|Earlier (?:this|that) (?:year|month)\b|Previously,|In the past\b|Over the past\b)", re.IGNORECASE)
# Past forms of commitment verbs that do not end in "-ed".
_IRREGULAR_PAST = frozenset("took made held set began gave led sought undertook brought sent met won laid put".split())


def _tells_the_past(text: str, main: VerbHit, date: str) -> bool:
    """Whether the clause opens on a time before ``date`` (any past time when it is unknown) and
    its commitment verb is in the past tense ("announced", "have launched")."""
    m = _PAST_OPENER.match(text)
    if m is None or m.end() > main.start:
        return False
    first = main.text.split()[0].lower()
    if not (first.endswith("ed") or first in _IRREGULAR_PAST):
        return False
    before = last_words(text[m.end():main.start], 1)
    if before and before[0].lower() in _NOT_PAST_BEFORE:
        return False  # "will be launched", "to be decided"
    if m.group("year") and date[:4].isdigit():
        month = MONTHS[m.group("month").capitalize()] if m.group("month") else 0
        return (int(m.group("year")), month) < (int(date[:4]), int(date[5:7] or 0))
    return True


def _was_decided(text: str, main: VerbHit) -> bool:
    """ "The first major initiative of AUKUS was our decision to support ...": a commitment verb in
    the infinitive whose sentence's own verb is a past "was" or "were" tells what was decided then."""
    if not main.text.lower().startswith("to "):
        return False
    before = [w.lower() for w in words(text[:main.start])]
    return any(w in ("was", "were") for w in before) and not any(w in _NOT_PAST_BEFORE for w in before)


def _describes_purpose(text: str, main: VerbHit) -> bool:
    """ "This plan is designed to support ...", "The fund is intended to help ...": what a thing is
    made for, not what a party commits to."""
    hit = main.text.lower()
    before = [w.lower() for w in last_words(text[:main.start], 2)]
    if hit.startswith(("intended to", "meant to", "designed to", "aimed at")):
        return before[-1:] != [] and before[-1] in BE_FORMS
    return hit.startswith("to ") and len(before) == 2 and before[0] in BE_FORMS and before[1] in _PURPOSE


_PURPOSE = frozenset("designed intended meant aimed tailored".split())

_NOT_PAST_BEFORE = frozenset("will shall would could should may might must can to be being".split())


def _main_verb(text: str, hits: list[VerbHit], cjk: bool) -> VerbHit | None:
    """The clause's own commitment verb among ``hits``, or None when every one belongs elsewhere."""
    # Japanese puts the verb last; English first, after any leading subordinate clause ("When AUKUS
    # was first announced, we pledged ...", "To support further progress, we continue ...").
    if cjk:
        return hits[-1]
    main = hits[0]
    first = words(text[:1 + text.find(" ")] if " " in text else text)
    comma = text.find(",")
    if first and comma > main.start and (first[0].lower() in _SUBORDINATORS or first[0].lower().endswith("ing")):
        later = [h for h in hits if h.start > comma]
        if later:
            main = later[0]
    # A verb inside a relative clause ("the work programme, which we launched in May, has ...",
    # "challenges that call for ...") is not the clause's own: take the next one, or none.
    rest = [h for h in hits if h.start >= main.start]
    while rest and (_in_relative(text, rest[0]) or _infinitive(text, rest[0]) or _in_aside(text, rest[0])
                    or _in_contact_relative(text, rest[0])):
        rest = rest[1:]
    return rest[0] if rest else None


def _stance(text: str, hits: list[VerbHit], main: VerbHit, cjk: bool,
            lexicon: Lexicon) -> tuple[str, VerbHit | None]:
    """The clause's stance, and the verb a reporting verb reports ("stated that he welcomed") if any."""
    stance = main.stance
    reported: VerbHit | None = None
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
    return stance, reported
