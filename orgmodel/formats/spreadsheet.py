"""Units to and from spreadsheets (CSV and Excel ``.xlsx``): one row per unit.

Reading is *read → plan → apply*: :func:`read_rows` gives the header and the cells as text,
:func:`guess_mapping` finds the columns (English or Turkish headers), :func:`plan_import`
works out what would change without changing anything (every bad row is rejected with its
row number and column, never aborting the rest), and :func:`apply_plan` makes the changes
through the model's public API. :func:`import_model` does all of it for a new model.

Columns (:data:`FIELDS`): id, name, office, revenue_generating, reports_to, depends_on,
headcount, cost, revenue, automation_potential, tags, notes.

What a spreadsheet keeps: every unit's id, name, office, revenue-generating flag,
headcount, cost, revenue, automation potential (written as a share, 0.4), tags (joined
with "; "), notes, its reporting line (parent id) and the units it depends on (ids joined
with "; "). What it drops: positions (x, y), colours, unknown ``extra`` keys of units and of
the model, dependency weights and labels, the model name (an import names the model after
the file), and the file order of dependencies (they come back grouped by unit). Text that
starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is written with a leading
apostrophe so that spreadsheet programs do not run it as a formula; it reads back *with*
the apostrophe. Names, ids and tags lose surrounding spaces; a tag cannot contain ";".

Numbers: "1234", "1234.5", "1.234.567,89", "1,234,567.89" and "1,5" (decimal comma) are
read; a single "." is a decimal point and a single "," a decimal comma, so "1.234" is one
point two three four (for a headcount that is refused as not a whole number). Automation
potential is a share between 0 and 1, or a percentage written with "%" ("40%").

>>> guess_mapping(["Birim Adı", "OFİS", "Bağlı olduğu", "Extra", "Çalışan sayısı"])
{'name': 0, 'office': 1, 'reports_to': 2, 'headcount': 4}
>>> parse_number("1.234.567,89"), parse_number("1,234,567.89"), parse_number("12%")
(1234567.89, 1234567.89, 0.12)
"""

from __future__ import annotations

import csv
import io
import math
import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from orgmodel.errors import OrgModelError
from orgmodel.formats.atomic import write_file
from orgmodel.fields import FIELD_TITLES, UNIT_FIELD_CHECKS, check_id, check_office
from orgmodel.i18n import joined, tr
from orgmodel.model import OrgModel, Unit, slugify

FIELDS: tuple[str, ...] = (
    "id",
    "name",
    "office",
    "revenue_generating",
    "reports_to",
    "depends_on",
    "headcount",
    "cost",
    "revenue",
    "automation_potential",
    "tags",
    "notes",
)

CSV_EXTENSIONS = (".csv", ".tsv", ".txt")
XLSX_EXTENSIONS = (".xlsx", ".xlsm")


class SpreadsheetError(OrgModelError):
    """A file that cannot be read or written as a spreadsheet; the message names the file."""


def _file_error(source: str, problem: str) -> SpreadsheetError:
    return SpreadsheetError(tr("{file}: {problem}", file=source, problem=problem))


def normalise_key(text: str) -> str:
    """Compare headers and names ignoring case, Turkish dotted/dotless i, accents and punctuation.

    >>> normalise_key("  BAĞLI  Olduğu: ") == normalise_key("bagli oldugu")
    True
    >>> normalise_key("İŞ") == normalise_key("is") == normalise_key("IŞ")
    True
    """
    text = text.replace("İ", "i").replace("I", "i").replace("ı", "i").casefold()
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


def _name_key(text: str) -> str:
    """Like :func:`normalise_key` but keeping punctuation: "R&D" and "R D" stay different."""
    text = text.replace("İ", "i").replace("I", "i").replace("ı", "i").casefold()
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return " ".join(text.split())


