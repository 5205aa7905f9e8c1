"""What an import would change (:func:`plan_import`), and making it so (:func:`apply_plan`)."""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from orgmodel.errors import ReportingCycleError
from orgmodel.fields import FIELD_TITLES, check_group, check_id
from orgmodel.formats.importing import SHOWN_REJECTIONS, leave_unclassified, rejection_lines, unclassified_message
from orgmodel.formats.spreadsheet.columns import NOTE_COLUMNS, column_map, name_key
from orgmodel.formats.spreadsheet.read import file_error, read_rows
from orgmodel.formats.spreadsheet.values import ValueProblem, cell_text, parse_field, parse_office
from orgmodel.hierarchy import closes_loop
from orgmodel.i18n import Text, joined, tr
from orgmodel.ids import fresh_id
from orgmodel.model import OrgModel, Unit


@dataclass
class ImportPlan:
    """What an import would do. ``updated`` maps ids to their changed fields; a changed
    reporting line appears there as ``reports_to`` and new dependencies as ``depends_on``
    (a tuple of target ids), besides ``parents`` and ``dependencies``."""

    added: list[Unit] = field(default_factory=list)
    updated: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    parents: dict[str, str] = field(default_factory=dict)
    dependencies: list[tuple[str, str]] = field(default_factory=list)
    #: The alternative group of each new dependency that has one.
    groups: dict[tuple[str, str], str] = field(default_factory=dict)
    #: (row number, why) for every rejected row; the reasons are Texts.
    rejected: list[tuple[int, str]] = field(default_factory=list)
    #: Ids of the new units the sheet gave no office (left unclassified).
    unclassified: list[str] = field(default_factory=list)
    #: What the person should know about the columns (an "office" column of places...).
    notices: list[str] = field(default_factory=list)
    #: (row number, why) for every row imported without its reporting line: its manager is
    #: not in the sheet (nor the model) or is on a rejected row. Employee lists often name a
    #: manager outside the list; rejecting the row would lose it and everyone under it.
    without_manager: list[tuple[int, str]] = field(default_factory=list)

    def counts(self) -> Text:
        """How many units were added, updated, unchanged and rejected."""
        return tr(
            "{added} added, {updated} updated, {unchanged} unchanged, {rejected} rejected",
            added=len(self.added),
            updated=len(self.updated),
            unchanged=len(self.unchanged),
            rejected=len(self.rejected),
        )

    def messages(self) -> list[str]:
        """The counts, then what was noticed about the columns, the rows imported without
        their reporting line, the unclassified units, then the first rejected rows with why,
        one a line, then "… and N more"."""
        lines: list[str] = [self.counts(), *self.notices]
        lines += rejection_lines([(tr("row {row}", row=row), tr("{problem}; reporting line left out", problem=reason))
                                  for row, reason in self.without_manager])
        if self.unclassified:
            ids = set(self.unclassified)
            lines.append(unclassified_message([unit.name for unit in self.added if unit.id in ids]))
        lines += rejection_lines([(tr("row {row}", row=row), reason) for row, reason in self.rejected])
        return lines

    def summary(self) -> str:
        """One line: how many units were added, updated... and why the first rows were
        rejected (at most :data:`SHOWN_REJECTIONS`, then how many more)."""
        counts = tr(
            "{added} added, {updated} updated, {unchanged} unchanged, {rejected} rejected",
            added=len(self.added),
            updated=len(self.updated),
            unchanged=len(self.unchanged),
            rejected=len(self.rejected),
        )
        if not self.rejected:
            return counts
        shown = [tr("row {row}: {problem}", row=row, problem=reason) for row, reason in self.rejected[:SHOWN_REJECTIONS]]
        if len(self.rejected) > SHOWN_REJECTIONS:
            shown.append(tr("… and {count:,} more", count=len(self.rejected) - SHOWN_REJECTIONS))
        reasons = joined(shown, lambda first, second: tr("{first}, {second}", first=first, second=second))
        return tr("{counts} ({rejections})", counts=counts, rejections=reasons)


@dataclass
class _Entry:
    number: int
    uid: str
    existing: bool
    values: dict[str, Any]
    reports_to: str
    depends_on: str
    alternatives: str = ""
    parent: str | None = None
    targets: list[str] = field(default_factory=list)
    groups: dict[str, str] = field(default_factory=dict)  # target -> group


