"""The one small hierarchy of domain errors.

Every error carries the place of the problem (unit id, field, file position) so that the
editor can show it next to the thing at fault and the command line can print it on one line.
"""

from __future__ import annotations

from dataclasses import dataclass


class OrgModelError(Exception):
    """Base of every error OrgModel raises on purpose; its message is meant for people."""


class UnknownUnitError(OrgModelError, KeyError):
    """A unit id that is not in the model."""

    def __init__(self, unit_id: str) -> None:
        super().__init__(f"unknown unit {unit_id!r}")
        self.unit_id = unit_id

    def __str__(self) -> str:  # KeyError would add quotes around the message
        return str(self.args[0])


class DuplicateUnitError(OrgModelError):
    """A unit id that is already taken."""

    def __init__(self, unit_id: str) -> None:
        super().__init__(f"a unit with id {unit_id!r} already exists")
        self.unit_id = unit_id


class FieldError(OrgModelError, ValueError):
    """A field value that breaks the rules of the format (wrong type, out of range...)."""

    def __init__(self, field: str, message: str, unit_id: str | None = None) -> None:
        where = f"unit {unit_id!r}, {field}" if unit_id is not None else field
        super().__init__(f"{where}: {message}")
        self.field = field
        self.unit_id = unit_id
        self.reason = message


class ReportingCycleError(OrgModelError):
    """Making ``unit_id`` report to ``parent_id`` would close a loop in the org chart."""

    def __init__(self, unit_id: str, parent_id: str, unit_name: str = "", parent_name: str = "") -> None:
        unit_label = unit_name or unit_id
        parent_label = parent_name or parent_id
        if unit_id == parent_id:
            message = f"{unit_label!s} cannot report to itself"
        else:
            message = (
                f"{unit_label!s} cannot report to {parent_label!s}: "
                f"{parent_label!s} already reports (directly or indirectly) to {unit_label!s}"
            )
        super().__init__(message)
        self.unit_id = unit_id
        self.parent_id = parent_id


class DependencyError(OrgModelError):
    """A dependency that cannot exist (self-dependency, duplicate, unknown one)."""

    def __init__(self, source: str, target: str, message: str) -> None:
        super().__init__(message)
        self.source = source
        self.target = target


@dataclass(frozen=True)
class Problem:
    """One problem found in a model file, with its place.

    ``path`` is a JSON path such as ``units[3].office``; ``line``/``column`` are set for
    syntax errors, where no path exists yet.
    """

    path: str
    message: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        if self.line is not None:
            return f"line {self.line}, column {self.column}: {self.message}"
        if self.path:
            return f"{self.path}: {self.message}"
        return self.message


class ModelFileError(OrgModelError):
    """A file that cannot be opened as a model; lists every problem found, not just the first."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = list(problems)
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        """One line per problem, each prefixed by the file name."""
        prefix = f"{self.source}: " if self.source else ""
        return [f"{prefix}{problem}" for problem in self.problems]
