"""Dates written out in a statement: the meeting's date, and whether a paragraph tells one.

:func:`find_date` reads the first date in a text as ISO "YYYY-MM-DD" ("May 18, 2023", "18th May
2023", "2023/05/18"); :data:`DATE` is its pattern, which the structure pass also uses to tell a
title's date line from a title. :data:`MEETING_DATE` finds a month or a weekday, the sign of a
paragraph that tells a meeting (used to find the parts of a document that reports several).
"""

from __future__ import annotations

import re

from .textkit import MONTH_PATTERN, MONTHS

__all__ = ["DATE", "MEETING_DATE", "find_date"]

DATE = re.compile(
    rf"\b(?:(?P<mdy>(?P<m1>{MONTH_PATTERN})"
    r"\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{4}))"
    rf"|(?P<dmy>(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{MONTH_PATTERN}),?\s+(?P<y2>\d{{4}}))"
    r"|(?P<iso>(?P<y3>\d{4})[-/.](?P<m3>\d{1,2})[-/.](?P<d3>\d{1,2})))\b", re.IGNORECASE)  # "MAY 18, 2023"

MEETING_DATE = re.compile(rf"\b(?:{MONTH_PATTERN}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def find_date(text: str) -> str:
    """The first date written out in ``text``, as ISO "YYYY-MM-DD", or "".

    >>> find_date("Tokyo, MAY 18, 2023"), find_date("on 6th January 2017"), find_date("2023/04/02")
    ('2023-05-18', '2017-01-06', '2023-04-02')
    """
    m = DATE.search(text)
    if not m:
        return ""
    if m.group("mdy"):
        return f"{int(m.group('y1')):04d}-{MONTHS[m.group('m1').capitalize()]:02d}-{int(m.group('d1')):02d}"
    if m.group("dmy"):
        return f"{int(m.group('y2')):04d}-{MONTHS[m.group('m2').capitalize()]:02d}-{int(m.group('d2')):02d}"
    return f"{m.group('y3')}-{int(m.group('m3')):02d}-{int(m.group('d3')):02d}"
