"""Sections as units: which headed sections of the later document continue which of the earlier one.

A section is a run of consecutive clauses under one heading (:attr:`Clause.section`). Two sections
are paired by what they hold and what they are called: the share of their clauses that the clause
alignment linked to each other (``2 * links / (clauses on both sides)``), the similarity of their
texts and the similarity of their headings (the aligner's :func:`~statediff.aligner.similarity`),
which counts only when the headings share a word that tells sections apart. Two sections with no
linked clause between them pair only when their texts are the closest match of one of them. The one-to-one matching of
largest total weight among pairs reaching :data:`PAIR_BAR` pairs them; a section whose clauses went
mostly to a section paired with another is listed as merged into it. So a heading reworded over the
same commitments is ``renamed``, one whose commitments all left is ``dropped`` even if its words
survive elsewhere, and the order of paired sections gives their moves, as for clauses. A section
whose clauses went mostly to a section paired with another merged into it; one whose clauses came
mostly from a section paired with another split off from it (a readout that adds headings over
what a teleconference said under none).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from .aligner import moved_links, order_links, similarity
from .assignment import assign
from .clause_vectors import FUNCTION_WORDS, folded_words, stem
from .model import Clause, Comparison, Link, Pair, Section, SectionPair, SectionStatus

__all__ = ["sections_of", "pair_sections", "group_kind", "group_titles", "group_openers", "bare_title", "headings_of_pairs",
           "display_order", "dropped_titles", "heading_notes", "PAIR_BAR"]

#: The weight (heading similarity plus share of linked clauses) two sections need to be paired: a
#: quarter of the clauses linked, or headings as similar as a clause pair the aligner links in place.
PAIR_BAR = 0.25


def sections_of(clauses: Sequence[Clause]) -> list[Section]:
    """The runs of consecutive clauses with the same heading, in reading order."""
    out: list[Section] = []
    start = 0
    for k in range(1, len(clauses) + 1):
        if k == len(clauses) or clauses[k].section != clauses[start].section:
            out.append(Section(clauses[start].section, tuple(range(start, k))))
            start = k
    return out


#: A heading word found in more headings than this on one side is the documents' common vocabulary
#: ("Cooperation", "Transatlantic"), not what a section is about.
_COMMON_HEADING_WORD = 2


def _headings_meet(ls: list[Section], rs: list[Section]):
    """Whether each pair of headings shares a word that tells sections apart: "AI Cooperation to
    Address Global Challenges" and "Biotechnology Cooperation to Promote ..." share only the common
    "Cooperation", "Outbound Investment Controls" and "Outbound Investment Security" share "Outbound"."""
    from collections import Counter

    import numpy as np

    def words(sections):
        sets = [{stem(w) for w in folded_words(s.title) if w not in FUNCTION_WORDS and not w.isdigit()} for s in sections]
        common = {w for w, n in Counter(w for ws in sets for w in ws).items() if n > _COMMON_HEADING_WORD}
        return [ws - common for ws in sets]

    lw, rw = words(ls), words(rs)
    return np.array([[bool(a & b) for b in rw] for a in lw], dtype=float).reshape(len(ls), len(rs))


def _joining(linked, partner: dict[int, int], partner_other: dict[int, int]) -> dict[int, list[int]]:
    """For each paired section on the other side (a column of ``linked``), the unpaired sections of
    this side (rows) at least half of whose linked clauses it holds."""
    import numpy as np

    out: dict[int, list[int]] = {}
    for a in range(linked.shape[0]):
        if a in partner or not linked[a].any():
            continue
        b = int(np.argmax(linked[a]))
        if b in partner_other and linked[a, b] * 2 >= linked[a].sum():
            out.setdefault(b, []).append(a)
    return out


def _same(a: str, b: str) -> bool:
    """The same heading but for case, punctuation and spacing ("Trade, Security and" / "Trade,
    Security, and"; "U.S.-EU" / "U.S-EU")."""
    return "".join(folded_words(a)).replace("-", "") == "".join(folded_words(b)).replace("-", "")


def pair_sections(left: Sequence[Clause], right: Sequence[Clause], links: Sequence[Link],
                  group_similarity: Callable[[list[list[int]], list[list[int]]], Any] | None = None
                  ) -> tuple[SectionPair, ...]:
    """The section pairs of two clause sequences aligned by ``links``, in reading order of ``right``:
    every section in exactly one pair, a merged section beside the one it joined (``left``), a section
    split off beside the one it left (``right``).

    ``group_similarity`` (:attr:`statediff.aligner.Alignment.group_similarity`) gives the similarity
    of the sections' texts in the alignment's word space; without it they are compared afresh.
    """
    ls, rs = sections_of(left), sections_of(right)
    if not ls and not rs:
        return ()
    linked = _linked_shares(left, right, ls, rs, links)
    heads = _heading_agreement(ls, rs)
    if group_similarity is not None:
        body = group_similarity([list(s.clauses) for s in ls], [list(s.clauses) for s in rs])
    else:
        body = similarity([" ".join(left[i].text for i in s.clauses) for s in ls],
                          [" ".join(right[j].text for j in s.clauses) for s in rs])
    groups = _section_groups(ls, rs, linked, heads, body)
    moved = moved_links([Link(g.left[:1], g.right, g.score) for g in groups])
    return tuple(_section_pair(g, ls, rs, heads, linked, k in moved) for k, g in enumerate(groups))


def _linked_shares(left: Sequence[Clause], right: Sequence[Clause], ls: list[Section], rs: list[Section],
                   links: Sequence[Link]):
    """Per pair of sections, how many links join their clauses (a group's link shared among its pairs)."""
    import numpy as np

    sec_l = np.zeros(len(left), dtype=np.int64)
    sec_r = np.zeros(len(right), dtype=np.int64)
    for k, s in enumerate(ls):
        sec_l[list(s.clauses)] = k
    for k, s in enumerate(rs):
        sec_r[list(s.clauses)] = k
    linked = np.zeros((len(ls), len(rs)))
    for link in links:
        if link.left and link.right:
            share = 1.0 / (len(link.left) * len(link.right))
            for i in link.left:
                for j in link.right:
                    linked[sec_l[i], sec_r[j]] += share
    return linked


def _heading_agreement(ls: list[Section], rs: list[Section]):
    """Per pair of sections, the similarity of their headings (1 for the two untitled openings)."""
    import numpy as np

    heads = np.zeros((len(ls), len(rs)))
    titled_l = [k for k, s in enumerate(ls) if s.title]
    titled_r = [k for k, s in enumerate(rs) if s.title]
    if titled_l and titled_r:
        heads[np.ix_(titled_l, titled_r)] = similarity([ls[k].title for k in titled_l], [rs[k].title for k in titled_r])
    heads *= _headings_meet(ls, rs)
    for a, s in enumerate(ls):  # the untitled opening of both documents is one section
        for b, t in enumerate(rs):
            if not s.title and not t.title:
                heads[a, b] = 1.0
    return heads


def _section_groups(ls: list[Section], rs: list[Section], linked, heads, body) -> list[Link]:
    """The pairs of sections (one-to-one by weight, then merged and split sections beside their
    pair), and each section left over alone, in reading order of the right document."""
    import numpy as np

    size = np.array([len(s.clauses) for s in ls], dtype=float)[:, None] + np.array([len(s.clauses) for s in rs])[None, :]
    weight = heads + body + 2.0 * linked / size
    # Without a linked clause between them, two sections pair only when what they hold is the
    # closest match of one of them: a similar heading over other matter is another section.
    best = (body >= body.max(axis=1, keepdims=True, initial=0.0)) | (body >= body.max(axis=0, keepdims=True, initial=0.0))
    ii, jj = np.nonzero((weight >= PAIR_BAR) & ((linked > 0) | best)) if ls and rs else (np.array([], int), np.array([], int))
    chosen = assign(ii, jj, weight[ii, jj], len(ls), len(rs)) if len(ii) else []
    partner_l = {int(ii[k]): int(jj[k]) for k in chosen}
    partner_r = {j: i for i, j in partner_l.items()}
    # An unpaired section at least half of whose linked clauses come from one paired section of the
    # other document merged into its pair (earlier side) or split off from it (later side).
    # A titled section does not join a pair through an untitled one: clauses under no heading that
    # now stand under "Regional affairs" give the later document a new heading, not a split.
    merged = {b: [a for a in v if rs[b].title or not ls[a].title]
              for b, v in _joining(linked, partner_l, partner_r).items()}
    split = {a: [b for b in v if ls[a].title or not rs[b].title]
             for a, v in _joining(linked.T, partner_r, partner_l).items()}
    groups = [Link(tuple([a] + merged.get(partner_l[a], [])), tuple([partner_l[a]] + split.get(a, [])),
                   float(weight[a, partner_l[a]])) for a in sorted(partner_l)]
    taken_l = set(partner_l) | {a for v in merged.values() for a in v}
    taken_r = set(partner_r) | {b for v in split.values() for b in v}
    groups += [Link((a,), (), 0.0) for a in range(len(ls)) if a not in taken_l]
    groups += [Link((), (b,), 0.0) for b in range(len(rs)) if b not in taken_r]
    return order_links(groups)


def _section_pair(g: Link, ls: list[Section], rs: list[Section], heads, linked, moved: bool) -> SectionPair:
    """The :class:`SectionPair` of one group of sections."""
    lefts = tuple(ls[a] for a in g.left)
    rights = tuple(rs[b] for b in g.right)
    status: SectionStatus
    if not rights:
        status = "dropped"
    elif not lefts:
        status = "added"
    else:
        status = "unchanged" if _same(lefts[0].title, rights[0].title) else "renamed"
    main = (g.left[0], g.right[0]) if g.left and g.right else None
    return SectionPair(status=status, left=lefts, right=rights, moved=moved,
                       score=round(float(heads[main]), 4) if main else 0.0,
                       links=int(round(sum(linked[a, b] for a in g.left for b in g.right))))


#: Words of a group's first clause that follow its number in the title of a group of a document
#: without headings ("¶ 3: In light of Russia's unprovoked, unjustified, and…").
GROUP_WORDS = 8
_PARAGRAPH = re.compile(r"p(\d+)")
_BULLET = re.compile(r"b\d")


def _group_keys(clauses: Sequence[Clause]) -> list[str]:
    """Each clause's group in a document without headings: its top-level item in the document's own
    numbering ("2" for "2.3" and "2(1).1") or its paragraph ("¶ 3" for "p3.1"; a bullet goes with
    the paragraph before it)."""
    keys: list[str] = []
    for cl in clauses:
        number = cl.number.split(":", 1)[-1]  # "2:1.p1.3": the part's prefix aside
        m = _PARAGRAPH.match(number)
        if m:
            keys.append("\u00b6 " + m.group(1))
        elif _BULLET.match(number) and keys:
            keys.append(keys[-1])
        else:
            keys.append(re.split(r"[.(]", number, maxsplit=1)[0])
    return keys


def group_kind(clauses: Sequence[Clause]) -> str:
    """What :func:`group_titles` groups the clauses by: "section" (headings), "paragraph",
    "numbered item", "group" (paragraphs and numbered items), or "" (a single group)."""
    if any(cl.section for cl in clauses):
        return "section"
    keys = _group_keys(clauses)
    if len(set(keys)) < 2:
        return ""
    paragraphs = sum(k.startswith("\u00b6") for k in keys)
    return "paragraph" if paragraphs == len(keys) else "numbered item" if not paragraphs else "group"


def group_titles(clauses: Sequence[Clause]) -> list[str]:
    """The title each clause is grouped under (:func:`group_kind` says by what): its section's
    heading; or, in a document without headings, its top-level item in the document's own numbering
    or its paragraph, followed by the opening words of the group ("¶ 3: In light of Russia's…"). A
    document that forms a single group has no titles at all."""
    if any(cl.section for cl in clauses):
        return [cl.section for cl in clauses]
    keys = _group_keys(clauses)
    if len(set(keys)) < 2:
        return [""] * len(clauses)
    out: list[str] = []
    for k, cl in enumerate(clauses):
        if k and keys[k] == keys[k - 1]:
            out.append(out[-1])
            continue
        words = cl.text.split()
        opening = " ".join(words[:GROUP_WORDS]) + ("\u2026" if len(words) > GROUP_WORDS else "")
        out.append(f"{keys[k]}: {opening}")
    return out


def group_openers(c: Comparison) -> dict[str, tuple[str, str]]:
    """The first clause of each group of :func:`group_titles`, as ("right" or "left", its number):
    the clause whose opening words the group's title carries (the later document's, where both
    documents have a group of that title)."""
    out: dict[str, tuple[str, str]] = {}
    for side, doc in (("right", c.right), ("left", c.left)):
        for cl, title in zip(doc.clauses, group_titles(doc.clauses)):
            if title:
                out.setdefault(title, (side, cl.number))
    return out


def bare_title(title: str, openers: dict[str, tuple[str, str]], p: Pair) -> str:
    """A group's title (:func:`group_titles`) as a heading over pair ``p``: without its opening words
    when ``p`` holds the group's first clause (:func:`group_openers`), which says them ("¶ 4" over "In
    order to deliver ..."); whole when that clause is not shown under it, as the words tell which
    group the clauses shown belong to."""
    key, sep, _ = title.partition(": ")
    side, number = openers.get(title, ("", ""))
    return key if sep and number in (p.right if side == "right" else p.left) else title


def headings_of_pairs(c: Comparison) -> list[str]:
    """The heading each pair of ``c`` is reported under, one per pair: its clause's group in the later
    document (:func:`group_titles`: its section, or its numbered item or paragraph where the
    document has no headings). A dropped clause of a titled section stands under a later section
    that continues its own (the section pairing's; the one of the pair before it where it may), or
    under its own heading where its section was dropped (:func:`dropped_titles`), whether or not
    the later document has headings; any other dropped
    clause, under the heading of the pair before it (where it stood; a dropped clause that opens the
    comparison keeps its own group, or none where the later document has headings)."""
    right = dict(zip((cl.number for cl in c.right.clauses), group_titles(c.right.clauses)))
    left = dict(zip((cl.number for cl in c.left.clauses), group_titles(c.left.clauses)))
    # a clause of the earlier document -> the headings of the later sections that continue its own
    continued: dict[int, tuple[str, ...]] = {}
    titled = group_kind(c.right.clauses) == "section"
    for sp in c.sections:
        for sec in sp.left:
            # clauses under no heading stay where they stood; so do those of a section that a later
            # document without headings continues (its paragraphs are its groups)
            if sec.title and (titled or not sp.right):
                titles = tuple(r.title for r in sp.right) or (sec.title,)
                continued.update(dict.fromkeys(sec.clauses, titles))
    out: list[str] = []
    current = ""
    for p in c.pairs:
        if p.right:
            current = right.get(p.right[0], "")
        elif p.left_index and p.left_index[0] in continued:
            titles = continued[p.left_index[0]]
            out.append(current if current in titles else titles[0])  # beside the clause before it, if it may
            continue
        elif not out and p.left and not titled:
            current = left.get(p.left[0], "")
        out.append(current)
    return out


def display_order(c: Comparison, headings: Sequence[str]) -> list[int]:
    """The order the reports show the pairs of ``c`` in, given the heading of each
    (:func:`headings_of_pairs`): reading order, each heading's pairs brought together where the later
    document's clauses under it begin (a dropped clause joins the later section that continues its
    own; a dropped section stays where it stood)."""
    first: dict[str, int] = {}
    for k, (p, heading) in enumerate(zip(c.pairs, headings)):
        if p.right:
            first.setdefault(heading, k)
    for k, heading in enumerate(headings):
        first.setdefault(heading, k)
    return sorted(range(len(headings)), key=lambda k: (first[headings[k]], k))


def dropped_titles(c: Comparison) -> frozenset[str]:
    """The headings of the earlier document's sections that no later section continues (a dropped
    section's clauses are reported under its own heading, marked as dropped)."""
    kept = {cl.section for cl in c.right.clauses}
    return frozenset(sec.title for sp in c.sections if not sp.right for sec in sp.left if sec.title not in kept)


def heading_notes(c: Comparison) -> dict[str, str]:
    """What the reports say beside a heading: a renamed section's former heading ("was “Regional
    Situations”", or "heading added" over what stood under none), or "section dropped" for a dropped
    section's own heading. Two accounts of one
    meeting have each their own headings: none was renamed or dropped."""
    if c.mode == "accounts":
        return {}
    notes = dict.fromkeys(dropped_titles(c), "section dropped")
    notes.update({sp.right[0].title: f"was \u201c{sp.left[0].title}\u201d" if sp.left[0].title else "heading added"
                  for sp in c.sections if sp.status == "renamed"})
    return notes
