"""One important-dates block, whichever tool reads it: its lines as written in, the resolved table out.

``evaluate_block`` is the single evaluation: the Sphinx post-transform and the
``calm-dates`` command both call it, so they cannot disagree about what a block
means (caption, options, entries), which line a finding belongs to, or whether
it was accepted. Readers hand over the lines exactly as written, options included.
"""

from __future__ import annotations

import posixpath
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
from .zones import parse_zone

KNOWN_OPTIONS = ("workshop", "timezone", "class", "name", "timeline")
TIMELINE_VALUES = {"on": True, "off": False}
DEFAULT_CAPTION = "Important dates"

_OPTION = re.compile(r"^\s*:(?P<name>[^:\s][^:]*):(?:\s+(?P<value>.*?))?\s*$")
_YAML_OPTION = re.compile(r"^\s*(?P<name>[\w-]+)\s*:\s*(?P<value>.*?)\s*$")
_YAML_FENCE = re.compile(r"^\s*---\s*$")
# Not an option: a YAML option block that cannot be read, carried to _option_findings with its message.
_YAML_PROBLEM = "--yaml--"


@dataclass(frozen=True)
class BlockSource:
    """An important-dates block as written, from any reader.

    ``path`` is the source file relative to the conf.py folder (as calm_dates_accepted names it);
    ``line`` the directive's own line; ``lines`` every line after the directive name as
    (source line, text): text on the directive's line (the caption) comes first, numbered ``line``.
    """

    path: str
    line: int
    lines: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True)
class BlockParts:
    """A block's lines taken apart: caption, options (name, value, line) in order, and the entry lines."""

    caption: str
    options: tuple[tuple[str, str, int], ...]
    body: tuple[tuple[int, str], ...]

    def option(self, name: str) -> str:
        """The value in force: the last one given (a repeat is reported)."""
        values = [value for option, value, _ in self.options if option == name]
        return values[-1].strip() if values else ""


def split_block(source: BlockSource) -> BlockParts:
    """Caption, options (``:name: value`` lines, or MyST's ``---`` YAML block) and entry lines."""
    lines = list(source.lines)
    caption = ""
    if lines and lines[0][0] == source.line:
        caption = lines.pop(0)[1].strip()
    options: list[tuple[str, str, int]] = []
    if lines and _YAML_FENCE.match(lines[0][1]):
        close = next((i for i in range(1, len(lines)) if _YAML_FENCE.match(lines[i][1])), None)
        if close is not None:
            options += _yaml_options(lines[1:close], lines[0][0])
            lines = lines[close + 1 :]
    while lines and (match := _OPTION.match(lines[0][1])):
        options.append((match["name"].strip(), match["value"] or "", lines[0][0]))
        lines.pop(0)
    return BlockParts(caption, tuple(options), tuple(lines))


def _yaml_options(lines: list[tuple[int, str]], fence_line: int) -> list[tuple[str, str, int]]:
    """A MyST ``---`` option block read as YAML (comments, quotes, folded values), each at its line."""
    import yaml  # myst-parser depends on PyYAML; loaded only for blocks that use this form

    try:
        data = yaml.safe_load("\n".join(text for _, text in lines))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = lines[mark.line][0] if mark is not None and mark.line < len(lines) else fence_line
        return [(_YAML_PROBLEM, f"the option block is not valid YAML ({getattr(error, 'problem', error)})", line)]
    if not isinstance(data, dict):
        return [(_YAML_PROBLEM, "the option block must be 'name: value' lines", fence_line)] if data else []
    where = {}
    for number, text in lines:
        match = _YAML_OPTION.match(text)
        if match:
            where.setdefault(match["name"], number)
    return [
        (str(name), "" if value is None else str(value).strip(), where.get(str(name), fence_line))
        for name, value in data.items()
    ]


@dataclass(frozen=True)
class LocatedFinding:
    """A finding, the source line it is reported at, and the calm_dates_accepted item that would accept it."""

    finding: Finding
    line: int
    item: AcceptedItem | None
    accepted: bool

    @property
    def subtype(self) -> Subtype:
        return self.finding.subtype

    @property
    def message(self) -> str:
        return self.finding.message

    @property
    def log_message(self) -> str:
        """The message for the build log and the command: with the item to add if the date is right."""
        # An unreadable date is fixed, not accepted: no item is offered for it.
        if self.item is None or self.accepted or self.subtype == Subtype.INVALID:
            return self.message
        return f"{self.message} (if the date is right, add {self.item.as_tuple()!r} to calm_dates_accepted)"


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
    # The workshop date the entries were checked against (None: none known), and whether to draw the timeline.
    workshop: When | None = None
    timeline: bool = True

    @property
    def rows(self) -> list[tuple[Entry, RowStatus]]:
        return list(zip(self.entries, self.statuses, strict=True))


def evaluate_block(source: BlockSource, settings: Settings, now: datetime | None = None) -> EvaluatedTable:
    """Parse, check, locate, accept and give a status to one block, as of *now* (default: the settings')."""
    now = now or settings.now
    parts = split_block(source)
    option_findings = _option_findings(parts)
    findings: list[Finding] = []
    zone = _zone(parts.option("timezone"), settings.timezone, option_findings, parts)
    classes = _classes(parts.option("class"), option_findings, parts)
    entries = [parse_entry(text, line, zone) for line, text in parts.body if text.strip()]
    if not entries:
        findings.append(
            Finding(
                Subtype.INVALID,
                "important-dates has no entries; add one line per date, "
                "e.g. '* **Paper submission deadline:** June 6, 2022, 23:59 AoE'",
            )
        )
    workshop, reference_source = _workshop(parts.option("workshop"), zone, settings, option_findings, parts)
    reference = choose_reference(entries, workshop, reference_source)
    timeline = _timeline(parts.option("timeline"), settings.timeline, option_findings, parts)
    findings += find_inconsistencies(entries, reference, settings.max_lead_days)
    located = [LocatedFinding(finding, line, None, False) for finding, line in option_findings]
    located += [_locate(finding, entries, source, settings) for finding in findings]
    return EvaluatedTable(
        source=source,
        caption=parts.caption or DEFAULT_CAPTION,
        zone=zone,
        classes=tuple(classes),
        name=parts.option("name"),
        entries=tuple(entries),
        findings=tuple(located),
        statuses=tuple(statuses_as_of(entries, findings, now)),
        now=now,
        workshop=reference.when if reference is not None else None,
        timeline=timeline,
    )


