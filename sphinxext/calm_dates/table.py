"""One important-dates block, whichever tool reads it: options and lines in, entries and findings out.

The Sphinx directive and the ``calm-dates`` command both call these, so they
cannot disagree about what a block means.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .check import choose_reference, find_inconsistencies
from .errors import DateSyntaxError
from .model import Entry, Finding, When, normalise_label
from .parse import parse_body, parse_when
from .zones import ZONE_FORMS, parse_zone

KNOWN_OPTIONS = ("workshop", "timezone", "class", "name")


def read_block(
    options: Mapping[str, str | None], lines: Sequence[str], first_line: int, config_zone: str
) -> tuple[list[Entry], str, list[Finding]]:
    """Entries of a block, the zone they were read in, and what is wrong with the block itself."""
    findings = [
        Finding(
            "option",
            f"important-dates has no option {name!r}; "
            f"the options are {', '.join(':' + known + ':' for known in KNOWN_OPTIONS)}",
        )
        for name in options
        if name not in KNOWN_OPTIONS
    ]
    zone = config_zone
    text = (options.get("timezone") or "").strip()
    if text:
        try:
            parse_zone(text)
            zone = text
        except DateSyntaxError as error:
            findings.append(Finding("option", f":timezone: {error}; using {config_zone} instead ({ZONE_FORMS})"))
    if not any(line.strip() for line in lines):
        findings.append(
            Finding(
                "invalid",
                "important-dates has no entries; add one line per date, "
                "e.g. '* **Paper submission deadline:** June 6, 2022, 23:59 AoE'",
            )
        )
    return parse_body(list(lines), zone, first_line), zone, findings


def check_block(
    entries: Sequence[Entry],
    zone: str,
    workshop_option: str | None,
    config_workshop: str | None,
    max_lead_days: int,
) -> list[Finding]:
    """Findings against the workshop date: the :workshop: option, else the config value, else the table's own."""
    findings: list[Finding] = []
    workshop, source = _configured_workshop(zone, workshop_option, config_workshop, findings)
    reference = choose_reference(entries, workshop, source)
    return findings + find_inconsistencies(entries, reference, max_lead_days)


def _configured_workshop(
    zone: str, option: str | None, config: str | None, findings: list[Finding]
) -> tuple[When | None, str]:
    if option:
        try:
            return parse_when(option, zone), "the :workshop: option"
        except DateSyntaxError as error:
            findings.append(Finding("option", f":workshop: {error}"))
    if config:
        try:
            return parse_when(config, zone), "calm_dates_workshop"
        except DateSyntaxError as error:
            findings.append(Finding("option", f"calm_dates_workshop: {error}"))
    return None, ""


def finding_line(finding: Finding, entries: Sequence[Entry], block_line: int) -> int:
    """The source line a finding is reported at: its entry's own line, else the directive's."""
    return entries[finding.index].line if finding.index is not None else block_line


def finding_key(path: str, entries: Sequence[Entry], finding: Finding) -> tuple[str, str, str]:
    """How a finding is named in calm_dates_accepted: (source path from the conf.py folder, label, subtype)."""
    label = entries[finding.index].label if finding.index is not None else ""
    return (path, normalise_label(label), finding.subtype)


def accepted_keys(accepted: object) -> tuple[set[tuple[str, str, str]], list[str]]:
    """The usable (path, label, subtype) triples of calm_dates_accepted, and a problem message per bad item."""
    keys, problems = set(), []
    if not isinstance(accepted, list | tuple):
        return keys, [f"must be a list of (path, label, subtype) triples, not {accepted!r}"]
    for item in accepted:
        if isinstance(item, list | tuple) and len(item) == 3 and all(isinstance(part, str) for part in item):
            path, label, subtype = item
            keys.add((path, normalise_label(label), subtype))
        else:
            problems.append(f"{item!r} is not a (path, label, subtype) triple of strings")
    return keys, problems
