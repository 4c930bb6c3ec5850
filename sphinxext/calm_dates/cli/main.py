"""The ``calm-dates`` command: check and list important-dates blocks without a Sphinx build.

It imports neither Sphinx nor docutils; it finds the blocks in the sources and
hands each to the core's ``evaluate_block``, the same evaluation the Sphinx
post-transform runs, with settings from the same ``load_settings``.
Exit status: 0 nothing new, 1 findings, 2 usage or input errors, 3 an internal error
(one line; the traceback with --debug).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from ..core.accepted import review_accepted
from ..core.block import BlockSource, EvaluatedTable, evaluate_block
from ..core.clock import parse_instant
from ..core.confscan import ConfError, ConfValues, read_conf
from ..core.errors import DateSyntaxError
from ..core.names import iso_day
from ..core.settings import Settings, load_settings
from ..core.status import flag_words
from .patterns import excluded
from .sources import blocks_in

SKIPPED_DIRS = {"_build", "node_modules", "__pycache__"}

# The conf.py values that decide what the command reports; others (the event, page options) it may not know.
DECIDING = (
    "calm_dates_workshop",
    "calm_dates_timezone",
    "calm_dates_max_lead_days",
    "calm_dates_accepted",
    "exclude_patterns",
    "myst_enable_extensions",
)

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


EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return run(args)
    except UsageError as error:
        print(f"calm-dates: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as error:  # noqa: BLE001 (any crash is one line, not a traceback)
        if args.debug:
            raise
        print(
            f"calm-dates: internal error: {type(error).__name__}: {error} (run with --debug for the traceback)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


def run(args: argparse.Namespace) -> int:
    now = _list_moment(args.now) if args.command == "list" else None
    project = load_project(args)
    if now is not None:
        project.settings = replace(project.settings, now=now)
    files = collect_files(args.paths, project)
    if args.command == "list":
        return list_dates(files, project)
    return check(files, project, args.format)


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
    common.add_argument(
        "--srcdir", help="the Sphinx source folder that exclude_patterns are relative to (default: docs if present)"
    )
    common.add_argument("--debug", action="store_true", help="show the traceback of an internal error")
    check_parser = commands.add_parser("check", parents=[common], help="report inconsistent dates")
    check_parser.add_argument("--format", choices=["text", "github", "json"], default="text")
    list_parser = commands.add_parser("list", parents=[common], help="print the tables with their status")
    list_parser.add_argument("--now", help="ISO 8601 instant to show the status as of (default: now)")
    return parser


@dataclass
class Project:
    """What the command knows of the Sphinx project: settings as a build gets them, where things are."""

    settings: Settings
    root: Path
    conf: Path
    srcdir: Path
    exclude_patterns: tuple[str, ...] = ()
    myst_extensions: tuple[str, ...] = ()
    reports: list[Report] = field(default_factory=list)
    accepted_lines: list[int] = field(default_factory=list)


def load_project(args: argparse.Namespace) -> Project:
    """conf.py's values (options over them), validated by the core as a build validates them."""
    conf = Path(args.conf) if args.conf else Path("conf.py")
    if args.conf and not conf.is_file():
        raise UsageError(f"{conf}: no such file")
    found = ConfValues()
    if conf.is_file():
        try:
            found = read_conf(conf)
        except ConfError as error:
            raise UsageError(str(error)) from None
    overridden = {
        name: getattr(args, option) for option, name in OVERRIDES.items() if getattr(args, option) is not None
    }
    unknown = {name: line for name, line in found.unknown.items() if name in DECIDING and name not in overridden}
    if unknown:
        named = ", ".join(f"{name} (line {line})" for name, line in sorted(unknown.items(), key=lambda item: item[1]))
        raise UsageError(
            f"{conf}: cannot tell the value of {named} without running conf.py; "
            "assign literal values at the top level of conf.py (or pass --workshop/--timezone/--max-lead-days)"
        )
    if args.max_lead_days is not None and args.max_lead_days < 0:
        raise UsageError("--max-lead-days must be a whole number of days >= 0")
    settings, problems = load_settings({**found.values, **overridden})
    project = Project(
        settings=settings,
        root=conf.parent,
        conf=conf,
        srcdir=Path(args.srcdir) if args.srcdir else (Path("docs") if Path("docs").is_dir() else conf.parent),
        exclude_patterns=tuple(str(p) for p in found.values.get("exclude_patterns", ()) or ()),
        myst_extensions=tuple(str(e) for e in found.values.get("myst_enable_extensions", ()) or ()),
        accepted_lines=list(found.item_lines.get("calm_dates_accepted", []))
        if "calm_dates_accepted" in found.values
        else [],
    )
    for problem in problems:
        if problem.name in overridden:
            option = next(option for option, name in OVERRIDES.items() if name == problem.name)
            raise UsageError(f"--{option.replace('_', '-')}: {problem.message}")
        line = found.lines.get(problem.name, 1)
        project.reports.append(Report(str(conf), line, problem.subtype.value, f"{problem.name}: {problem.message}"))
    return project


