"""Read the values the checks need from a Sphinx conf.py without running it (ast, literals only).

A value is known when conf.py gives it as literals at the top level: ``x = ...``,
``x: T = ...``, ``a, b = 1, 2`` and ``x += [...]`` onto a known list. A value
assigned any other way (from a call, inside ``if`` or ``try``, in a loop) is
named in ``unknown`` with its line, never silently ignored or guessed.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

from .settings import NAMES as SETTING_NAMES

# Every calm_dates_* value; the project's name (calendar); what decides which pages exist.
NAMES = (*SETTING_NAMES, "project", "exclude_patterns", "myst_enable_extensions", "root_doc")


class ConfError(Exception):
    """conf.py cannot be read or parsed; the message names the file and line."""


@dataclass
class ConfValues:
    """The known values, the line of each (and of each item of a list), and the values that cannot be known."""

    values: dict[str, object] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    item_lines: dict[str, list[int]] = field(default_factory=dict)
    unknown: dict[str, int] = field(default_factory=dict)


def read_conf(path: Path) -> ConfValues:
    try:
        # utf-8-sig: Sphinx reads a conf.py that starts with a byte-order mark, so must we.
        source = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfError(f"{path}: cannot read: {error}") from None
    try:
        tree = ast.parse(source, filename=str(path))
    except SyntaxError as error:
        raise ConfError(f"{path}:{error.lineno}: not valid Python: {error.msg}") from None
    found = ConfValues()
    for statement in tree.body:
        _read_statement(statement, found)
    for statement in ast.walk(tree):
        # A value changed by a method call (x.append(...)) or deleted cannot be known either.
        changed = _changed_in_place(statement)
        if changed in NAMES:
            found.unknown.setdefault(changed, statement.lineno)
        # Assignments nested in if/try/for/with/def cannot be known without running conf.py.
        if statement not in tree.body and isinstance(statement, ast.Assign | ast.AnnAssign | ast.AugAssign):
            for name in _targets(statement):
                if name in NAMES:
                    found.unknown.setdefault(name, statement.lineno)
    for name in found.unknown:
        found.values.pop(name, None)
    return found


def _changed_in_place(node: ast.AST) -> str | None:
    """The name a statement changes without assigning it: ``x.append(...)``, ``x[k] = ...``, ``del x``."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name):
        return node.func.value.id
    if (
        isinstance(node, ast.Subscript)
        and isinstance(node.ctx, ast.Store | ast.Del)
        and isinstance(node.value, ast.Name)
    ):
        return node.value.id
    if isinstance(node, ast.Delete):
        return next((t.id for t in node.targets if isinstance(t, ast.Name) and t.id in NAMES), None)
    return None


def _targets(statement: ast.stmt) -> list[str]:
    targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
    names = []
    for target in targets:
        elements = target.elts if isinstance(target, ast.Tuple | ast.List) else [target]
        names += [element.id for element in elements if isinstance(element, ast.Name)]
    return names


def _read_statement(statement: ast.stmt, found: ConfValues) -> None:
    if isinstance(statement, ast.Assign):
        for target in statement.targets:
            _assign(target, statement.value, statement.lineno, found)
    elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
        _assign(statement.target, statement.value, statement.lineno, found)
    elif isinstance(statement, ast.AugAssign) and isinstance(statement.target, ast.Name):
        _augment(statement, found)


def _assign(target: ast.expr, value: ast.expr, line: int, found: ConfValues) -> None:
    if isinstance(target, ast.Name):
        _set(target.id, value, line, found)
    elif isinstance(target, ast.Tuple | ast.List):
        names = [element.id if isinstance(element, ast.Name) else None for element in target.elts]
        parts = value.elts if isinstance(value, ast.Tuple | ast.List) and len(value.elts) == len(names) else None
        for index, name in enumerate(names):
            if name in NAMES:
                if parts is None:
                    found.unknown.setdefault(name, line)
                else:
                    _set(name, parts[index], line, found)


def _set(name: str, value: ast.expr, line: int, found: ConfValues) -> None:
    if name not in NAMES:
        return
    try:
        found.values[name] = ast.literal_eval(value)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        found.unknown[name] = line
        return
    found.unknown.pop(name, None)
    found.lines[name] = line
    found.item_lines[name] = [item.lineno for item in value.elts] if isinstance(value, ast.List | ast.Tuple) else []


def _augment(statement: ast.AugAssign, found: ConfValues) -> None:
    name = statement.target.id
    if name not in NAMES:
        return
    try:
        extra = ast.literal_eval(statement.value)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        found.unknown[name] = statement.lineno
        return
    current = found.values.get(name)
    if isinstance(statement.op, ast.Add) and isinstance(current, list | tuple) and isinstance(extra, list | tuple):
        found.values[name] = type(current)([*current, *extra])
        if isinstance(statement.value, ast.List | ast.Tuple):
            found.item_lines.setdefault(name, []).extend(item.lineno for item in statement.value.elts)
    else:
        found.unknown[name] = statement.lineno