_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "kod", "birim kodu", "unit id", "code"),
    "name": ("name", "unit", "unit name", "department", "ad", "adı", "birim", "birim adı", "departman"),
    "office": ("office", "ofis", "büro"),
    "revenue_generating": ("revenue generating", "revenue-generating", "gelir getiren", "gelir getirici"),
    "reports_to": ("reports to", "parent", "manager", "bağlı olduğu", "bağlı", "yönetici", "üst birim"),
    "depends_on": ("depends on", "dependencies", "bağımlılıklar", "bağımlı olduğu", "destek alır"),
    "headcount": ("headcount", "employees", "çalışan sayısı", "personel sayısı"),
    "cost": ("cost", "maliyet", "gider"),
    "revenue": ("revenue", "gelir", "ciro"),
    "automation_potential": ("automation potential", "automation", "otomasyon potansiyeli", "otomasyon"),
    "tags": ("tags", "etiketler"),
    "notes": ("notes", "notlar", "açıklama"),
}
_HEADER_FIELD: dict[str, str] = {
    normalise_key(alias): name for name, aliases in _ALIASES.items() for alias in (name, *aliases)
}


def guess_mapping(headers: Sequence[str]) -> dict[str, int]:
    """Field -> column index for the headers recognised; the first matching column wins."""
    mapping: dict[str, int] = {}
    for index, header in enumerate(headers):
        name = _HEADER_FIELD.get(normalise_key(str(header or "")))
        if name is not None and name not in mapping:
            mapping[name] = index
    return mapping


# -- values ------------------------------------------------------------------------------------

_OFFICE_WORDS = {
    "front": ("front", "ön", "ön ofis", "front office"),
    "middle": ("middle", "orta", "orta ofis", "middle office"),
    "back": ("back", "arka", "arka ofis", "back office"),
}
_OFFICE: dict[str, str] = {normalise_key(w): office for office, words in _OFFICE_WORDS.items() for w in words}

_TRUE = {normalise_key(w) for w in ("yes", "true", "1", "evet", "e", "x", "y", "doğru")}
_FALSE = {normalise_key(w) for w in ("no", "false", "0", "hayır", "h", "n", "yanlış")}


class ValueProblem(ValueError):
    """A cell that cannot be read; the message (``args[0]``, a Text) says what was expected."""

    @property
    def message(self) -> str:
        return self.args[0] if self.args and isinstance(self.args[0], str) else str(self)


def parse_office(text: str) -> str:
    office = _OFFICE.get(normalise_key(text))
    if office is None:
        raise ValueProblem(check_office(text.strip()) or "")
    return office


def parse_bool(text: str) -> bool | None:
    key = normalise_key(text)
    if not key:
        return None
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise ValueProblem(tr('expected yes or no, got "{value}"', value=text.strip()))


_PLAIN = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\Z")
_GROUPED = re.compile(r"[+-]?\d{1,3}(G\d{3})+(D\d+)?\Z")
_DECIMAL = re.compile(r"[+-]?\d*D\d+\Z|[+-]?\d+D?\Z")
_SPACES = re.compile(r"[\s\u00a0\u202f']+")


def parse_number(text: str) -> int | float:
    """A number written the English or the Turkish/European way; "12%" is 0.12.

    >>> parse_number("1234"), parse_number("1 234,5"), parse_number("1,5"), parse_number("-2")
    (1234, 1234.5, 1.5, -2)
    """
    raw = text.strip()
    compact = _SPACES.sub("", raw)
    percent = compact.endswith("%")
    if percent:
        compact = compact[:-1]
    value: int | float | None = None
    if _PLAIN.match(compact):
        value = int(compact) if re.fullmatch(r"[+-]?\d+", compact) else float(compact)
    else:
        for group, decimal in ((".", ","), (",", ".")):
            shape = compact.replace(group, "G").replace(decimal, "D")
            if _GROUPED.match(shape) or (group not in compact and _DECIMAL.match(shape)):
                digits = compact.replace(group, "").replace(decimal, ".")
                value = float(digits) if "." in digits else int(digits)
                break
    if value is None:
        raise ValueProblem(tr('expected a number, got "{value}"', value=raw))
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueProblem(tr('must be a finite number, got "{value}"', value=raw))
    if percent:
        value = value / 100
    return value


