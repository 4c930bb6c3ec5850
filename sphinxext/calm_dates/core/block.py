"""One important-dates block, whichever tool reads it: its plain data in, the resolved table out.

``evaluate_block`` is the single evaluation: the Sphinx post-transform and the
``calm-dates`` command both call it, so they cannot disagree about what a block
means, which line a finding belongs to, or whether it was accepted.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from .check import choose_reference, find_inconsistencies
from .errors import DateSyntaxError
from .model import Entry, Finding, RowStatus, When
from .parse import parse_entry, parse_when
from .settings import AcceptedItem, Settings
from .status import statuses_as_of
from .subtypes import Subtype
from .zones import ZONE_FORMS, parse_zone

KNOWN_OPTIONS = ("workshop", "timezone", "class", "name")
DEFAULT_CAPTION = "Important dates"


@dataclass(frozen=True)
class BlockSource:
    """An important-dates block as written, from any reader.

    ``path`` is the source file relative to the conf.py folder (as calm_dates_accepted names it),
    ``line`` the directive's own line, ``lines`` the body as (source line, text) pairs.
    """

    path: str
    line: int
    argument: str = ""
    options: tuple[tuple[str, str], ...] = ()
    lines: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True)
class LocatedFinding:
    """A finding with the source line it is reported at and the calm_dates_accepted item that names it."""

    finding: Finding
    line: int
    item: AcceptedItem
    accepted: bool

    @property
    def subtype(self) -> Subtype:
        return self.finding.subtype

    @property
    def message(self) -> str:
        return self.finding.message


@dataclass(frozen=True)
class EvaluatedTable:
    """A block resolved as of ``now``: everything a renderer, a log or a report needs."""

    source: BlockSource
    caption: str
    zone: str
    classes: tuple[str, ...]
    name: str
    entries: tuple[Entry, ...]
    findings: tuple[LocatedFinding, ...]
    statuses: tuple[RowStatus, ...]
    now: datetime

    @property
    def rows(self) -> list[tuple[Entry, RowStatus]]:
        return list(zip(self.entries, self.statuses, strict=True))


def evaluate_block(source: BlockSource, settings: Settings, now: datetime | None = None) -> EvaluatedTable:
    """Parse, check, locate, accept and give a status to one block, as of *now* (default: the settings')."""
    now = now or settings.now
    options = dict(source.options)
    findings = _option_findings(source.options)
    zone = _zone(options.get("timezone"), settings.timezone, findings)
    classes = _classes(options.get("class"), findings)
    entries = [parse_entry(text, line, zone) for line, text in source.lines if text.strip()]
    if not entries:
        findings.append(
            Finding(
                Subtype.INVALID,
                "important-dates has no entries; add one line per date, "
                "e.g. '* **Paper submission deadline:** June 6, 2022, 23:59 AoE'",
            )
        )
    workshop, reference_source = _workshop(options.get("workshop"), zone, settings, findings)
    reference = choose_reference(entries, workshop, reference_source)
    findings += find_inconsistencies(entries, reference, settings.max_lead_days)
    located = tuple(_locate(finding, entries, source, settings) for finding in findings)
    return EvaluatedTable(
        source=source,
        caption=source.argument.strip() or DEFAULT_CAPTION,
        zone=zone,
        classes=tuple(classes),
        name=(options.get("name") or "").strip(),
        entries=tuple(entries),
        findings=located,
        statuses=tuple(statuses_as_of(entries, findings, now)),
        now=now,
    )


def _option_findings(options: Sequence[tuple[str, str]]) -> list[Finding]:
    known = ", ".join(f":{name}:" for name in KNOWN_OPTIONS)
    return [
        Finding(Subtype.OPTION, f"important-dates has no option {name!r}; the options are {known}")
        for name, _ in options
        if name not in KNOWN_OPTIONS
    ]


def _zone(option: str | None, configured: str, findings: list[Finding]) -> str:
    text = (option or "").strip()
    if not text:
        return configured
    try:
        parse_zone(text)
        return text
    except DateSyntaxError as error:
        findings.append(Finding(Subtype.OPTION, f":timezone: {error}; using {configured} instead ({ZONE_FORMS})"))
        return configured


def _workshop(option: str | None, zone: str, settings: Settings, findings: list[Finding]) -> tuple[When | None, str]:
    """The :workshop: option, else calm_dates_workshop (read in this table's zone)."""
    text = (option or "").strip()
    if text:
        try:
            return parse_when(text, zone), "the :workshop: option"
        except DateSyntaxError as error:
            findings.append(Finding(Subtype.OPTION, f":workshop: {error}"))
    if settings.workshop_text:
        workshop = settings.workshop
        if zone != settings.timezone:
            workshop = parse_when(settings.workshop_text, zone)
        return workshop, "calm_dates_workshop"
    return None, ""


# docutils' class-name rule (nodes.make_id), so :class: means here what it means to Sphinx.
_NON_ID = re.compile("[^a-z0-9]+")
_NON_ID_AT_ENDS = re.compile("^[-0-9]+|-+$")


def class_names(text: str) -> list[str]:
    """The class names a :class: value gives; ValueError for a word that makes no class name."""
    names = []
    for word in text.split():
        name = unicodedata.normalize("NFKD", word.lower()).encode("ascii", "ignore").decode("ascii")
        name = _NON_ID_AT_ENDS.sub("", _NON_ID.sub("-", name))
        if not name:
            raise ValueError(f"cannot make {word!r} into a class name")
        names.append(name)
    return names


def _classes(option: str | None, findings: list[Finding]) -> list[str]:
    if not option:
        return []
    try:
        return class_names(option)
    except ValueError as error:
        findings.append(Finding(Subtype.OPTION, f":class: {option!r} is not a list of class names ({error})"))
        return []


def _locate(finding: Finding, entries: Sequence[Entry], source: BlockSource, settings: Settings) -> LocatedFinding:
    """Its entry's own line (else the directive's), and the calm_dates_accepted item that would name it."""
    entry = entries[finding.index] if finding.index is not None else None
    item = AcceptedItem.of(source.path, entry.label if entry else "", finding.subtype.value)
    line = entry.line if entry else source.line
    return LocatedFinding(finding, line, item, item in settings.accepted)
