"""The ``calm-dates`` command: check and list important-dates blocks without a Sphinx build.

It imports neither Sphinx nor docutils; it finds the blocks in the sources and
hands each to the core's ``evaluate_block``, the same evaluation the Sphinx
post-transform runs, with settings from the same ``load_settings``.
Exit status: 0 clean, 1 findings, 2 usage errors.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from ..core.block import BlockSource, EvaluatedTable, evaluate_block
from ..core.clock import parse_instant, resolve_now
from ..core.confscan import ConfError, read_conf
from ..core.errors import DateSyntaxError
from ..core.names import iso_day
from ..core.settings import Settings, load_settings
from ..core.status import flag_words
from .sources import find_blocks

SKIPPED_DIRS = {"_build", "node_modules", "__pycache__"}

# Options that override conf.py: option attribute -> the value it stands for.
OVERRIDES = {
    "workshop": "calm_dates_workshop",
    "timezone": "calm_dates_timezone",
    "max_lead_days": "calm_dates_max_lead_days",
}


class UsageError(Exception):
    """Bad arguments, paths or conf.py: one line for the user, exit status 2."""


@dataclass
class Report:
    path: str
    line: int
    subtype: str
    message: str
    accepted: bool = False


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        now = _list_moment(args.now) if args.command == "list" else None
        settings, root, reports = load_command_settings(args)
        if now is not None:
            settings = replace(settings, now=now)
        files = collect_files(args.paths)
        if args.command == "list":
            return list_dates(files, settings, root)
        return check(files, settings, root, reports, args.format)
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


def load_command_settings(args: argparse.Namespace) -> tuple[Settings, Path, list[Report]]:
    """Settings as a build gets them (conf.py's values, then the options over them), and conf.py's problems."""
    conf = Path(args.conf) if args.conf else Path("conf.py")
    if args.conf and not conf.is_file():
        raise UsageError(f"{conf}: no such file")
    values: dict[str, object] = {}
    lines: dict[str, int] = {}
    reports: list[Report] = []
    if conf.is_file():
        try:
            found = read_conf(conf)
        except ConfError as error:
            raise UsageError(str(error)) from None
        values, lines = dict(found.values), dict(found.lines)
        reports += [Report(str(conf), line, "option", message) for line, message in found.problems]
    overridden = {
        name: getattr(args, option) for option, name in OVERRIDES.items() if getattr(args, option) is not None
    }
    if args.max_lead_days is not None and args.max_lead_days < 0:
        raise UsageError("--max-lead-days must be a whole number of days >= 0")
    settings, problems = load_settings({**values, **overridden})
    for problem in problems:
        if problem.name in overridden:
            option = next(option for option, name in OVERRIDES.items() if name == problem.name)
            raise UsageError(f"--{option.replace('_', '-')}: {problem.message}")
        line = lines.get(problem.name, 1)
        reports.append(Report(str(conf), line, problem.subtype.value, f"{problem.name}: {problem.message}"))
    return settings, conf.parent, reports


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


def tables(files: Sequence[Path], settings: Settings, root: Path) -> Iterator[tuple[Path, EvaluatedTable]]:
    """Each block of each file, evaluated exactly as the Sphinx post-transform evaluates it."""
    for path in files:
        key_path = Path(os.path.relpath(path, root)).as_posix()
        for block in find_blocks(_read(path), path.suffix):
            source = BlockSource(
                path=key_path,
                line=block.line,
                argument=block.argument,
                options=tuple(block.options.items()),
                lines=tuple(enumerate(block.lines, start=block.first_line)),
            )
            yield path, evaluate_block(source, settings)


def check(files: Sequence[Path], settings: Settings, root: Path, reports: list[Report], output: str) -> int:
    reports = list(reports)
    for path, table in tables(files, settings, root):
        reports += [
            Report(str(path), found.line, found.subtype.value, found.message, found.accepted)
            for found in table.findings
        ]
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


def _list_moment(text: str | None) -> datetime | None:
    try:
        return parse_instant(text) if text else resolve_now(None)[0]
    except DateSyntaxError as error:
        raise UsageError(f"--now: {error}") from None


def list_dates(files: Sequence[Path], settings: Settings, root: Path) -> int:
    moment = settings.now.astimezone(UTC)
    as_of = f"{iso_day(moment.date())} {moment.hour:02d}:{moment.minute:02d} UTC"
    for path, table in tables(files, settings, root):
        print(f"{path}:{table.source.line}: {table.caption} (status as of {as_of})")
        rows = [
            (entry.label, entry.text, ", ".join(word for _, word in flag_words(entry, status)))
            for entry, status in table.rows
        ]
        widths = [max((len(row[i]) for row in rows), default=0) for i in range(2)]
        for label, when, words in rows:
            print(f"  {label:<{widths[0]}}  {when:<{widths[1]}}  {words}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