def _parse_field(name: str, text: str) -> Any:
    """The value of one non-empty cell for ``name``, checked with the model's rules."""
    if name == "office":
        value: Any = parse_office(text)
    elif name == "revenue_generating":
        value = parse_bool(text)
    elif name in ("headcount", "cost", "revenue", "automation_potential"):
        written = text.strip()
        value = parse_number(written)
        if name == "headcount":
            if isinstance(value, float) and value.is_integer() and "%" not in written:
                value = int(value)
            if "%" in written:
                raise ValueProblem(tr('expected a whole number, got "{value}"', value=written))
        elif name == "automation_potential":
            if written.endswith("%"):
                if not 0 <= value <= 1:
                    raise ValueProblem(tr("expected a percentage between 0% and 100%, got {value}", value=written))
            elif value > 1:
                raise ValueProblem(tr("expected a share between 0 and 1 or a percentage like 40%, got {value}", value=written))
            value = float(value)
        else:
            if "%" in written:
                raise ValueProblem(tr('expected an amount, got "{value}"', value=written))
            try:
                value = float(value)
            except OverflowError:
                raise ValueProblem(tr("number too large")) from None
    elif name == "tags":
        value = tuple(tag.strip() for tag in text.split(";") if tag.strip())
    elif name == "notes":
        value = text
    else:  # name
        value = text.strip()
    problem = UNIT_FIELD_CHECKS[name](value)
    if problem:
        raise ValueProblem(problem)
    return value


# -- reading -----------------------------------------------------------------------------------


class Row(list):
    """The cells of one row as text, with ``number``: its row number in the spreadsheet."""

    __slots__ = ("number",)

    def __init__(self, cells: Sequence[str], number: int) -> None:
        super().__init__(cells)
        self.number = number


def read_rows(path: str | os.PathLike[str]) -> tuple[list[str], list[Row]]:
    """The header and the non-blank rows of a CSV or ``.xlsx`` file, every cell as text.

    Each row is a :class:`Row` (a list) whose ``number`` is the spreadsheet row number
    (the header is row 1 when it is the first row); blank rows are skipped but counted.
    """
    file = Path(path)
    source = str(path)
    suffix = file.suffix.lower()
    if suffix == ".xls":
        raise _file_error(source, tr("old Excel .xls files are not supported; save it as .xlsx or CSV"))
    if suffix not in CSV_EXTENSIONS + XLSX_EXTENSIONS:
        if suffix:
            raise _file_error(source, tr("not a spreadsheet: expected .csv or .xlsx, got {extension}", extension=suffix))
        raise _file_error(source, tr("not a spreadsheet: expected .csv or .xlsx, got no extension"))
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise _file_error(source, tr("no such file")) from None
    except IsADirectoryError:
        raise _file_error(source, tr("is a folder, not a spreadsheet")) from None
    except PermissionError:
        raise _file_error(source, tr("permission denied")) from None
    except OSError as error:
        raise _file_error(source, tr("cannot read: {reason}", reason=error.strerror or str(error))) from None
    if suffix in XLSX_EXTENSIONS:
        records = _xlsx_records(data, source)
    else:
        records = _csv_records(data, source)
    header: list[str] | None = None
    rows: list[Row] = []
    for number, cells in enumerate(records, start=1):
        if not any(cell.strip() for cell in cells):
            continue
        if header is None:
            header = [cell.strip() for cell in cells]
        else:
            rows.append(Row(cells, number))
    if header is None:
        raise _file_error(source, tr("no header row (the file is empty)"))
    return header, rows


def _decode(data: bytes, source: str) -> str:
    if b"\x00" in data:
        raise _file_error(source, tr("not a text file (NUL byte at offset {offset})", offset=data.index(0)))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1254", errors="replace")


