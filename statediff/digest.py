"""What matters most in a comparison: a short ranked list that leads every report.

An analyst handed two statements asks first what moved in the commitments, not which words changed.
The digest answers with at most :data:`DIGEST_SIZE` items, ranked by a fixed rule:

1. a stance shift in a clause kept: a negation flipped, a commitment strengthened or softened, a
   decision changed ("voted to raise" -> "left unchanged");
2. a kept clause that starts or stops voicing alarm (its stance changed to or from condemn, oppose
   or concern), unless both sides only restate and the side without alarm only reaffirms
   ("reiterate our strong condemnation of the war" -> "reiterated the central role of the TTC":
   what is restated changed, not the stance) or, between two accounts, one only relays the point
   ("He also noted" against "expressed strong concerns over"); a change of modality ("will" ->
   "may"; the future "will" coming or going alone, "will continue" -> "continue", changes no
   commitment, nor does a clause that is a commitment on one side only: "The Policy Pillar led
   efforts" -> "These efforts seek to"), a scope widened or narrowed, a hedge added or removed ("as
   appropriate"), a number changed in a clause that is a commitment on both sides (a date, the
   number of a yearly meeting such as "COP28", or a figure of a narrative that became a commitment,
   is not such a number; a deadline is: "net zero by 2050" -> "by 2060");
3. a commitment added whose stance is one of the strongest (condemn, oppose, concern, commit), by a
   party: what a thing will do ("These platforms will allow members to ...", "The steps we are
   announcing today will help ...") is told rather than committed to, and ranks after every
   commitment a party makes (7); what the thing the clause before has just brought in will do, when
   that clause is a commitment added (or dropped) too, is part of that clause's item ("Canada
   established a new advisory panel ... This advisory panel will catalyze ...", "endorsed guidance
   ... The guidance underscores ..."; "This agreement will enable ..." after a narrative of its
   signing stays);
4. up to :data:`TERMS_SHOWN` key terms that appear or vanish (:mod:`statediff.terms`: names,
   acronyms and compounds only one document uses, such as "de-risk" or "AUKUS Pillar II"), in places
   kept for them: the other items fill the rest, so that no list of commitments leaves the terms
   out; a term that vanishes from kept clauses and the one their later wordings bring in instead are
   one item ("term replaced": "Paris" -> "Tokyo"); one clause, one item: a term one of whose clauses
   the other items list is seen there, and its place goes to them, not to a term used less
   ("Russia's" in "We condemn attacks by Russia on Ukraine's infrastructure", "Kenya" in "We also
   will provide technical assistance to help Kenya"), and an item past those the digest lists all of
   whose clauses a listed term names is part of that term's item; a later statement with fewer than
   four in five of the earlier one's clauses (:data:`SHORTER`) is too short to restate it, and no
   term vanishes from it; an acronym used only in clauses that go on in the other document (kept, or
   a likely rewrite) is a short name for what they still say ("foreign direct investment (FDI)
   screening" where the other said "investment screening"), no term;
5. any other commitment added;
6. a commitment dropped that voiced alarm (condemn, oppose, concern: a statement that stops
   condemning is news) or restraint ("will not acquire nuclear weapons"), and an added clause that
   is the tail of a sentence cut in two (it begins in lower case: "and strongly oppose any
   attempt"), with one of the strongest stances (a weaker tail, "and reaffirmed their continued
   close cooperation", leaves what it says to its sentence's head; the tail of a narrative or a
   remark, "We engaged with ..., and conveyed these concerns directly to China", is no item, nor is one
   that only goes on, naming nothing new, as in 7). Other commitments dropped are
   left to the full report: a statement does not restate everything the last one said, and a plan
   carried out is not said again; of the commitments dropped that two reviewers judged in the
   digests of the corpora, 4 in 127 were headline news, against 49 in 104 of those added, and so
   in every series. A tail whose sentence's
   head is added too, with a stance as strong, is part of that item; of the added tails, 3 in 21
   were headline news (against 46 in 124 of the other added commitments). Between two accounts of
   one meeting, what only one says ranks as an added commitment does, whichever side says it (what
   one reports a party said counts: "Kishi said ..."), and the two sides take turns within a tier,
   as their key terms do; what one relays as only said, hoped or to be discussed ("described Japan
   and France as indispensable partners", "officials have said they hope", "may also discuss")
   ranks after what either says was agreed or voiced (7), when it names what the other does not;
7. what a thing will do, added (see 3); between two accounts, what one only relays as said, hoped
   or to be discussed (see 6); what a party continues or remains committed to, or says it is
   doing, added ("We will continue to work together", "We remain committed to", "We are working
   together to"; not a form the lexicon lists, "are endorsing"): going on with it is not new
   (of the 13 such items two reviewers judged in the corpora's digests, 1 was headline news,
   against 46 of 110 other added commitments); between two versions, a view affirmed anew, whose
   stance only affirms ("reaffirm that", "shared the view"): it takes no step (of the 28 such items
   two reviewers judged, 3 were headline news, against 48 of 113 added commitments of other
   stances; between two accounts it keeps its rank). Either is listed only when it names what the
   other document never does, a key term or a figure other than a date ("We remain committed to
   advancing a lasting peace between Armenia and Azerbaijan", "affirmed the importance of peace and
   stability in the Taiwan Strait"), or voices alarm, or refuses; the rest is left to the full
   report ("We reaffirmed our commitment to AUKUS and to a free and open Indo-Pacific", "We remain
   committed to high levels of transparency"): of the 27 such clauses the reviews judged between
   two versions, 11 were noise and 1 headline news, against 2 and 2 of the 15 that name something
   new. So between two accounts, for what one relays as said, hoped or to be discussed too
   ("described Japan and France as indispensable partners"): of the 7 such items of the seeds'
   two accounts, 6 were noise to two reviewers and none headline news.

Left to the full report, neither listed nor counted: between two versions, a view stated anew, an
affirming clause whose verb only states a view held (the lexicon's ``view_verbs``: "We recognize its
indispensable role", "We are united in our belief"; not "We do not recognize", "We note with
concern"); going on with what was just said, or restating it ("and will continue to advance this
work", "continue these efforts", "We reaffirm our shared commitment to this historic partnership",
"we recommit ourselves to these values"); going on with, affirming or (between two accounts)
relaying what names nothing the other document does not (see 7); a commitment added or dropped that
is probably rewritten rather than new or gone (the report suggests it may continue a clause of the
other document, similarity 0.2 or more, or the other document still holds most of its words,
:data:`CARRIED_OVER` of their weight, rarer words weighing more); a stance shift in a kept clause
that moved and is only loosely alike (similarity under 0.5: "a reciprocal mechanism has been put in
place" under "Semiconductors" and "will explore putting in place a reciprocal mechanism" under
"Clean Energy Incentives" are two mechanisms); the sections added, dropped or renamed, which the
report's section table lists.

A move among the stances that affirm a view held ("share the view" -> "reaffirm their view") is no
strengthening for the digest (the label stays in the report).

Within a tier, clauses with the more salient stance come first (the lexicon's ``salience``), then
reading order. Narrative and context clauses added or dropped, courtesies (thanks, statements,
hopes), list lead-ins and rewordings without a stance shift are left to the full report. Items
past the limit are counted, not listed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from itertools import zip_longest

from .clause_vectors import FUNCTION_WORDS, folded_words, stem
from .lexicon import Lexicon, default_lexicon
from .model import Clause, Comparison, Digest, DigestItem, Document, Pair
from .term_words import is_acronym
from .terms import KeyTerm, key_terms
from .textkit import MONTH_PATTERN

__all__ = ["DIGEST_SIZE", "SHORTER", "TERMS_SHOWN", "Digest", "DigestItem", "digest"]

#: The most items a digest lists.
DIGEST_SIZE = 15
#: The most key terms listed among them, in places of their own (the rest are not counted:
#: :func:`statediff.terms.key_terms` gives them all).
TERMS_SHOWN = 3

# label -> (tier, what the item is called)
_SHIFTS = {
    "negation-flip": (1, "negation flipped"),
    "strengthened": (1, "strengthened"),
    "softened": (1, "softened"),
    "modality-change": (2, "modality changed"),
    "widened": (2, "widened"),
    "narrowed": (2, "narrowed"),
    "hedge-added": (2, "hedge added"),
    "hedge-removed": (2, "hedge removed"),
    "number-change": (2, "number changed"),
}
#: A later statement with fewer clauses than this share of the earlier one's is too short to restate
#: it: the names it leaves out have not vanished. Of the vanishing terms two reviewers judged in the
#: corpora's and seeds' digests, the 11 after a statement at most 0.76 as long were 10 noise and 1
#: minor; the 6 after one at least 0.9 as long were 3 headline news, 1 minor and 2 noise.
SHORTER = 0.8
#: A kept clause that moved (out of its order, most often into another section) with a similarity
#: below this may be another commitment: what its wording changed says little of a stance shift.
_LOOSE_MOVE = 0.5
#: A suggestion at least this similar makes an added or dropped commitment a likely rewrite.
_LIKELY_REWRITE = 0.2
#: Share of an added or dropped clause's words (weighted by inverse document frequency over the
#: clauses of both documents) that the other document also uses, from which the clause is a likely
#: rewrite. On the corpora's digests as two reviewers judged them, clauses past it were judged noise
#: twice as often as headline (27 and 5 of 51), the others the other way round; in each series alike.
CARRIED_OVER = 0.7
#: Stances of courtesy and report, not of policy: thanks, congratulations, statements, hopes.
_COURTESY = frozenset({"welcome", "state", "expect", "exchange_views"})
#: Stances that name a decision: a change of the decision verb is a change of the decision.
_DECIDING = frozenset({"agree", "commit"})
_STRONG = frozenset({"condemn", "oppose", "concern", "commit"})
#: Stances that affirm a view held: moving among them restates it ("share the view" -> "reaffirm
#: their view") rather than strengthens or softens it.
_AFFIRMING = frozenset({"share_view", "confirm", "reaffirm"})
#: Modalities of a plain commitment: the future "will" coming or going alone changes none.
_FUTURE = frozenset({"", "will"})
# Words that open the name of a thing rather than of a party ("This agreement", "Our efforts").
_THING_DETERMINERS = frozenset("this these that those the such our its their".split())
#: Verbs that carry on what was under way: "will continue to work", "remain committed to".
_CARRIES_ON = frozenset({"continue", "continues", "continuing", "remain", "remains"})
#: Going on with what was just said, or restating it, read from the clause's own verb (one that
#: carries on, or restates): "will continue to advance this work", "continue to refine and adapt this
#: forum", "continue these efforts", "remain committed to such outreach", "reaffirm our shared
#: commitment to this historic partnership" (at most four lower-case words between the verb and
#: "this", "these" or "such").
_GOING_ON_WITH_THAT = re.compile(r"(?:\s+[a-z]+){0,4}?\s+(?:this|these|such)\s+[a-z]")
_ALARM = frozenset({"condemn", "oppose", "concern"})  # a kept clause that starts or stops voicing alarm
#: Stances that relay a point made (it was said, discussed) rather than take a side on it; so does a
#: view stated ("noted", the lexicon's ``view_verbs``).
_RELAYING = frozenset({"state", "exchange_views"})
_QUOTE = 48  # characters of each side of an edit shown in an item
_OPENING = 90  # characters of an added or dropped clause shown


def digest(c: Comparison, *, lexicon: Lexicon | None = None, size: int = DIGEST_SIZE) -> Digest:
    """The digest of comparison ``c`` (see the module's documentation for the rule)."""
    lexicon = lexicon or default_lexicon()
    salience = lexicon.salience
    ranked: list[tuple[int, int, int, DigestItem]] = []
    reading = _Reading(c, lexicon)
    for order, p in enumerate(c.pairs):
        for item, tier in _items(p, c, reading):
            ranked.append((tier, -salience.get(item.stance, -1), order, item))
    ranked.sort(key=lambda r: r[:3])
    if c.mode == "accounts":
        ranked = _take_turns(ranked)
    # The key terms have places of their own: listed after the strongest commitments, they never
    # take the place of one, nor does a long list of commitments leave them out. A term one of whose
    # clauses the other items list is seen there, and its place goes to them.
    found = list(reading.terms)
    if c.mode == "revision" and len(c.right.clauses) < SHORTER * len(c.left.clauses):
        found = [t for t in found if t.side == "right"]  # a shorter statement leaves out, it does not drop
    if c.mode == "accounts":  # each account's own terms in turn
        found = [t for pair in zip_longest([t for t in found if t.side == "right"], [t for t in found if t.side == "left"])
                 for t in pair if t is not None]
    places = min(TERMS_SHOWN, size)
    terms = [(4, 0, order, _term_item(*edit)) for order, edit in enumerate(_one_edit(found, c)[:places])]
    while True:  # one clause, one item: a term one of whose clauses the other items list is seen there
        listed = _listed(ranked[:size - len(terms)])
        seen = [t for t in terms if not (set(t[3].left) & listed["left"] or set(t[3].right) & listed["right"])]
        if len(seen) == len(terms):
            break
        terms = seen  # its place goes to the other items, which the terms left are checked against again
    # An item past those listed all of whose clauses a term names is part of its item.
    named = _listed(terms)
    ranked = [r for r in ranked if r[0] < 4 or not (set(r[3].left) <= named["left"] and set(r[3].right) <= named["right"])]
    kept = ranked[:size - len(terms)]
    items = tuple(r[3] for r in sorted(kept + terms, key=lambda r: r[:3]))
    if c.mode == "accounts":
        items = tuple(DigestItem(", ".join(_ACCOUNT_WORDS.get(w, w) for w in i.label.split(", ")), i.left, i.right,
                                 i.what, i.stance) for i in items)
    return Digest(items, max(0, len(ranked) - len(kept)))


def _take_turns(ranked: list[tuple[int, int, int, DigestItem]]) -> list[tuple[int, int, int, DigestItem]]:
    """Two accounts of one meeting: within a tier, what only one says and what only the other says
    take turns, each side's best first, so that neither account's own points crowd out the other's."""
    seen: dict[tuple[int, bool], int] = {}
    turns = []
    for n, (tier, _, _, item) in enumerate(ranked):
        key = (tier, bool(item.right))
        turns.append((tier, seen.get(key, 0), n, item))  # the turn takes the salience's place in the key
        seen[key] = seen.get(key, 0) + 1
    return sorted(turns, key=lambda t: t[:3])


def _listed(ranked: list[tuple[int, int, int, DigestItem]]) -> dict[str, set[str]]:
    """The clause numbers the items name, by side ("left", "right")."""
    return {"left": {n for r in ranked for n in r[3].left}, "right": {n for r in ranked for n in r[3].right}}


# Between two accounts of one meeting nothing is added or dropped: one says it, the other does not.
_ACCOUNT_WORDS = {"commitment added": "only in B", "commitment dropped": "only in A", "term appears": "term only in B",
                  "term vanishes": "term only in A", "term replaced": "term differs", "strengthened": "stronger in B",
                  "softened": "softer in B", "widened": "wider in B", "narrowed": "narrower in B"}


class _Reading:
    """What the digest reads a comparison with: the lexicon's salience, words for parties, restating
    verbs and view verbs; how much of a clause's wording the other document still uses, which clauses
    are likely rewritten or go on in it, and which it does not match at all."""

    def __init__(self, c: Comparison, lexicon: Lexicon) -> None:
        import math

        self.salience = lexicon.salience
        self.accounts = c.mode == "accounts"
        self._restating = frozenset(v.casefold() for v in lexicon.section("verbs", {}).get("reaffirm", ()))
        self._committing = frozenset(v.casefold() for v in lexicon.section("verbs", {}).get("commit", ()))
        self._forms = frozenset(w.casefold() for forms in lexicon.section("verbs", {}).values() for v in forms
                                for w in v.split())
        self._views = frozenset(_verb_key(v) for v in lexicon.section("view_verbs", ()))
        # Between two accounts of one meeting, what one reports a party said is what it says happened.
        self.substantive = _substantive if c.mode == "revision" else (lambda cl: cl.kind == "commitment")
        self._parties = lexicon.actor_words
        self._stems = lambda text: {stem(w) for w in folded_words(text) if w not in FUNCTION_WORDS and len(w) > 2}
        left = [self._stems(cl.text) for cl in c.left.clauses]
        right = [self._stems(cl.text) for cl in c.right.clauses]
        df: dict[str, int] = {}
        for stems in left + right:
            for s in stems:
                df[s] = df.get(s, 0) + 1
        n = len(left) + len(right)
        self._idf = {s: math.log((1 + n) / (1 + k)) + 1 for s, k in df.items()}
        self._vocab = {"left": set().union(*left), "right": set().union(*right)}
        self._unmatched = {("left", i) for p in c.pairs if not p.right_index for i in p.left_index} | {
            ("right", j) for p in c.pairs if not p.left_index for j in p.right_index}
        # The added and dropped pairs probably rewritten rather than new or gone: the report suggests
        # they may continue a clause of the other document (similarity 0.2 or more), or the other
        # document still holds most of their words (CARRIED_OVER). Read once, for the items and the terms.
        self._rewritten = {(p.left, p.right) for p in c.pairs if not (p.left and p.right) and (
            p.suggestions and p.suggestions[0].score >= _LIKELY_REWRITE
            or self.share([c.right.clauses[j] for j in p.right_index] or [c.left.clauses[i] for i in p.left_index],
                          "left" if p.right_index else "right") >= CARRIED_OVER)}
        # The clauses that go on in the other document: kept, or likely rewritten.
        self._going_on = {(side, n) for p in c.pairs if p.left and p.right or (p.left, p.right) in self._rewritten
                          for side, numbers in (("left", p.left), ("right", p.right)) for n in numbers}
        #: The key terms that appear or vanish, and the clauses that name them.
        self.terms = tuple(t for t in key_terms(c.left, c.right, lexicon=lexicon, substantive=self.substantive)
                           if not _shorthand(t, self))
        self._naming = {(t.side, n) for t in self.terms for n in t.numbers}
        self._docs = {"left": c.left, "right": c.right}
        self._figures: dict[str, set[str]] = {}  # each document's figures, read when first asked

    def rewritten(self, p: Pair) -> bool:
        """Whether an added or dropped pair is probably rewritten rather than new or gone."""
        return (p.left, p.right) in self._rewritten

    def goes_on(self, side: str, number: str) -> bool:
        """Whether clause ``number`` of document ``side`` goes on in the other document: kept, or
        suggested as a likely rewrite of one of its clauses (similarity 0.2 or more)."""
        return (side, number) in self._going_on

    def unmatched(self, side: str, index: int) -> bool:
        """Whether clause ``index`` of document ``side`` is added or dropped (matched to nothing)."""
        return (side, index) in self._unmatched

    def carries_on(self, commitments: Sequence[Clause]) -> bool:
        """Whether every one of the commitments carries on what was under way: "will continue to",
        "remain committed to", or what the parties say they are doing ("We are working together to";
        not a form the lexicon lists, "are endorsing", "are launching", which does it now)."""
        return all(_CARRIES_ON.intersection(words) or len(words) > 1 and words[0] in ("are", "is")
                   and words[-1].endswith("ing") and words[-1] not in self._forms
                   for words in (cl.verb.casefold().split() for cl in commitments))

    def brings_in(self, side: str, clauses: Sequence[Clause]) -> bool:
        """Whether the clauses of document ``side`` name what the other never does: a key term, or a
        figure other than a date ("6G", "USD 17.5 billion"; not "2023", "14 March")."""
        other = "left" if side == "right" else "right"
        return any((side, cl.number) in self._naming or _figures(cl.text) - self._figures_of(other) for cl in clauses)

    def _figures_of(self, side: str) -> set[str]:
        if side not in self._figures:
            self._figures[side] = set().union(*(_figures(cl.text) for cl in self._docs[side].clauses))
        return self._figures[side]

    def restates(self, cl: Clause) -> bool:
        """Whether the clause's own verb restates a position held ("reiterate our strong condemnation",
        "We reaffirm shared concerns", "reconfirmed the serious concern", "we recommit ourselves"): the
        lexicon's reaffirming verbs, and its committing verbs made again ("re" and one of them)."""
        verb = (cl.verb.casefold().split() or [""])[0]
        return verb in self._restating or verb.startswith("re") and verb[2:].lstrip("-") in self._committing

    def views(self, cl: Clause) -> bool:
        """Whether the clause only states a view held: its own verb is one of the lexicon's
        ``view_verbs`` ("recognize", "recall", "believe", "united in our belief") and it affirms it
        ("We do not recognize the results", "We note with concern" take a side)."""
        return cl.stance in _AFFIRMING and not cl.negated and _verb_key(cl.verb) in self._views

    def thing(self, actor: str) -> bool:
        """Whether ``actor`` names a thing, not a party: "These platforms", "The agreement", "Our
        efforts" (not "The four Ministers", "The Pillar", "We")."""
        words = actor.split()
        return len(words) > 1 and words[0].casefold() in _THING_DETERMINERS and all(w.islower() for w in words[1:]) \
            and not any(w.strip(",") in self._parties for w in words[1:])

    def share(self, clauses: Sequence[Clause], other: str) -> float:
        """The weighted share of the clauses' words that document ``other`` ("left", "right") uses."""
        stems = set().union(*(self._stems(cl.text) for cl in clauses))
        total = sum(self._idf.get(s, 1.0) for s in stems)
        if not total:
            return 0.0
        return sum(self._idf.get(s, 1.0) for s in stems if s in self._vocab[other]) / total


def _items(p: Pair, c: Comparison, reading: _Reading) -> list[tuple[DigestItem, int]]:
    lc = [c.left.clauses[i] for i in p.left_index]
    rc = [c.right.clauses[j] for j in p.right_index]
    if p.status in ("added", "dropped"):
        return _come_or_gone(p, c, rc if p.status == "added" else lc, reading)
    if p.status != "changed":
        return []
    if p.moved and p.score < _LOOSE_MOVE:
        return []  # moved elsewhere and only loosely alike: maybe another commitment, the report shows it
    return _changed_items(p, lc, rc, reading)


def _come_or_gone(p: Pair, c: Comparison, side: list[Clause], reading: _Reading) -> list[tuple[DigestItem, int]]:
    """The item of an added or dropped pair (``side``: its clauses), and its tier."""
    salience = reading.salience
    commitments = [cl for cl in side if reading.substantive(cl)
                   and not cl.text.rstrip().endswith((":", "\uff1a", ",", "\u3001"))]
    if not commitments:
        return []  # narrative, courtesies ("congratulated", "expressed his appreciation"), lead-ins and
        # fragments that a comma ends ("We are committed to working with them,")
    stance = _stance(commitments, salience)
    text = " ".join(cl.text for cl in side)
    tail = text[:1].islower()  # the tail of a sentence cut in two ("and acknowledge the progress")
    head = _head(c, p, side) if tail else None
    if head is not None and (head.kind != "commitment" or head.stance == "state"):
        return []  # it goes on with a narrative or a remark: "We engaged with ..., and conveyed these concerns"
    dropped = p.status == "dropped" and c.mode == "revision"
    if dropped and stance not in _ALARM and not any(cl.negated for cl in commitments):
        return []  # most often only not restated, or done: left to the full report
    item = DigestItem(f"commitment {p.status}", p.left, p.right, _opening(text), stance)
    if reading.rewritten(p):
        return []  # probably rewritten rather than new (or gone): the report shows what it may continue
    if stance not in _ALARM and all((reading.carries_on([cl]) or reading.restates(cl)) and _goes_on_with_that(cl)
                                    for cl in commitments):
        return []  # "and will continue to advance this work", "we reaffirm our commitment to this
        # partnership": what it goes on with or restates, its sentence or paragraph has just said
    if dropped:
        return [(item, 6)]  # a statement that stops voicing alarm: after what the later one says anew
    if tail:
        if stance not in _STRONG:
            return []  # "and reaffirmed their continued close cooperation": the sentence's head says it
        head = _head_come_or_gone(c, p, side, reading)
        if head is not None and salience.get(stance, -1) <= salience.get(head.stance, -1):
            return []  # the head of its sentence, added or dropped too and as strong, is the item
        if reading.carries_on(commitments) and not _news(p, commitments, stance, reading):
            return []  # "and will continue to support the development of ...": going on, nothing new
        return [(item, 7 if reading.carries_on(commitments) else 6)]
    if c.mode == "accounts" and stance in _COURTESY:  # what a report relays as said, hoped or to be discussed
        if not _news(p, commitments, stance, reading):
            return []  # names nothing the other account does not
        return [(item, 7)]  # after what was agreed
    if all(reading.thing(cl.actor) for cl in commitments):
        head = _head_come_or_gone(c, p, side, reading)
        if head is not None and all(_refers_to(cl.actor, head) for cl in commitments):
            return []  # "This advisory panel will catalyze ...": what the thing the clause before
            # has just brought in will do is part of that clause's item
        return [(item, 7)]  # what a thing will do ("These platforms will allow ...") is told, not committed to
    if c.mode == "revision" and all(reading.views(cl) for cl in commitments):
        return []  # "We recognize its indispensable role", "We are united in our belief": a view stated
    going_on = reading.carries_on(commitments)  # "we will continue to", "we remain committed to"
    affirmed = all(cl.stance in _AFFIRMING for cl in commitments)  # no step taken
    if not (going_on or affirmed):
        return [(item, 3 if stance in _STRONG else 5)]
    if not _news(p, commitments, stance, reading):
        return []  # going on with, or affirming, what names nothing the earlier statement did not
    if c.mode == "accounts" and not going_on:
        return [(item, 3 if stance in _STRONG else 5)]
    return [(item, 7)]  # going on is not new; a view affirmed ("reaffirm that", "shared the view")


def _news(p: Pair, commitments: Sequence[Clause], stance: str, reading: _Reading) -> bool:
    """Whether clauses that only go on, affirm a view or relay a point are news all the same: they
    voice alarm, refuse, or name what the other document never does (a key term, a figure)."""
    return stance in _ALARM or any(cl.negated for cl in commitments) \
        or reading.brings_in("right" if p.right else "left", commitments)


def _head(c: Comparison, p: Pair, side: Sequence[Clause]) -> Clause | None:
    """The clause before a tail (a clause that begins in lower case) in its paragraph: the head of
    the sentence it was cut from."""
    index = (p.right_index or p.left_index)[0]
    head = _doc(c, "right" if p.right_index else "left").clauses[index - 1] if index else None
    return head if head is not None and head.block == side[0].block else None


def _head_come_or_gone(c: Comparison, p: Pair, side: Sequence[Clause], reading: _Reading) -> Clause | None:
    """The clause before an added or dropped pair in its paragraph (:func:`_head`) when it is a
    substantive clause added or dropped too: an item of its own, which the pair may be part of."""
    head = _head(c, p, side)
    this = "right" if p.right_index else "left"
    if head is None or not reading.unmatched(this, (p.right_index or p.left_index)[0] - 1) \
            or not reading.substantive(head):
        return None
    return head


def _refers_to(actor: str, head: Clause) -> bool:
    """Whether a thing named as an actor points back to the clause before: "This step", "These
    platforms", or "The guidance" after a clause that speaks of guidance."""
    words = actor.casefold().split()
    if words[0] in ("this", "these", "such"):
        return True
    return words[0] == "the" and stem(words[-1]) in {stem(w) for w in folded_words(head.text)}


def _goes_on_with_that(cl: Clause) -> bool:
    """Whether the clause, read from its own verb, goes on with "this", "these" or "such" (what was
    just said): "will continue to advance this work", "reaffirm our commitment to these values"."""
    at = cl.text.find(cl.verb) if cl.verb and not cl.negated else -1
    return at >= 0 and _GOING_ON_WITH_THAT.match(cl.text, at + len(cl.verb)) is not None


_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
_DIGIT = re.compile(r"\d")  # any digit, full-width ones too


def _figures(text: str) -> set[str]:
    """The figures of ``text``, read in half-width digits: dates ("14 March", "2023"), list markers
    and the numbers of recurring meetings ("COP28", "G20") aside (:data:`_DATE_PART`)."""
    if not _DIGIT.search(text):
        return set()
    return set(_FIGURE.findall(_DATE_PART.sub(" ", unicodedata.normalize("NFKC", text))))


def _doc(c: Comparison, side: str) -> Document:
    return c.right if side == "right" else c.left


def _changed_items(p: Pair, lc: list[Clause], rc: list[Clause], reading: _Reading) -> list[tuple[DigestItem, int]]:
    """The item of a changed pair, and its tier: a decision changed, or the stance shifts it carries."""
    salience = reading.salience
    shifts = [label for label in p.labels if label in _SHIFTS]
    if {cl.stance for cl in lc + rc} <= _AFFIRMING:  # "share the view" -> "reaffirm their view"
        shifts = [label for label in shifts if label not in ("strengthened", "softened")]
    committed = all(any(cl.kind == "commitment" for cl in side) for side in (lc, rc))
    if not committed or not _number_replaced(p):
        # a date, or a figure of the narrative or the preamble ("represent 780 million people" ->
        # "representing nearly 800 million citizens, ... reaffirm our commitment"): no commitment's
        shifts = [label for label in shifts if label != "number-change"]
    if {cl.modality for cl in lc + rc} <= _FUTURE or not committed:
        # "will continue" -> "continue" changes no commitment; a narrative or context clause ("The
        # Policy Pillar led efforts to ...") has no modality: the clause became a commitment
        shifts = [label for label in shifts if label != "modality-change"]
    decision = _decision_change(lc, rc, reading)
    verbs = [cl.verb for cl in lc + rc]  # an item shows the change of the clause's own verb first
    if decision and not any(_SHIFTS[label][0] == 1 for label in shifts):  # the classifier's reading first
        tier = 1 if decision == "decision changed" else 2
        return [(DigestItem(decision, p.left, p.right, _edit_words(p, verbs=verbs), _stance(rc, salience)), tier)]
    if not shifts:
        return []
    tier = min(_SHIFTS[label][0] for label in shifts)
    names = ", ".join(_SHIFTS[label][1] for label in shifts)
    figures = shifts == ["number-change"]  # show the figure that changed, not the rewording before it
    return [(DigestItem(names, p.left, p.right, _edit_words(p, figures, verbs), _stance(rc or lc, salience)), tier)]


_MONTH = (rf"\b(?:{MONTH_PATTERN}"
          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b\.?")  # not "Market", "Mayor"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?(?:\s*[-\u2013]\s*\d{1,2}(?:st|nd|rd|th)?)?(?!\d)"  # "17", "17-18"
_DATE_PART = re.compile(rf"{_MONTH}\s+{_DAY}|{_DAY}\s+(?:of\s+)?{_MONTH}"
                        r"|\b(?:19|20)\d\d\b|(?:19|20)\d\d\u5e74|\d{1,2}[\u6708\u65e5]"  # "2023年5月10日"
                        r"|\(\d{1,2}\)|" + _MONTH  # and list markers, "(2)"
                        # and the numbers of recurring meetings: "26th" session, "COP26", "G20"
                        + r"|\b\d+(?:st|nd|rd|th)\b|\b[A-Z]{1,4}\d{1,2}\b")


def _number_replaced(p: Pair) -> bool:
    """Whether the pair replaces a figure by another ("2 billion" -> "3 billion"): an edit with a
    number on both sides, dates ("December 16" -> "January 27", "2015" -> "2016"), list markers
    ("(2)") and the numbers of recurring meetings ("26th" -> "28th", "COP26" -> "COP28") aside; but a
    deadline is a figure ("net zero by 2050" -> "by 2060", "by the end of 2025" -> "of 2026"). A
    number that only comes or goes with a rewritten passage is no changed figure."""
    before = ""
    for e in p.edits:
        if e.op == "replace" and (all(any(ch.isdigit() for ch in _DATE_PART.sub("", side)) for side in (e.left, e.right))
                                  or _DEADLINE.search(before) and all(_YEAR.match(side) for side in (e.left, e.right))):
            return True
        before += e.left
    return False


# What a year after it is the deadline of: "by 2050", "no later than 2030", "by the end of 2025".
_DEADLINE = re.compile(r"\b(?:by|until|before|no later than)(?:\s+the\s+(?:end|middle|start|beginning)\s+of)?\s*\Z",
                       re.IGNORECASE)
_YEAR = re.compile(r"\s*(?:19|20)\d\d\b")


def _substantive(cl: Clause) -> bool:
    """A commitment of policy, not a courtesy."""
    return cl.kind == "commitment" and cl.stance not in _COURTESY


def _decision_change(left: Sequence[Clause], right: Sequence[Clause], reading: _Reading) -> str:
    """"decision changed" when a kept commitment's deciding verb changed ("voted to raise" -> "left
    unchanged", "approved" -> "took no action"); "stance changed: X -> Y" when its stance class did
    ("support" -> "concern") and the clause voices the alarm it starts or stops, rather than restating
    or relaying it; "" otherwise."""
    lc = [cl for cl in left if cl.kind == "commitment"]
    rc = [cl for cl in right if cl.kind == "commitment"]
    if len(lc) != 1 or len(rc) != 1:
        return ""
    a, b = lc[0], rc[0]
    if a.stance != b.stance and a.stance and b.stance and {a.stance, b.stance} & _ALARM:
        if reading.restates(a) and reading.restates(b) and "reaffirm" in (a.stance, b.stance):
            return ""  # "reiterate our strong condemnation of the war" -> "reiterated the central role of the
            # TTC": each restates a standing position; what it restates changed, not its stance
        if reading.accounts and any(cl.stance in _RELAYING or reading.views(cl) for cl in (a, b)):
            return ""  # "He also noted North Korea's missile development" in a news report relays the point
            # made; "expressed strong concerns over" in the readout takes no other side of it
        return f"stance changed: {a.stance} \u2192 {b.stance}"
    if a.stance == b.stance and a.stance in _DECIDING \
            and _verb_key(a.verb) != _verb_key(b.verb) and _DECISION.search(b.verb + " " + a.verb):
        return "decision changed"
    return ""


# Verbs that record a decision taken or not taken, as central banks and councils word them.
_DECISION = re.compile(r"\b(?:left|took no|raised?|lowered?|cut|increased?|decreased?|reduced?|maintained?|kept|"
                       r"held|suspend(?:ed)?|lift(?:ed)?|extend(?:ed)?|terminat(?:e|ed)|approved?|rejected?)\b",
                       re.IGNORECASE)


def _verb_key(verb: str) -> str:
    return " ".join(verb.casefold().split())


def _shorthand(term: KeyTerm, reading: _Reading) -> bool:
    """Whether the term is an acronym used only in clauses that go on in the other document: a short
    name for what they still say ("foreign direct investment (FDI) screening" where the other said
    "investment screening"), not a subject that comes or goes."""
    return all(is_acronym(p) for p in term.phrases) and all(reading.goes_on(term.side, n) for n in term.numbers)


def _one_edit(found: Sequence[KeyTerm], c: Comparison) -> list[tuple[KeyTerm, ...]]:
    """The terms in their order, a term that vanishes from kept clauses together with the one their
    later wordings bring in instead: one edit, one item ("Paris" -> "Tokyo" in the clause that names
    the next meeting's venue)."""
    kept: dict[tuple[str, str], int] = {}
    for k, p in enumerate(c.pairs):
        if p.left and p.right:
            kept.update({("left", n): k for n in p.left} | {("right", n): k for n in p.right})

    where = [frozenset(kept.get((t.side, n)) for n in t.numbers) for t in found]  # None: an added or dropped clause
    edits: list[tuple[KeyTerm, ...]] = []
    taken: set[int] = set()
    for k, term in enumerate(found):
        if k in taken:
            continue
        other = next((j for j in range(k + 1, len(found)) if j not in taken and found[j].side != term.side
                      and None not in where[k] and where[j] == where[k]), None)
        if other is None:
            edits.append((term,))
        else:
            taken.add(other)
            edits.append(tuple(sorted((term, found[other]), key=lambda t: t.side != "left")))
    return edits


def _term_item(term: KeyTerm, instead: KeyTerm | None = None) -> DigestItem:
    """The item of a term that appears or vanishes, or of one that another replaces (``term`` is then
    the one that vanishes, ``instead`` the one that appears)."""
    shown = instead or term
    numbers = shown.numbers
    where = f"{len(numbers)} clauses" if len(numbers) > 1 else "1 clause"
    phrases = ", ".join(f"\u201c{p}\u201d" for p in shown.phrases)
    if instead is not None:
        phrases = ", ".join(f"\u201c{p}\u201d" for p in term.phrases) + " \u2192 " + phrases
        return DigestItem("term replaced", term.numbers, numbers, f"{phrases} in {where}: {shown.context}")
    what = f"{phrases} in {where}: {shown.context}"
    if term.side == "right":
        return DigestItem("term appears", (), numbers, what)
    return DigestItem("term vanishes", numbers, (), what)


def _stance(clauses: Sequence[Clause], salience: dict[str, int]) -> str:
    """The most salient stance among the clauses' (the lexicon's order)."""
    stances = [cl.stance for cl in clauses if cl.stance]
    return max(stances, key=lambda s: salience.get(s, -1)) if stances else ""


def _edit_words(p: Pair, figures: bool = False, verbs: Sequence[str] = ()) -> str:
    """The pair's first changes, as "old" -> "new", at most two: with ``figures``, those that replace
    a number first; else those that hold one of the ``verbs`` (the change of the decision or stance
    itself) first. A change of function words alone ("the", "of") is shown only when it is all."""
    parts = []
    edits = [e for e in p.edits if e.op != "equal"]
    content = [e for e in edits if any(w not in FUNCTION_WORDS for w in folded_words(e.left + " " + e.right))]
    edits = content or edits
    if figures:
        edits.sort(key=lambda e: not (e.op == "replace" and all(any(ch.isdigit() for ch in side)
                                                               for side in (e.left, e.right))))
    elif verbs:
        held = [v.casefold() for v in verbs if v]
        edits.sort(key=lambda e: not any(v in (e.left + " " + e.right).casefold() for v in held))
    for e in edits:
        old, new = _clip(" ".join(e.left.split())), _clip(" ".join(e.right.split()))
        parts.append(f"\u201c{old}\u201d \u2192 \u201c{new}\u201d" if old and new else
                     f"+\u201c{new}\u201d" if new else f"\u2212\u201c{old}\u201d")
        if len(parts) == 2:
            break
    return "; ".join(parts)


def _clip(text: str, most: int = _QUOTE) -> str:
    if len(text) <= most:
        return text
    cut = text[:most].rsplit(" ", 1)[0] or text[:most]
    return cut + "\u2026"


def _opening(text: str) -> str:
    return _clip(" ".join(text.split()), _OPENING)
