"""The one small hierarchy of domain errors.

Every error carries the place of the problem (unit id, field, file position) so that the
editor can show it next to the thing at fault and the command line can print it on one line.

Messages are made with :func:`orgmodel.i18n.tr`: ``str(error)`` is the English sentence (what
the command line prints), and ``error.args[0]`` is the :class:`~orgmodel.i18n.Text` behind it
whenever the message is translatable, which :meth:`OrgModelError.text` returns, so that the
editor can show it in the language of its interface (``localize(error.text(), ...)``).

>>> error = FieldError("headcount", tr("must be >= 0, got {value}", value=-1), "sales")
>>> str(error)
"unit 'sales', headcount: must be >= 0, got -1"
>>> error.args[0] is error.text(), error.text().template
(True, 'unit {unit!r}, {field}: {problem}')
"""

from __future__ import annotations

from dataclasses import dataclass

from orgmodel.i18n import Text, joined, tr


class OrgModelError(Exception):
    """Base of every error OrgModel raises on purpose; its message is meant for people.

    ``args[0]`` is the message: a :class:`~orgmodel.i18n.Text` (a ``str`` that keeps its
    template and arguments) when the message is translatable, as every message made in
    this package is.
    """

    def text(self) -> str:
        """The message: the :class:`~orgmodel.i18n.Text` of ``args[0]`` when there is one
        (translatable), else the plain English of ``str(self)``."""
        if self.args and isinstance(self.args[0], Text):
            return self.args[0]
        return str(self)


class UnknownUnitError(OrgModelError, KeyError):
    """A unit id that is not in the model."""

    def __init__(self, unit_id: str) -> None:
        super().__init__(tr("unknown unit {unit!r}", unit=unit_id))
        self.unit_id = unit_id

    def __str__(self) -> str:  # KeyError would add quotes around the message
        return str(self.args[0])


class DuplicateUnitError(OrgModelError):
    """A unit id that is already taken."""

    def __init__(self, unit_id: str) -> None:
        super().__init__(tr("a unit with id {unit!r} already exists", unit=unit_id))
        self.unit_id = unit_id


class FieldError(OrgModelError, ValueError):
    """A field value that breaks the rules of the format (wrong type, out of range...).

    ``reason`` is the rule's own message (a :class:`~orgmodel.i18n.Text`), without the place.
    """

    def __init__(self, field: str, message: str, unit_id: str | None = None) -> None:
        if unit_id is not None:
            text = tr("unit {unit!r}, {field}: {problem}", unit=unit_id, field=field, problem=message)
        else:
            text = tr("{field}: {problem}", field=field, problem=message)
        super().__init__(text)
        self.field = field
        self.unit_id = unit_id
        self.reason = message


class ReportingCycleError(OrgModelError):
    """Making ``unit_id`` report to ``parent_id`` would close a loop in the org chart."""

    def __init__(self, unit_id: str, parent_id: str, unit_name: str = "", parent_name: str = "") -> None:
        unit_label = unit_name or unit_id
        parent_label = parent_name or parent_id
        if unit_id == parent_id:
            message = tr("{unit} cannot report to itself", unit=unit_label)
        else:
            message = tr(
                "{unit} cannot report to {parent}: "
                "{parent} already reports (directly or indirectly) to {unit}",
                unit=unit_label,
                parent=parent_label,
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
    syntax errors, where no path exists yet. ``message`` is a :class:`~orgmodel.i18n.Text`.
    """

    path: str
    message: str
    line: int | None = None
    column: int | None = None

    def text(self) -> Text:
        """The problem with its place, as one translatable sentence (the message alone when
        it has no place; every message this package makes is a Text)."""
        if self.line is not None:
            return tr("line {line}, column {column}: {problem}", line=self.line, column=self.column, problem=self.message)
        if self.path:
            return tr("{path}: {problem}", path=self.path, problem=self.message)
        return self.message

    def __str__(self) -> str:
        return str(self.text())


class ModelFileError(OrgModelError):
    """A file that cannot be opened as a model; lists every problem found, not just the first.

    ``args[0]`` is all of :meth:`lines` as one Text, one problem per line.
    """

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = list(problems)
        super().__init__(joined(self.lines(), lambda above, below: tr("{above}\n{below}", above=above, below=below)))

    def lines(self) -> list[Text]:
        """One line per problem, each prefixed by the file name."""
        if not self.source:
            return [problem.text() for problem in self.problems]
        return [tr("{file}: {problem}", file=self.source, problem=problem.text()) for problem in self.problems]