def _delimiter(text: str) -> str:
    """Comma, semicolon or tab: the one the header line uses, else what csv.Sniffer says."""
    first_line = text.split("\n", 1)[0]
    counts = {d: first_line.count(d) for d in (";", "\t", ",")}
    used = [d for d, n in counts.items() if n]
    if len(used) == 1:
        return used[0]
    try:
        return csv.Sniffer().sniff(text[:65536], delimiters=",;\t").delimiter
    except csv.Error:
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","


def _csv_records(data: bytes, source: str) -> list[list[str]]:
    text = _decode(data, source)
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text)))
    except csv.Error as error:
        raise _file_error(source, tr("not a readable CSV file: {reason}", reason=str(error))) from None


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return _number_text(value)
    if isinstance(value, int):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _number_text(value: int | float) -> str:
    """Numbers as text that reads back exactly: no ".0" on whole numbers, repr otherwise."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)


def _xlsx_records(data: bytes, source: str) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises zipfile, KeyError, XML errors...
        raise _file_error(source, tr("not a readable .xlsx workbook ({error})", error=type(error).__name__)) from None
    try:
        if not workbook.worksheets:
            raise _file_error(source, tr("the workbook has no sheets"))
        sheet = workbook.worksheets[0]
        if hasattr(sheet, "reset_dimensions"):
            sheet.reset_dimensions()  # some writers store a wrong size; read everything
        records = []
        for values in sheet.iter_rows(values_only=True):
            cells = [_cell_text(value) for value in values]
            while cells and cells[-1] == "":
                cells.pop()
            records.append(cells)
        return records
    except SpreadsheetError:
        raise
    except Exception as error:
        raise _file_error(source, tr("not a readable .xlsx workbook ({error})", error=type(error).__name__)) from None
    finally:
        workbook.close()


# -- planning ----------------------------------------------------------------------------------


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
    #: (row number, why) for every rejected row; the reasons are Texts.
    rejected: list[tuple[int, str]] = field(default_factory=list)

    def summary(self) -> str:
        """One line: how many units were added, updated... and why each row was rejected."""
        counts = tr(
            "{added} added, {updated} updated, {unchanged} unchanged, {rejected} rejected",
            added=len(self.added),
            updated=len(self.updated),
            unchanged=len(self.unchanged),
            rejected=len(self.rejected),
        )
        if not self.rejected:
            return counts
        reasons = joined(
            [tr("row {row}: {problem}", row=row, problem=reason) for row, reason in self.rejected],
            lambda first, second: tr("{first}, {second}", first=first, second=second),
        )
        return tr("{counts} ({rejections})", counts=counts, rejections=reasons)


@dataclass
class _Entry:
    number: int
    uid: str
    existing: bool
    values: dict[str, Any]
    reports_to: str
    depends_on: str
    parent: str | None = None
    targets: list[str] = field(default_factory=list)


def _split_references(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[;,]", text) if part.strip()]


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
    several separated by ";" or ",". A row with any problem is rejected as a whole.
    """
    plan = ImportPlan()
    existing = {unit.id: unit for unit in into.units()} if into is not None else {}

    def cell(row: Sequence[str], name: str) -> str:
        index = mapping.get(name)
        if index is None or index >= len(row):
            return ""
        return row[index] if isinstance(row[index], str) else _cell_text(row[index])

    numbered = [(getattr(row, "number", position + 2), row) for position, row in enumerate(rows)]

    # Ids written in the sheet are reserved first, so that made-up ids never take them.
    taken: set[str] = set(existing)
    taken.update(cell(row, "id").strip() for _, row in numbered)
    existing_by_name: dict[str, list[str]] = {}
    for unit in existing.values():
        existing_by_name.setdefault(_name_key(unit.name), []).append(unit.id)

    entries: list[_Entry] = []
    claimed: dict[str, int] = {}
    for number, row in numbered:
        try:
            entries.append(_read_entry(number, row, cell, existing, existing_by_name, taken, claimed))
        except ValueProblem as problem:
            plan.rejected.append((number, problem.message))

    # References resolve against every unit that may exist; rows rejected later are dropped
    # and the rows that point at them rejected in turn, until nothing changes.
    names: dict[str, set[str]] = {}
    final_name = {uid: unit.name for uid, unit in existing.items()}
    final_name.update({e.uid: e.values.get("name", final_name.get(e.uid, "")) for e in entries})
    for uid, name in final_name.items():
        names.setdefault(_name_key(name), set()).add(uid)
    row_of = {e.uid: e.number for e in entries}
    id_key: dict[str, set[str]] = {}
    for uid in final_name:
        id_key.setdefault(_name_key(uid), set()).add(uid)

    def resolve(reference: str, column: str, alive: set[str]) -> str:
        if reference in final_name:
            found = {reference}
        else:
            key = _name_key(reference)
            found = names.get(key) or id_key.get(key) or set()
        if not found:
            raise _field_problem(column, tr('unknown unit "{reference}"', reference=reference))
        if len(found) > 1:
            shown = ", ".join(sorted(found))
            raise _field_problem(column, tr('"{reference}" is ambiguous (ids {ids}); use the id', reference=reference, ids=shown))
        (uid,) = found
        if uid not in alive:
            raise _field_problem(column, tr('"{reference}" is on a rejected row (row {row})', reference=reference, row=row_of[uid]))
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
        for entry in live:
            try:
                parents = references(entry.reports_to, "reports_to", alive)
                if len(parents) > 1:
                    raise _field_problem(
                        "reports_to", tr("a unit reports to one unit only, got {count}", count=len(parents))
                    )
                entry.parent = parents[0] if parents else None
                entry.targets = references(entry.depends_on, "depends_on", alive)
                if entry.uid in entry.targets:
                    raise _field_problem("depends_on", tr("{unit} cannot depend on itself", unit=final_name[entry.uid]))
            except ValueProblem as problem:
                failed[entry.number] = problem.message
        if not failed:
            # Reporting lines: the row that would close a loop is rejected.
            parent_of = dict(into.reporting_lines()) if into is not None else {}
            for entry in live:
                if entry.parent is None:
                    continue
                chain, current = set(), entry.parent
                while current is not None and current != entry.uid and current not in chain:
                    chain.add(current)
                    current = parent_of.get(current)
                if current == entry.uid:
                    me, boss = final_name[entry.uid], final_name[entry.parent]
                    if entry.parent == entry.uid:
                        reason = tr("{unit} cannot report to itself", unit=me)
                    else:
                        reason = tr(
                            "{unit} cannot report to {parent}: "
                            "{parent} already reports (directly or indirectly) to {unit}",
                            unit=me,
                            parent=boss,
                        )
                    failed[entry.number] = _field_problem("reports_to", reason).message
                    continue
                parent_of[entry.uid] = entry.parent
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
        old_parent = into.parent(entry.uid) if entry.existing and into is not None else None
        if entry.parent is not None and entry.parent != old_parent:
            plan.parents[entry.uid] = entry.parent
        if not entry.existing:
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