def _split_references(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[;,]", text) if part.strip()]


def _alternative_groups(text: str) -> list[tuple[str, list[str]]]:
    """The groups of an alternatives cell, ``group = a | b; other = c | d``, each with its
    references; a group written without a name is named after its first reference.

    >>> _alternative_groups("it = IT Istanbul | IT Ankara; payroll | Bureau")
    [('it', ['IT Istanbul', 'IT Ankara']), ('payroll', ['payroll', 'Bureau'])]
    """
    groups: list[tuple[str, list[str]]] = []
    for entry in (part.strip() for part in text.split(";") if part.strip()):
        name, sign, rest = entry.partition("=")
        references = [part.strip() for part in (rest if sign else entry).split("|") if part.strip()]
        group = name.strip() if sign else references[0] if references else ""
        if not references:
            raise _field_problem("alternatives", tr('no unit after "{group}"', group=group or entry))
        problem = check_group(group)
        if problem:
            raise _field_problem("alternatives", tr("group {group!r}: {problem}", group=group, problem=problem))
        if group in (g for g, _ in groups):
            raise _field_problem("alternatives", tr("group {group!r} is written twice", group=group))
        groups.append((group, references))
    return groups


def plan_import(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    mapping: dict[str, int],
    into: OrgModel | None = None,
) -> ImportPlan:
    """Work out what importing ``rows`` into ``into`` (or a new model) would change.

    Pure: nothing is modified. Rows whose id exists in ``into`` update that unit with their
    non-empty cells only; nothing is ever deleted. A row without id takes the id of the
    unit of ``into`` with the same name, else an id made from its name ("-2"... for
    repeats). ``reports_to`` and ``depends_on`` name units by id or by unique name,
    several separated by ";" or ",". A row with any problem is rejected as a whole, but for
    a ``reports_to`` naming no unit of the sheet or the model, or a unit on a rejected row:
    that row is imported without its reporting line (``without_manager`` says why).
    """
    plan = ImportPlan()
    existing = {unit.id: unit for unit in into.units()} if into is not None else {}
    mapping = dict(mapping)
    notes_from = [mapping.pop(name) for name in NOTE_COLUMNS if name in mapping]
    office_index = mapping.get("office")
    if office_index is not None and not _holds_offices(rows, office_index):
        # "office" meaning a place ("CEO office", "Istanbul"): kept, but not as the office.
        del mapping["office"]
        notes_from.append(office_index)
        plan.notices.append(tr('column "{column}" does not hold offices (front, middle, back): its values are kept in the notes',
                               column=_header(headers, office_index)))

    def cell(row: Sequence[str], name: str) -> str:
        index = mapping.get(name)
        if index is None or index >= len(row):
            return ""
        return row[index] if isinstance(row[index], str) else cell_text(row[index])

    numbered = [(getattr(row, "number", position + 2), row) for position, row in enumerate(rows)]

    # Ids written in the sheet are reserved first, so that made-up ids never take them.
    taken: set[str] = set(existing)
    taken.update(cell(row, "id").strip() for _, row in numbered)
    existing_by_name: dict[str, list[str]] = {}
    for unit in existing.values():
        existing_by_name.setdefault(name_key(unit.name), []).append(unit.id)

    entries: list[_Entry] = []
    claimed: dict[str, int] = {}
    for number, row in numbered:
        try:
            entry = _read_entry(number, row, cell, existing, existing_by_name, taken, claimed)
            _add_note_columns(entry, row, headers, notes_from)
            entries.append(entry)
        except ValueProblem as problem:
            plan.rejected.append((number, problem.message))

    # References resolve against every unit that may exist; rows rejected later are dropped
    # and the rows that point at them rejected in turn, until nothing changes.
    names: dict[str, set[str]] = {}
    final_name = {uid: unit.name for uid, unit in existing.items()}
    final_name.update({e.uid: e.values.get("name", final_name.get(e.uid, "")) for e in entries})
    for uid, name in final_name.items():
        names.setdefault(name_key(name), set()).add(uid)
    row_of = {e.uid: e.number for e in entries}
    id_key: dict[str, set[str]] = {}
    for uid in final_name:
        id_key.setdefault(name_key(uid), set()).add(uid)

    def resolve(reference: str, column: str, alive: set[str]) -> str:
        if reference in final_name:
            found = {reference}
        else:
            key = name_key(reference)
            found = names.get(key) or id_key.get(key) or set()
        if not found:
            raise _MissingUnit(_field_problem(column, tr('unknown unit "{reference}"', reference=reference)).message)
        if len(found) > 1:
            shown = ", ".join(sorted(found))
            raise _field_problem(column, tr('"{reference}" is ambiguous (ids {ids}); use the id', reference=reference, ids=shown))
        (uid,) = found
        if uid not in alive:
            raise _MissingUnit(_field_problem(column, tr('"{reference}" is on a rejected row (row {row})', reference=reference,
                                                         row=row_of[uid])).message)
        return uid

    def references(text: str, column: str, alive: set[str]) -> list[str]:
        text = text.strip()
        if not text:
            return []
        try:
            return [resolve(text, column, alive)]
        except ValueProblem as whole:
            parts = _split_references(text)
            if len(parts) <= 1:
                raise whole from None
        result: list[str] = []
        for chunk in (p.strip() for p in text.split(";") if p.strip()):
            try:
                found = [resolve(chunk, column, alive)]
            except ValueProblem:
                found = [resolve(part, column, alive) for part in _split_references(chunk)]
            result.extend(uid for uid in found if uid not in result)
        return result

    live = list(entries)
    while True:
        alive = set(existing) | {e.uid for e in live}
        failed: dict[int, str] = {}
        plan.without_manager = []
        for entry in live:
            try:
                try:
                    parents = references(entry.reports_to, "reports_to", alive)
                except _MissingUnit as problem:
                    plan.without_manager.append((entry.number, problem.message))
                    parents = []
                if len(parents) > 1:
                    raise _field_problem(
                        "reports_to", tr("a unit reports to one unit only, got {count}", count=len(parents))
                    )
                entry.parent = parents[0] if parents else None
                entry.targets = references(entry.depends_on, "depends_on", alive)
                if entry.uid in entry.targets:
                    raise _field_problem("depends_on", tr("{unit} cannot depend on itself", unit=final_name[entry.uid]))
                entry.groups = {}
                for group, chunk in _alternative_groups(entry.alternatives):
                    for target in [resolve(part, "alternatives", alive) for part in chunk]:
                        if target == entry.uid:
                            raise _field_problem("alternatives", tr("{unit} cannot depend on itself", unit=final_name[entry.uid]))
                        if target in entry.targets or target in entry.groups:
                            raise _field_problem("alternatives", tr('"{reference}" is named twice', reference=final_name[target]))
                        entry.groups[target] = group
                entry.targets += list(entry.groups)
            except ValueProblem as problem:
                failed[entry.number] = problem.message
        if not failed:
            # Reporting lines: the row that would close a loop is rejected.
            parent_of = dict(into.reporting_lines()) if into is not None else {}
            children_of: dict[str, dict[str, None]] = {}
            for child, parent in parent_of.items():
                children_of.setdefault(parent, {})[child] = None
            for entry in live:
                if entry.parent is None:
                    continue
                if closes_loop(entry.uid, entry.parent, parent_of, children_of):
                    cycle = ReportingCycleError(entry.uid, entry.parent, final_name[entry.uid], final_name[entry.parent])
                    failed[entry.number] = _field_problem("reports_to", cycle.text()).message
                    continue
                old = parent_of.get(entry.uid)
                if old is not None:
                    del children_of[old][entry.uid]
                parent_of[entry.uid] = entry.parent
                children_of.setdefault(entry.parent, {})[entry.uid] = None
        if not failed:
            break
        plan.rejected.extend(failed.items())
        live = [e for e in live if e.number not in failed]

    plan.rejected.sort()
    for entry in live:
        new_targets = [
            t for t in entry.targets if not (entry.existing and into is not None and into.has_dependency(entry.uid, t))
        ]
        plan.dependencies.extend((entry.uid, t) for t in new_targets)
        plan.groups.update(((entry.uid, t), entry.groups[t]) for t in new_targets if t in entry.groups)
        old_parent = into.parent(entry.uid) if entry.existing and into is not None else None
        if entry.parent is not None and entry.parent != old_parent:
            plan.parents[entry.uid] = entry.parent
        if not entry.existing:
            if "office" not in entry.values:
                leave_unclassified(entry.values)
                plan.unclassified.append(entry.uid)
            plan.added.append(Unit(entry.uid, **entry.values))
            continue
        old = existing[entry.uid]
        changes = {k: v for k, v in entry.values.items() if getattr(old, k) != v}
        if entry.uid in plan.parents:
            changes["reports_to"] = entry.parent
        if new_targets:
            changes["depends_on"] = tuple(new_targets)
        if changes:
            plan.updated.append((entry.uid, changes))
        else:
            plan.unchanged.append(entry.uid)
    return plan


class _MissingUnit(ValueProblem):
    """A reference to a unit that is not there (not in the sheet or model, or rejected)."""


def _field_problem(column: str, problem: str) -> ValueProblem:
    """A problem in the cell of ``column`` (a field name such as ``reports_to``)."""
    return ValueProblem(tr("{field}: {problem}", field=FIELD_TITLES.get(column, column), problem=problem))


def _read_entry(number, row, cell, existing, existing_by_name, taken, claimed) -> _Entry:
    values: dict[str, Any] = {}
    for name in ("name", "office", "revenue_generating", "headcount", "cost", "revenue",
                 "automation_potential", "automation_ease", "tags", "notes"):
        text = cell(row, name)
        if not text.strip():
            continue
        try:
            values[name] = parse_field(name, text)
        except ValueProblem as problem:
            raise _field_problem(name, problem.message) from None
    uid = cell(row, "id").strip()
    if uid:
        problem = check_id(uid)
        if problem:
            raise _field_problem("id", problem)
        if uid in claimed:
            raise _field_problem("id", tr('"{unit}" is already on row {row}', unit=uid, row=claimed[uid]))
    elif "name" in values:
        same = [u for u in existing_by_name.get(name_key(values["name"]), []) if u not in claimed]
        if len(existing_by_name.get(name_key(values["name"]), [])) == 1 and same:
            uid = same[0]
        else:
            uid = fresh_id(values["name"], taken)
            taken.add(uid)
    is_existing = uid in existing
    if not is_existing:
        if "name" not in values:
            raise _field_problem("name", tr("must not be empty"))
    claimed[uid] = number
    return _Entry(number, uid, is_existing, values, cell(row, "reports_to"), cell(row, "depends_on"), cell(row, "alternatives"))


def _header(headers: Sequence[str], index: int) -> str:
    return str(headers[index]) if index < len(headers) and headers[index] else tr("column {number}", number=index + 1)


def _holds_offices(rows: Sequence[Sequence[str]], index: int) -> bool:
    """Whether most filled cells of column ``index`` name an office (front, ön ofis...);
    each distinct value is looked at once (a column repeats a few values many times)."""
    counts = Counter(str(row[index]) for row in rows if index < len(row) and str(row[index]).strip())
    offices = 0
    for text, count in counts.items():
        try:
            parse_office(text)
            offices += count
        except ValueProblem:
            pass
    return offices * 2 >= sum(counts.values())


def _add_note_columns(entry: _Entry, row: Sequence[str], headers: Sequence[str], indexes: list[int]) -> None:
    """"Header: value" lines in the notes for the columns kept there (job titles, places)."""
    lines = [f"{_header(headers, i)}: {str(row[i]).strip()}" for i in indexes if i < len(row) and str(row[i]).strip()]
    if lines:
        notes = entry.values.get("notes")
        entry.values["notes"] = "\n".join([notes, *lines] if notes else lines)


def apply_plan(model: OrgModel, plan: ImportPlan) -> None:
    """Make the changes of ``plan`` (made with ``into=model``) through the model's public API."""
    for unit in plan.added:
        model.add_unit(unit)
    for uid, changes in plan.updated:
        fields_only = {k: v for k, v in changes.items() if k not in ("reports_to", "depends_on")}
        if fields_only:
            model.update_unit(uid, **fields_only)
    # Detach first: the old and new reporting lines mixed could form a loop for a moment.
    for uid in plan.parents:
        if model.parent(uid) is not None:
            model.set_parent(uid, None)
    for uid, parent in plan.parents.items():
        model.set_parent(uid, parent)
    for source, target in plan.dependencies:
        model.add_dependency(source, target, group=plan.groups.get((source, target)))


def import_model(path: str | os.PathLike[str], columns: dict[str, str] | None = None,
                 sheet: str | None = None) -> tuple[OrgModel, ImportPlan]:
    """A new model (named after the file) from a spreadsheet, with the plan that built it.
    ``columns`` (field -> header) override the guessed columns; ``sheet``: see :func:`read_rows`."""
    notices: list[str] = []
    headers, rows = read_rows(path, sheet, notices)
    mapping, problem = column_map(headers, dict(columns or {}))
    if problem:
        raise file_error(str(path), problem)
    if "name" not in mapping:
        raise file_error(
            str(path), tr("no column for unit names (expected a header such as name, unit, ad or birim adı)")
        )
    plan = plan_import(headers, rows, mapping, None)
    plan.notices[:0] = notices
    model = OrgModel(Path(path).stem)
    apply_plan(model, plan)
    return model, plan
