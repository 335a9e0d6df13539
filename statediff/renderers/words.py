"""How a comparison names its sides, statuses and clauses: a revision (before, after; changed, added,
dropped) or two accounts of one meeting (A, B; said differently, only in B, only in A)."""

from __future__ import annotations

from ..model import Comparison

__all__ = ["few", "side_word", "status_word"]

_STATUS = {
    "revision": {"changed": "changed", "added": "added", "dropped": "dropped", "unchanged": "unchanged"},
    "accounts": {"changed": "said differently", "added": "only in B", "dropped": "only in A",
                 "unchanged": "said alike"},
}
_SIDE = {"revision": {"left": "Before", "right": "After"}, "accounts": {"left": "Account A", "right": "Account B"}}


def status_word(c: Comparison, status: str) -> str:
    """``status`` as the report says it: "added" in a revision, "only in B" between two accounts."""
    return _STATUS.get(c.mode, _STATUS["revision"]).get(status, status)


def side_word(c: Comparison, side: str) -> str:
    """"Before" / "After", or "Account A" / "Account B"."""
    return _SIDE.get(c.mode, _SIDE["revision"])[side]


def few(numbers: tuple[str, ...] | list[str], most: int = 3) -> str:
    """Clause numbers, or the first two and a count of the rest when there are more than ``most``."""
    if len(numbers) <= most:
        return ", ".join(numbers)
    return f"{numbers[0]}, {numbers[1]} +{len(numbers) - 2}"