def _option_line(parts: BlockParts, name: str) -> int:
    return next(line for option, _, line in reversed(parts.options) if option == name)


def _option_findings(parts: BlockParts) -> list[tuple[Finding, int]]:
    """Unknown and repeated options, each at its own line."""
    known = ", ".join(f":{name}:" for name in KNOWN_OPTIONS)
    findings = []
    first_line: dict[str, int] = {}
    for name, value, line in parts.options:
        if name == _YAML_PROBLEM:
            findings.append((Finding(Subtype.OPTION, value), line))
        elif name not in KNOWN_OPTIONS:
            message = f"important-dates has no option {name!r}; the options are {known}"
            findings.append((Finding(Subtype.OPTION, message), line))
        elif name in first_line:
            message = f":{name}: is given twice (lines {first_line[name]} and {line}); the last one is used: remove one"
            findings.append((Finding(Subtype.OPTION, message), line))
        first_line.setdefault(name, line)
    return findings


def _zone(option: str, configured: str, findings: list[tuple[Finding, int]], parts: BlockParts) -> str:
    if not option:
        return configured
    try:
        parse_zone(option)
        return option
    except DateSyntaxError as error:
        message = f":timezone: {error}; using {configured} instead"
        findings.append((Finding(Subtype.OPTION, message), _option_line(parts, "timezone")))
        return configured


def _workshop(
    option: str, zone: str, settings: Settings, findings: list[tuple[Finding, int]], parts: BlockParts
) -> tuple[When | None, str]:
    """The :workshop: option, else calm_dates_workshop (read in this table's zone)."""
    if option:
        try:
            return parse_when(option, zone), "the :workshop: option"
        except DateSyntaxError as error:
            findings.append((Finding(Subtype.OPTION, f":workshop: {error}"), _option_line(parts, "workshop")))
    if settings.workshop_text:
        workshop = settings.workshop
        if zone != settings.timezone:
            try:
                workshop = parse_when(settings.workshop_text, zone)
            except DateSyntaxError as error:
                # The workshop date may not exist in this table's zone (a daylight-saving gap).
                message = (
                    f"calm_dates_workshop read in this table's :timezone: {zone}: {error}; using {settings.timezone}"
                )
                findings.append((Finding(Subtype.OPTION, message), _option_line(parts, "timezone")))
        return workshop, "calm_dates_workshop"
    return None, ""


def _timeline(option: str, configured: bool, findings: list[tuple[Finding, int]], parts: BlockParts) -> bool:
    if not option:
        return configured
    if option.lower() in TIMELINE_VALUES:
        return TIMELINE_VALUES[option.lower()]
    message = f":timeline: {option!r} is not on or off; using {'on' if configured else 'off'}"
    findings.append((Finding(Subtype.OPTION, message), _option_line(parts, "timeline")))
    return configured


# docutils' class-name rule (nodes.make_id), so :class: means here what it means to Sphinx.
_NON_ID = re.compile("[^a-z0-9]+")
_NON_ID_AT_ENDS = re.compile("^[-0-9]+|-+$")


def make_id(text: str) -> str:
    """The HTML id docutils gives a name (nodes.make_id), e.g. for a table's :name:."""
    name = unicodedata.normalize("NFKD", " ".join(text.lower().split())).encode("ascii", "ignore").decode("ascii")
    return _NON_ID_AT_ENDS.sub("", _NON_ID.sub("-", name))


def table_id(table: EvaluatedTable) -> str:
    """The id of a table's wrapper: from its :name:, else from where it is written (file and line), which
    stays unique when a builder joins pages into one (singlehtml) and stable when others are edited."""
    written = make_id(posixpath.splitext(table.source.path)[0])
    return make_id(table.name) or f"calm-dates-{written}-{table.source.line}"


def class_names(text: str) -> list[str]:
    """The class names a :class: value gives; ValueError for a word that makes no class name."""
    names = []
    for word in text.split():
        name = make_id(word)
        if not name:
            raise ValueError(f"cannot make {word!r} into a class name")
        names.append(name)
    return names


def _classes(option: str, findings: list[tuple[Finding, int]], parts: BlockParts) -> list[str]:
    if not option:
        return []
    try:
        return class_names(option)
    except ValueError as error:
        message = f":class: {option!r} is not a list of class names ({error})"
        findings.append((Finding(Subtype.OPTION, message), _option_line(parts, "class")))
        return []


def _locate(finding: Finding, entries: Sequence[Entry], source: BlockSource, settings: Settings) -> LocatedFinding:
    """Its entry's own line (else the directive's), and the calm_dates_accepted item that would accept it."""
    if finding.index is None:
        return LocatedFinding(finding, source.line, None, False)
    entry = entries[finding.index]
    item = AcceptedItem(source.path, entry.label, finding.subtype.value, entry.text)
    return LocatedFinding(finding, entry.line, item, settings.accepted.accepts(item))
