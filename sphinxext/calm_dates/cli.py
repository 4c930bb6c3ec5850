"""The ``calm-dates`` command: check and list important-dates blocks without a Sphinx build.

It imports neither Sphinx nor docutils; it runs the same read/check functions
(table.py) as the directive, so both report the same findings at the same lines.
Exit status: 0 clean, 1 findings, 2 usage errors.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from .clock import parse_instant, resolve_now
from .confpy import ConfError, read_conf
from .errors import DateSyntaxError
from .parse import parse_when
from .settings import CheckSettings, checked_settings
from .sources import find_blocks
from .status import flag_words, statuses_as_of
from .table import check_block, finding_key, finding_line, read_block
from .zones import parse_zone

SKIPPED_DIRS = {"_build", "node_modules", "__pycache__"}


class UsageError(Exception):
    """Bad arguments, paths or conf.py: one line for the user, exit status 2."""


@dataclass
class Report:
    path: str
    line: int
    subtype: str
    message: str
    accepted: bool = False


@dataclass
class Settings(CheckSettings):
    """The check settings in force (options over conf.py over defaults), and what was wrong in conf.py."""

    root: Path = Path()
    reports: list[Report] = field(default_factory=list)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        now = _list_moment(args.now) if args.command == "list" else None
        settings = load_settings(args)
        files = collect_files(args.paths)
        if args.command == "list":
            return list_dates(files, settings, now)
        return check(files, settings, args.format)
    except UsageError as error:
        print(f"calm-dates: error: {error}", file=sys.stderr)
        return 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="calm-dates", description="Check a workshop's important-dates blocks without building the site."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="{check,list}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("paths", nargs="*", default=["docs"], help="Markdown/reST files or folders (default: docs)")
    common.add_argument("--conf", help="conf.py to read calm_dates_* values from (default: ./conf.py if present)")
    common.add_argument("--workshop", help="the workshop date (overrides calm_dates_workshop)")
    common.add_argument("--timezone", help="default zone for entries (overrides calm_dates_timezone)")
    common.add_argument("--max-lead-days", type=int, help="overrides calm_dates_max_lead_days")
    check_parser = commands.add_parser("check", parents=[common], help="report inconsistent dates")
    check_parser.add_argument("--format", choices=["text", "github", "json"], default="text")
    list_parser = commands.add_parser("list", parents=[common], help="print the tables with their status")
    list_parser.add_argument("--now", help="ISO 8601 instant to show the status as of (default: now)")
    return parser


def load_settings(args: argparse.Namespace) -> Settings:
    conf = Path(args.conf) if args.conf else Path("conf.py")
    settings = Settings(root=conf.parent)
    if args.conf and not conf.is_file():
        raise UsageError(f"{conf}: no such file")
    if conf.is_file():
        _apply_conf(settings, conf)
    if args.timezone is not None:
        try:
            parse_zone(args.timezone)
        except DateSyntaxError as error:
            raise UsageError(f"--timezone: {error}") from None
        settings.timezone = args.timezone
    if args.workshop is not None:
        try:
            parse_when(args.workshop, settings.timezone)
        except DateSyntaxError as error:
            raise UsageError(f"--workshop: {error}") from None
        settings.workshop = args.workshop
    if args.max_lead_days is not None:
        if args.max_lead_days < 0:
            raise UsageError("--max-lead-days must be a whole number of days >= 0")
        settings.max_lead_days = args.max_lead_days
    return settings


def _apply_conf(settings: Settings, conf: Path) -> None:
    """conf.py's calm_dates_* values, checked as a Sphinx build checks them; problems reported at their line."""
    try:
        found = read_conf(conf)
    except ConfError as error:
        raise UsageError(str(error)) from None
    checked, problems = checked_settings(found.values)
    settings.workshop, settings.timezone = checked.workshop, checked.timezone
    settings.max_lead_days, settings.accepted = checked.max_lead_days, checked.accepted
    path = str(conf)
    settings.reports += [Report(path, line, "option", message) for line, message in found.problems]
    settings.reports += [Report(path, found.lines[name], "option", f"{name}: {problem}") for name, problem in problems]


def collect_files(paths: Sequence[str]) -> list[Path]:
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files += sorted(
                p
                for p in path.rglob("*")
                if p.suffix in {".md", ".rst"}
                and p.is_file()
                and not any(part.startswith(".") or part in SKIPPED_DIRS for part in p.relative_to(path).parts)
            )
        elif path.is_file():
            files.append(path)
        elif path.exists():
            raise UsageError(f"{name}: not a regular file or folder")
        else:
            raise UsageError(f"{name}: no such file or directory")
    return files


def _read(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        raise UsageError(f"{path}: not UTF-8 text (byte {error.start}: {error.reason}); save it as UTF-8") from None
    except OSError as error:
        raise UsageError(f"{path}: cannot read: {error.strerror}") from None


def _tables(path: Path, settings: Settings):
    """Each block of a file with its entries and findings, exactly as the directive reads and checks them."""
    for block in find_blocks(_read(path), path.suffix):
        entries, zone, findings = read_block(block.options, block.lines, block.first_line, settings.timezone)
        workshop = (block.options.get("workshop") or "").strip() or None
        findings += check_block(entries, zone, workshop, settings.workshop, settings.max_lead_days)
        yield block, entries, findings


def check(files: Sequence[Path], settings: Settings, output: str) -> int:
    reports = list(settings.reports)
    for path in files:
        key_path = Path(os.path.relpath(path, settings.root)).as_posix()
        for block, entries, findings in _tables(path, settings):
            for finding in findings:
                accepted = finding_key(key_path, entries, finding) in settings.accepted
                line = finding_line(finding, entries, block.line)
                reports.append(Report(str(path), line, finding.subtype, finding.message, accepted))
    print_reports(reports, output)
    return 1 if any(not report.accepted for report in reports) else 0


def print_reports(reports: Sequence[Report], output: str) -> None:
    if output == "json":
        import json

        print(json.dumps([report.__dict__ for report in reports], indent=2, ensure_ascii=False))
        return
    for report in reports:
        if output == "github":
            level = "notice" if report.accepted else "warning"
            title = f"calm_dates.{report.subtype}" + (" (accepted)" if report.accepted else "")
            print(
                f"::{level} file={_property(report.path)},line={report.line},title={_property(title)}"
                f"::{_data(report.message)}"
            )
        else:
            accepted = "accepted " if report.accepted else ""
            print(f"{report.path}:{report.line}: {accepted}{report.subtype}: {report.message}")


def _data(text: str) -> str:
    """Escape a GitHub workflow command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _list_moment(text: str | None) -> datetime:
    try:
        return parse_instant(text) if text else resolve_now(None)[0]
    except DateSyntaxError as error:
        raise UsageError(f"--now: {error}") from None


def list_dates(files: Sequence[Path], settings: Settings, now: datetime) -> int:
    for path in files:
        for block, entries, findings in _tables(path, settings):
            caption = block.argument or "Important dates"
            print(f"{path}:{block.line}: {caption} (status as of {now.astimezone(UTC):%Y-%m-%d %H:%M} UTC)")
            rows = [
                (entry.label, entry.text, ", ".join(word for _, word in flag_words(entry, status)))
                for entry, status in zip(entries, statuses_as_of(entries, findings, now), strict=True)
            ]
            widths = [max((len(row[i]) for row in rows), default=0) for i in range(2)]
            for label, when, words in rows:
                print(f"  {label:<{widths[0]}}  {when:<{widths[1]}}  {words}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
