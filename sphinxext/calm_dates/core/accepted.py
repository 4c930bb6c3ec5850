"""calm_dates_accepted against the findings: items that accept nothing are findings themselves.

An item accepts one finding on one entry *for one date as written*: when the
date changes, the finding is new again and the old item accepts nothing. Such
items, items that name a file or subtype that does not exist, and old
three-part items (no date) are reported, each with what to write instead.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .settings import AcceptedItem, AcceptedList
from .subtypes import Subtype

SUBTYPE_VALUES = tuple(subtype.value for subtype in Subtype)


@dataclass(frozen=True)
class AcceptedProblem:
    """What is wrong with one calm_dates_accepted item; ``position`` is its index in the list."""

    position: int
    message: str
    subtype: Subtype = Subtype.ACCEPTED_UNUSED


def review_accepted(
    accepted: AcceptedList,
    found: Iterable[AcceptedItem],
    exists: Callable[[str], bool],
    checked_paths: Iterable[str] | None = None,
) -> list[AcceptedProblem]:
    """Problems of the items, given every finding's item (accepted or not) in the files checked.

    *checked_paths*: the files whose findings are in *found* (None: every file, as in a build);
    an item about another file that exists is not judged.
    """
    found = list(found)
    checked = {posixpath.normpath(path) for path in checked_paths} if checked_paths is not None else set()
    by_key = {item.key for item in found}
    by_entry = {item.entry_key: item for item in found}
    problems = []
    for item, position in accepted.items:
        if item.key in by_key:
            continue
        if checked_paths is not None and posixpath.normpath(item.path) not in checked and exists(item.path):
            continue
        problems.append(AcceptedProblem(position, _unused(item, by_entry.get(item.entry_key), exists)))
    for item, position in accepted.dateless:
        if checked_paths is not None and posixpath.normpath(item.path) not in checked and exists(item.path):
            continue
        current = by_entry.get(item.entry_key)
        named = repr(item.as_tuple()[:3])
        if current is not None:
            message = (
                f"calm_dates_accepted item {named} names no date, so it accepts nothing; "
                f"to accept this finding for the date as written now, write {current.as_tuple()!r}"
            )
        else:
            message = f"calm_dates_accepted item {named} names no date and matches no finding; {_why(item, exists)}"
        problems.append(AcceptedProblem(position, message))
    return sorted(problems, key=lambda problem: problem.position)


def _unused(item: AcceptedItem, current: AcceptedItem | None, exists: Callable[[str], bool]) -> str:
    named = f"calm_dates_accepted item {item.as_tuple()!r}"
    if current is not None:
        return (
            f"{named} accepts the date {item.date!r}, but the entry now reads {current.date!r}, so the finding "
            f"is new again; if the new date is right, write {current.as_tuple()!r}"
        )
    return f"{named} matches no finding; {_why(item, exists)}"


def _why(item: AcceptedItem, exists: Callable[[str], bool]) -> str:
    """The likely reason an item matches nothing, and the fix."""
    if not exists(item.path):
        return (
            f"there is no file {item.path!r} (paths are from the conf.py folder, e.g. 'docs/dates.md'); "
            "fix the path or remove the item"
        )
    if item.subtype not in SUBTYPE_VALUES:
        guess = item.subtype.removeprefix("calm_dates.").replace("_", "-").lower()
        hint = f"write {guess!r}" if guess in SUBTYPE_VALUES else f"the subtypes are {', '.join(SUBTYPE_VALUES)}"
        return f"{item.subtype!r} is not a finding subtype: {hint}"
    return "its date was fixed or its label changed: remove the item"