def collect_files(paths: Sequence[str], project: Project) -> list[tuple[Path, Path]]:
    """(file, its source folder) for each page to read: folders walked, exclude_patterns honoured."""
    files: list[tuple[Path, Path]] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            # exclude_patterns are relative to the source folder, whichever folder is walked.
            base = project.srcdir if _is_within(path, project.srcdir) or _is_within(project.srcdir, path) else path
            files += [
                (page, base if _is_within(page, base) else path)
                for page in sorted(path.rglob("*"))
                if page.suffix in {".md", ".rst"}
                and page.is_file()
                and not any(part.startswith(".") or part in SKIPPED_DIRS for part in page.relative_to(path).parts)
                and not (
                    _is_within(page, base)
                    and excluded(page.resolve().relative_to(base.resolve()).as_posix(), project.exclude_patterns)
                )
            ]
        elif path.is_file():
            srcdir = project.srcdir
            inside = _is_within(path, srcdir)
            if not (
                inside and excluded(path.resolve().relative_to(srcdir.resolve()).as_posix(), project.exclude_patterns)
            ):
                files.append((path, srcdir if inside else path.parent))
        elif path.exists():
            raise UsageError(f"{name}: not a regular file or folder")
        else:
            raise UsageError(f"{name}: no such file or directory")
    return files


def _is_within(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())


def _read(path: Path) -> str:
    try:
        # utf-8-sig, as Sphinx reads sources: a byte-order mark is not text.
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UsageError(f"{path}: not UTF-8 text (byte {error.start}: {error.reason}); save it as UTF-8") from None
    except OSError as error:
        raise UsageError(f"{path}: cannot read: {error.strerror}") from None


def _display(path: Path) -> str:
    """A path as the user gave it, relative to the working folder where it can be."""
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:
        return path.as_posix()


def tables(files: Sequence[tuple[Path, Path]], project: Project) -> Iterator[tuple[Path, EvaluatedTable]]:
    """Each block a build renders, evaluated exactly as the Sphinx post-transform evaluates it (once each)."""
    seen: set[tuple[Path, int]] = set()
    for path, srcdir in files:
        for block in blocks_in(path, _read, project.myst_extensions, srcdir):
            file = block.file if block.file.is_absolute() else Path(os.path.normpath(block.file))
            if (file.resolve(), block.line) in seen:
                continue
            seen.add((file.resolve(), block.line))
            key_path = Path(os.path.relpath(file, project.root)).as_posix()
            source = BlockSource(path=key_path, line=block.line, lines=block.lines)
            yield file, evaluate_block(source, project.settings)


def check(files: Sequence[tuple[Path, Path]], project: Project, output: str) -> int:
    reports = list(project.reports)
    found, checked = [], set()
    for path, table in tables(files, project):
        checked.add(table.source.path)
        found += [f.item for f in table.findings if f.item is not None]
        reports += [Report(_display(path), f.line, f.subtype.value, f.log_message, f.accepted) for f in table.findings]
    checked |= {Path(os.path.relpath(path, project.root)).as_posix() for path, _ in files}
    exists = lambda path: (project.root / path).is_file()  # noqa: E731
    for problem in review_accepted(project.settings.accepted, found, exists, checked):
        lines = project.accepted_lines
        line = lines[problem.position] if problem.position < len(lines) else 1
        reports.append(Report(str(project.conf), line, problem.subtype.value, problem.message))
    print_reports(reports, output)
    return EXIT_FINDINGS if any(not report.accepted for report in reports) else EXIT_CLEAN


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
    """--now, else None: the settings' moment (calm_dates_now, SOURCE_DATE_EPOCH or the clock, as a build)."""
    try:
        return parse_instant(text) if text else None
    except DateSyntaxError as error:
        raise UsageError(f"--now: {error}") from None


def list_dates(files: Sequence[tuple[Path, Path]], project: Project) -> int:
    moment = project.settings.now.astimezone(UTC)
    as_of = f"{iso_day(moment.date())} {moment.hour:02d}:{moment.minute:02d} UTC"
    for path, table in tables(files, project):
        print(f"{_display(path)}:{table.source.line}: {table.caption} (status as of {as_of})")
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
