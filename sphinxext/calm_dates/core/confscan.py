"""Read the calm_dates_* values from a Sphinx conf.py without running it (ast, literals only)."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

from .settings import NAMES as SETTING_NAMES

# What the command reads: every calm_dates_* value, and the project's name for messages.
NAMES = (*SETTING_NAMES, "project")


class ConfError(Exception):
    """conf.py cannot be read or parsed; the message names the file and line."""


@dataclass
class ConfValues:
    """The literal values found, and the line of each, for messages that point into conf.py."""

    values: dict[str, object] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    problems: list[tuple[int, str]] = field(default_factory=list)


def read_conf(path: Path) -> ConfValues:
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfError(f"{path}: cannot read: {error}") from None
    try:
        tree = ast.parse(source, filename=str(path))
    except SyntaxError as error:
        raise ConfError(f"{path}:{error.lineno}: not valid Python: {error.msg}") from None
    found = ConfValues()
    for statement in tree.body:
        target, value = _assignment(statement)
        if target not in NAMES:
            continue
        try:
            found.values[target] = ast.literal_eval(value)
            found.lines[target] = statement.lineno
        except ValueError:
            found.problems.append(
                (statement.lineno, f"{target} is not a literal value, so it is ignored here; pass it as an option")
            )
    return found


def _assignment(statement: ast.stmt) -> tuple[str | None, ast.expr | None]:
    if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
        target = statement.targets[0]
        return (target.id if isinstance(target, ast.Name) else None), statement.value
    if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name) and statement.value:
        return statement.target.id, statement.value
    return None, None