def _field_problem(column: str, problem: str) -> ValueProblem:
    """A problem in the cell of ``column`` (a field name such as ``reports_to``)."""
    return ValueProblem(tr("{field}: {problem}", field=FIELD_TITLES.get(column, column), problem=problem))


def _read_entry(number, row, cell, existing, existing_by_name, taken, claimed) -> _Entry:
    values: dict[str, Any] = {}
    for name in ("name", "office", "revenue_generating", "headcount", "cost", "revenue",
                 "automation_potential", "tags", "notes"):
        text = cell(row, name)
        if not text.strip():
            continue
        try:
            values[name] = _parse_field(name, text)
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
        same = [u for u in existing_by_name.get(_name_key(values["name"]), []) if u not in claimed]
        if len(existing_by_name.get(_name_key(values["name"]), [])) == 1 and same:
            uid = same[0]
        else:
            base = slugify(values["name"]) or "unit"
            uid, counter = base, 2
            while uid in taken:
                uid = f"{base}-{counter}"
                counter += 1
            taken.add(uid)
    is_existing = uid in existing
    if not is_existing:
        if "name" not in values:
            raise _field_problem("name", tr("must not be empty"))
        if "office" not in values:
            raise _field_problem("office", tr('must not be empty (expected "front", "middle" or "back")'))
    claimed[uid] = number
    return _Entry(number, uid, is_existing, values, cell(row, "reports_to"), cell(row, "depends_on"))


# -- applying ----------------------------------------------------------------------------------


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
        model.add_dependency(source, target)


def import_model(path: str | os.PathLike[str]) -> tuple[OrgModel, ImportPlan]:
    """A new model (named after the file) from a spreadsheet, with the plan that built it."""
    headers, rows = read_rows(path)
    mapping = guess_mapping(headers)
    if "name" not in mapping:
        raise _file_error(
            str(path), tr("no column for unit names (expected a header such as name, unit, ad or birim adı)")
        )
    plan = plan_import(headers, rows, mapping, None)
    model = OrgModel(Path(path).stem)
    apply_plan(model, plan)
    return model, plan


# -- writing -----------------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Text that a spreadsheet program would run as a formula gets a leading apostrophe.

    >>> neutralise("=HYPERLINK(1)"), neutralise("Sales")
    ("'=HYPERLINK(1)", 'Sales')
    """
    return "'" + text if text.startswith(_FORMULA_START) else text


def _rows_for(model: OrgModel) -> list[list[Any]]:
    targets: dict[str, list[str]] = {}
    for dep in model.dependencies():
        targets.setdefault(dep.source, []).append(dep.target)
    rows = []
    for unit in model.units():
        flag = "" if unit.revenue_generating is None else ("yes" if unit.revenue_generating else "no")
        rows.append([
            neutralise(unit.id),
            neutralise(unit.name),
            unit.office,
            flag,
            neutralise(model.parent(unit.id) or ""),
            neutralise("; ".join(targets.get(unit.id, ()))),
            unit.headcount,
            unit.cost,
            unit.revenue,
            unit.automation_potential,
            neutralise("; ".join(unit.tags)),
            neutralise(unit.notes or ""),
        ])
    return rows


def csv_bytes(model: OrgModel) -> bytes:
    """UTF-8 with BOM (Excel opens it right), comma-separated, English headers."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(FIELDS)
    for row in _rows_for(model):
        writer.writerow(["" if v is None else (_number_text(v) if isinstance(v, (int, float)) else v) for v in row])
    return buffer.getvalue().encode("utf-8-sig")


def write_csv(model: OrgModel, path: str | os.PathLike[str]) -> None:
    """Write :func:`csv_bytes` to ``path`` atomically; :class:`~orgmodel.formats.atomic.SaveError` names the file."""
    write_file(path, csv_bytes(model))


def xlsx_bytes(model: OrgModel) -> bytes:
    """One sheet, bold English headers, numbers as numbers and text always as text."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = (model.name or "Units")[:31].translate(str.maketrans("[]:*?/\\", "_______")) or "Units"
    sheet.append(list(FIELDS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for number, row in enumerate(_rows_for(model), start=2):
        for column, value in enumerate(row, start=1):
            if value is None or value == "":
                continue
            cell = sheet.cell(row=number, column=column, value=value)
            if isinstance(value, str):
                cell.data_type = "s"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_xlsx(model: OrgModel, path: str | os.PathLike[str]) -> None:
    """Write :func:`xlsx_bytes` to ``path`` atomically; :class:`~orgmodel.formats.atomic.SaveError` names the file."""
    write_file(path, xlsx_bytes(model))
