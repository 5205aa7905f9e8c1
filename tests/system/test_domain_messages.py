"""Every message the domain layer makes for people is translatable (``orgmodel.i18n.tr``).

Two halves: a scan of the source, which fails on a message ``pyside6-lupdate`` cannot
extract (an f-string, a plain literal, a template that is not a literal) and on a ``tr``
call whose arguments do not match its template; and behaviour tests, which provoke real
errors and warnings and check that every part of the sentence went through the mechanism,
with the English text unchanged.
"""

from __future__ import annotations

import ast
import errno
import inspect
import json
import os
import re
import string
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import orgmodel
import orgmodel.errors
from orgmodel.formats import native as fileformat
from orgmodel.formats import write_any
from orgmodel.errors import (
    DependencyError,
    FieldError,
    ModelFileError,
    OrgModelError,
    ReportingCycleError,
    UnknownUnitError,
)
from orgmodel.formats.graphml import GraphMLError, read_graphml
from orgmodel.i18n import Text, localize, tr
from orgmodel.lock import LockOwner
from orgmodel.model import OrgModel, Unit
from orgmodel.formats.spreadsheet import SpreadsheetError, import_model, read_rows

PACKAGE = Path(orgmodel.__file__).resolve().parent
#: Command-line output stays English; i18n.py is the mechanism itself (paths below orgmodel/).
NOT_SCANNED = {"cli.py", "cli_outputs.py", "cli_messages.py", "cli_reports.py", "cli_cost.py", "cli_whatif.py", "cli_classify.py", "__main__.py", "synthetic.py", "i18n.py"}
#: Words of the JSON format itself, the same in every language (like the "NaN" a file wrote).
JSON_TOKENS = {"null", "true", "false"}
#: Parameters that carry a message for people.
MESSAGE_PARAMETERS = {"message", "reason", "problem"}


# -- the source scan ---------------------------------------------------------------------------


def _modules() -> list[Path]:
    """Every module of the core, in every subpackage, but those not scanned."""
    return sorted(path for path in PACKAGE.rglob("*.py") if path.relative_to(PACKAGE).as_posix() not in NOT_SCANNED)


def test_the_scan_reads_every_module_of_every_subpackage():
    scanned = {path.relative_to(PACKAGE).as_posix() for path in _modules()}
    everything = {path.relative_to(PACKAGE).as_posix() for path in PACKAGE.rglob("*.py")}
    assert everything - scanned == NOT_SCANNED
    # The rooms of the core are really read, down to their deepest module.
    assert {"model.py", "formats/__init__.py", "analysis/__init__.py", "layout/__init__.py"} <= scanned
    assert max(name.count("/") for name in scanned) >= 1


def test_a_violation_planted_in_a_subpackage_is_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "orgmodel"
    (package / "formats" / "deep").mkdir(parents=True)
    (package / "cli.py").write_text('def f():\n    raise ValueError("not scanned: command-line words")\n', "utf-8")
    (package / "formats" / "deep" / "planted.py").write_text(
        'from orgmodel.errors import FieldError\ndef f():\n    raise FieldError("office", "must be one of three words")\n', "utf-8"
    )
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", package)
    assert [path.relative_to(package).as_posix() for path in _modules()] == ["formats/deep/planted.py"]
    with pytest.raises(AssertionError, match="planted.py"):
        test_every_domain_message_is_a_tr_call()


def _called_name(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _untranslatable(node: ast.AST | None) -> bool:
    """Whether ``node`` builds a message lupdate cannot see: an f-string, a non-empty
    literal, ``"..." % x``, ``"..." + x``, ``"...".format(...)``/``.join`` (also inside
    ``a if c else b`` and ``a or b``)."""
    if node is None:
        return False
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and node.value != ""
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return _untranslatable(node.left) or _untranslatable(node.right)
    if isinstance(node, ast.IfExp):
        return _untranslatable(node.body) or _untranslatable(node.orelse)
    if isinstance(node, ast.BoolOp):
        return any(_untranslatable(value) for value in node.values)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("format", "join"):
        return isinstance(node.func.value, (ast.Constant, ast.JoinedStr))
    return False


def _message_positions(source: ast.Module) -> dict[str, tuple[int | None, set[str]]]:
    """Callable name -> (index of its message argument, message keyword names): the error
    classes of ``orgmodel.errors``, ``ValueError``/``TypeError`` (first argument), and every
    class or function of the scanned source with a ``message``/``reason``/``problem``
    parameter (``Problem``, ``FieldError``, helpers such as ``_field_problem``)."""
    positions: dict[str, tuple[int | None, set[str]]] = {"ValueError": (0, set()), "TypeError": (0, set())}

    def from_parameters(names: list[str]) -> tuple[int | None, set[str]] | None:
        for index, name in enumerate(names):
            if name in MESSAGE_PARAMETERS:
                return index, {name}
        return None

    for name, cls in vars(orgmodel.errors).items():
        if isinstance(cls, type) and issubclass(cls, OrgModelError):
            if "__init__" in vars(cls):
                parameters = list(inspect.signature(cls.__init__).parameters)[1:]
                found = from_parameters(parameters)
                positions[name] = found or (None, set())  # e.g. UnknownUnitError(unit_id): an id
            else:
                positions[name] = (0, set())
    positions["Problem"] = from_parameters([f.name for f in orgmodel.errors.Problem.__dataclass_fields__.values()])
    error_names = set(positions)
    for node in ast.walk(source):
        if isinstance(node, ast.ClassDef):
            bases = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases}
            init = next((n for n in node.body if isinstance(n, ast.FunctionDef) and n.name == "__init__"), None)
            if init is not None:
                found = from_parameters([a.arg for a in init.args.args[1:]])
                if found:
                    positions[node.name] = found
            elif bases & (error_names | {"OrgModelError", "Exception"}):
                positions[node.name] = (0, set())  # SaveError, SpreadsheetError, ValueProblem...
        elif isinstance(node, ast.FunctionDef) and node.name != "__init__":
            arguments = [a.arg for a in node.args.args]
            if arguments[:1] in (["self"], ["cls"]):
                arguments = arguments[1:]
            found = from_parameters(arguments)
            if found:
                positions[node.name] = found
    return positions


def scan_source(text: str, filename: str) -> list[str]:
    """Every offence in one module, as ``file:line: what``."""
    tree = ast.parse(text, filename)
    found: list[str] = []
    positions = _message_positions(tree)
    formatter = string.Formatter()

    def offence(node: ast.AST, what: str) -> None:
        found.append(f"{filename}:{node.lineno}: {what}")

    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _called_name(node)
        if name == "tr" and isinstance(node.func, ast.Name):
            if not node.args or not (isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                offence(node, "tr() needs a plain string literal as its template (lupdate extracts nothing else)")
                continue
            if len(node.args) > 1 or any(isinstance(a, ast.Starred) for a in node.args):
                offence(node, "tr() takes the template and keyword arguments only")
            if any(k.arg is None for k in node.keywords):
                offence(node, "tr(**mapping) hides the arguments from this check; name them")
                continue
            try:
                fields = {f for _, f, _, _ in formatter.parse(node.args[0].value) if f is not None}
            except ValueError as error:
                offence(node, f"tr() template is not a valid format string ({error})")
                continue
            names = {re.split(r"[.\[]", f, maxsplit=1)[0] for f in fields}
            if "" in names or any(n.isdigit() for n in names):
                offence(node, "tr() template uses positional fields; give every field a name")
            given = {k.arg for k in node.keywords}
            if names - given:
                offence(node, f"tr() template fields without an argument: {sorted(names - given)}")
            if given - names:
                offence(node, f"tr() arguments the template does not use: {sorted(given - names)}")
            continue
        if name == "append" and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name):
            if node.func.value.id == "warnings" and node.args and _untranslatable(node.args[0]):
                offence(node, "a warning for people is not a tr() call")
            continue
        if name in positions:
            index, keywords = positions[name]
            if index is None:
                continue
            message = node.args[index] if index < len(node.args) else None
            message = message or next((k.value for k in node.keywords if k.arg in keywords), None)
            if _untranslatable(message):
                offence(node, f"the message of {name}() is not a tr() call")
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and _called_name(node.exc) not in positions:
            if any(isinstance(a, ast.JoinedStr) for a in node.exc.args):
                offence(node, f"{_called_name(node.exc)}() raised with an f-string")
        elif isinstance(node, ast.Call) and _called_name(node) == "__init__" and isinstance(node.func, ast.Attribute):
            owner = node.func.value  # super().__init__(message) in an error class
            if isinstance(owner, ast.Call) and _called_name(owner) == "super" and node.args and _untranslatable(node.args[0]):
                offence(node, "an error's message (super().__init__) is not a tr() call")
        elif isinstance(node, ast.JoinedStr) and _has_words(node):
            offence(node, "an f-string with words for people (make it a tr() call)")
    if Path(filename).name == "fields.py":
        for function in ast.walk(tree):
            if isinstance(function, (ast.FunctionDef, ast.Lambda)):
                body = [function.body] if isinstance(function, ast.Lambda) else list(ast.walk(function))
                for node in body:
                    value = node.value if isinstance(node, ast.Return) else (node if isinstance(function, ast.Lambda) else None)
                    if value is not None and _returns_words(value):
                        offence(node, "a check returns words that are not a tr() call")
    return found


def _has_words(node: ast.JoinedStr) -> bool:
    """Whether the literal parts of an f-string hold two words or more (a sentence), as
    opposed to ids, paths and keys such as ``f"units[{index}]"`` or ``f"{base}-{counter}"``."""
    literal = " ".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
    return sum(1 for token in literal.split() if re.fullmatch(r"[A-Za-z]{2,}[,;:.]?", token)) >= 2


def _returns_words(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and node.value not in JSON_TOKENS and node.value != ""
    if isinstance(node, ast.IfExp):
        return _returns_words(node.body) or _returns_words(node.orelse)
    if isinstance(node, ast.BoolOp):
        return any(_returns_words(value) for value in node.values)
    return _untranslatable(node) and not isinstance(node, ast.Constant)


def test_every_domain_message_is_a_tr_call():
    offences = []
    for path in _modules():
        offences += scan_source(path.read_text("utf-8"), path.relative_to(PACKAGE.parent).as_posix())
    assert not offences, "messages lupdate cannot extract or tr() calls that do not fit:\n" + "\n".join(offences)


def test_the_scan_finds_what_it_must():
    """The scan itself can fail: each line below is one offence."""
    bad = '''
from .errors import FieldError, DependencyError, Problem
def check_a(value):
    return f"expected {value}"
def check_b(value):
    return "must not be empty"
def check_c(value):
    return tr(template)
def check_d(value):
    return tr("got {value}", value)
def check_e(value):
    return tr("got {value}")
def f(path, x):
    raise FieldError("name", f"bad {x}")
def g(source):
    raise DependencyError(source, source, "cannot depend on itself")
def h(path, x):
    problems = [Problem(path, "no such file")]
    problems.append(Problem("", message="permission " + x))
def i(x):
    raise ValueError(f"not a number: {x}")
def j(warnings, x):
    warnings.append(f"node {x}: left out")
def k(column, problem):
    pass
def m(x):
    k("reports_to", f"unknown unit {x}")
def n(x):
    return "null" if x is None else tr("a string", extra=1)
class Oops(Exception):
    def __init__(self, unit_id):
        super().__init__(f"unknown unit {unit_id!r}")
def describe(pid, host):
    return f"process {pid} on {host}"
'''
    offences = scan_source(bad, "orgmodel/fields.py")
    lines = sorted({int(o.split(":")[1]) for o in offences})
    assert lines == [4, 6, 8, 10, 12, 14, 16, 18, 19, 21, 23, 27, 29, 32, 34], offences
    good = '''
from .errors import FieldError, Problem
def check_a(value):
    return tr("expected {what}, got {value!r}", what=tr("a string"), value=value)
def check_b(value):
    return "true" if value else "false"
def f(path, x):
    raise FieldError("name", tr("must be >= {low:g}", low=x))
    return Problem(path, tr("first " "second {x}", x=x))
def paths(index, base, counter):
    return f"units[{index}].parent", f"{base}-{counter}", f"{base}.{counter}"
'''
    assert scan_source(good, "orgmodel/fields.py") == []


# -- behaviour ---------------------------------------------------------------------------------

#: Raw arguments that look like English prose must be listed by the test that expects them
#: (an operating system's error text, say); anything else raw is an id, a path or a value.
_PROSE = re.compile(r"\b[a-z]{2,} [a-z]{2,}\b")


def texts(text: object) -> Iterator[Text]:
    """Every Text in the tree of ``text`` (itself first)."""
    if isinstance(text, Text):
        yield text
        for value in text.args.values():
            yield from texts(value)


def assert_translated(text: object, raw_prose: tuple[str, ...] = ()) -> str:
    """``text`` is a Text and every piece of it reaches the catalogue: localizing it with a
    fake catalogue looks up each Text of the tree and changes each sentence; no raw argument
    is an English sentence. Returns the English, which must be what ``str`` gives."""
    assert isinstance(text, Text), f"not translatable: {text!r}"
    asked: list[str] = []

    def lookup(template: str) -> str:
        asked.append(template)
        return "TR:" + template

    localized = localize(text, lookup)
    nodes = list(texts(text))
    assert sorted(asked) == sorted(node.template for node in nodes)
    assert localized.count("TR:") == len(nodes)
    assert localized.replace("TR:", "") == str(text)  # the same sentence once the markers go
    for node in nodes:
        assert node == node.template.format(**node.args)  # the English is the template filled in
        for key, value in node.args.items():
            if isinstance(value, str) and not isinstance(value, Text) and value not in raw_prose:
                assert not _PROSE.search(value), f"{node.template!r}: {key}={value!r} is English left raw"
    return str(text)


def assert_error_translated(error: OrgModelError, raw_prose: tuple[str, ...] = ()) -> None:
    message = error.args[0]
    assert error.text() is message
    assert assert_translated(message, raw_prose) == str(error)


def _broken(**unit) -> str:
    document = {"format": "orgmodel", "version": 1, "units": [{"id": "s", "name": "Sales", "office": "front", **unit}]}
    return json.dumps(document)


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ('{"format": "orgmodel", "version": 1, "units": [}', "line 1, column 48: invalid JSON: Expecting value"),
        ("", "line 1, column 1: invalid JSON: Expecting value"),
        ('{"format": "orgmodel", "version": 1, "units": [] "x": 1}', "line 1, column 50: invalid JSON: Expecting ',' delimiter"),
        ("[1, 2]", "expected an OrgModel model (a JSON object), got a list"),
        ('{"format": "excel"}', 'format: expected "orgmodel" (got "excel"): this is not an OrgModel model file'),
        ('{"format": "orgmodel", "version": 7, "units": []}', "version: this file was made by a newer OrgModel (format "
         "version 7); this OrgModel reads format version 1 — please update OrgModel to open it"),
        (_broken(office="frnt"), 'units[0].office: expected "front", "middle" or "back", got "frnt"'),
        (_broken(headcount=-3), "units[0].headcount: must be >= 0, got -3"),
        (_broken(cost="lots"), "units[0].cost: expected a number, got a string"),
        (_broken(automation_potential=1.5), "units[0].automation_potential: must be between 0 and 1, got 1.5"),
        (_broken(name=" "), "units[0].name: must not be empty"),
        (_broken(tags=["a", 3]), "units[0].tags: tag 2: expected a string, got a number"),
        (_broken(tags=["a", "a"]), "units[0].tags: tag 2: duplicate tag 'a'"),
        (_broken(notes="a\x07b"), "units[0].notes: control character U+0007 at position 2"),
        (_broken(color="red"), "units[0].color: expected a colour \"#rrggbb\", got 'red'"),
        (_broken(parent="ghost"), "units[0].parent: unknown unit 'ghost'"),
        (_broken(parent="s"), "units[0].parent: reporting cycle: Sales → Sales (a unit cannot report to itself, "
         "directly or indirectly)"),
        (_broken(x=float("nan")), "units[0].x: must be a finite number, got NaN"),
        (_broken(cost=int("9" * 400)), "units[0].cost: must be a finite number, got 999999999999… (400 digits)"),
        (_broken(revenue_generating="yes"), "units[0].revenue_generating: expected true or false, got a string"),
    ],
)
def test_model_file_problems_are_translatable(text, english):
    with pytest.raises(ModelFileError) as caught:
        fileformat.loads(text, "")
    error = caught.value
    assert str(error) == english
    (problem,) = error.problems
    assert isinstance(problem.message, Text)
    assert assert_translated(problem.text()) == str(problem) == english
    assert_error_translated(error)


def test_every_problem_of_a_file_and_its_name_are_translatable():
    document = {
        "format": "orgmodel",
        "version": 1,
        "units": [
            {"id": "s", "name": "Sales", "office": "frnt", "headcount": -1},
            {"id": "s", "office": "back", "tags": "x"},
            {"id": "it", "name": "IT", "office": "back"},
        ],
        "dependencies": [{"from": "it", "to": "it"}, {"from": "it"}, "x", {"from": "s", "to": "nowhere"}],
    }
    with pytest.raises(ModelFileError) as caught:
        fileformat.loads(json.dumps(document), "plan.orgmodel")
    error = caught.value
    assert len(error.problems) >= 8
    lines = error.lines()
    assert [str(line) for line in lines] == [f"plan.orgmodel: {problem}" for problem in error.problems]
    for line in lines:
        assert_translated(line)
    assert str(error) == "\n".join(lines)
    assert_error_translated(error)  # all the lines as one Text
    assert "plan.orgmodel: units[1].id: duplicate id 's' (also used by units[0])" in lines


def test_many_problems_stay_a_shallow_text():
    units = [{"id": f"u{i}", "name": "", "office": "front"} for i in range(5000)]
    with pytest.raises(ModelFileError) as caught:
        fileformat.loads(json.dumps({"format": "orgmodel", "version": 1, "units": units}))
    error = caught.value
    assert len(error.problems) == 5000

    def depth(text: object) -> int:
        return 1 + max((depth(v) for v in text.args.values() if isinstance(v, Text)), default=0)

    assert depth(error.args[0]) < 20
    assert localize(error.args[0], lambda template: None) == str(error)


def test_reading_a_file_that_is_not_a_model(tmp_path):
    for name, data, english in [
        ("a.orgmodel", b'{"a": 1\x00}', "not a text file (NUL byte at offset 7)"),
        ("b.orgmodel", b"\xff\xfe", "not UTF-8 text (byte 0xff at offset 0)"),
        ("c.txt", b"{}", "not an OrgModel file: expected a .orgmodel file, got .txt"),
        ("missing.orgmodel", None, "no such file"),
    ]:
        path = tmp_path / name
        if data is not None:
            path.write_bytes(data)
        with pytest.raises(ModelFileError) as caught:
            fileformat.load(path)
        assert str(caught.value) == f"{path}: {english}"
        assert_error_translated(caught.value)


def test_spreadsheet_problems_are_translatable(tmp_path):
    path = tmp_path / "units.csv"
    path.write_text(
        "id,name,office,reports_to,headcount,automation_potential\n"
        "s,Sales,front,,12,40%\n"
        "o,Ops,sideways,s,3,\n"
        "b,Back,back,nobody,2,\n"
        "c,Care,middle,s,2.5,\n"
        "d,Desk,back,s,,1.5\n",
        "utf-8",
    )
    model, plan = import_model(path)
    assert model.unit_ids() == ["s", "b"]
    assert [(row, str(reason)) for row, reason in plan.rejected] == [
        (3, 'office: expected "front", "middle" or "back", got "sideways"'),
        (5, "headcount: expected a whole number, got 2.5"),
        (6, "automation_potential: expected a share between 0 and 1 or a percentage like 40%, got 1.5"),
    ]
    for _, reason in plan.rejected:
        assert_translated(reason)
    assert [(row, str(reason)) for row, reason in plan.without_manager] == [(4, 'reports_to: unknown unit "nobody"')]
    for line in plan.messages():
        assert_translated(line)
    summary = plan.summary()
    assert str(summary).startswith("2 added, 0 updated, 0 unchanged, 3 rejected (row 3: office: expected")
    assert_translated(summary)


def test_spreadsheet_file_errors_are_translatable(tmp_path):
    old = tmp_path / "old.xls"
    old.write_bytes(b"whatever")
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"\n\n")
    nameless = tmp_path / "nameless.csv"
    nameless.write_text("office\nfront\n", "utf-8")
    for path, english in [
        (old, "old Excel .xls files are not supported; save it as .xlsx or CSV"),
        (empty, "no header row (the file is empty)"),
        (tmp_path / "missing.csv", "no such file"),
        (nameless, "no column for unit names (expected a header such as name, unit, ad or birim adı)"),
    ]:
        with pytest.raises(SpreadsheetError) as caught:
            import_model(path) if path is nameless else read_rows(path)
        assert str(caught.value) == f"{path}: {english}"
        assert_error_translated(caught.value)


GRAPHML = """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="o" for="node" attr.name="office" attr.type="string"/>
  <key id="h" for="node" attr.name="headcount" attr.type="int"/>
  <key id="k" for="edge" attr.name="kind" attr.type="string"/>
  <graph edgedefault="directed">
    <node id="a"><data key="o">front</data><data key="h">many</data></node>
    <node id="b"><data key="o">sideways</data></node>
    <node id="c"><data key="o">back</data></node>
    <node id="c"><data key="o">back</data></node>
    <edge source="a" target="zzz"/>
    <edge source="a" target="a"/>
    <edge id="r1" source="a" target="c"><data key="k">reports_to</data></edge>
    <edge id="r2" source="c" target="a"><data key="k">reports_to</data></edge>
    <edge source="a" target="c"><data key="k">weird</data></edge>
  </graph>
</graphml>
"""


def test_graphml_warnings_are_translatable(tmp_path):
    path = tmp_path / "model.graphml"
    path.write_text(GRAPHML, "utf-8")
    model, warnings = read_graphml(path)
    assert model.unit_ids() == ["a", "b", "c"]
    assert [str(w) for w in warnings] == [
        "node a: headcount: expected a whole number, got 'many', left out",
        "node b: office: unknown office 'sideways'",
        "node c: the id is used twice, the second node is left out",
        "1 unit has no office and is not classified: b",
        "edge 1 (a → zzz): unknown node 'zzz', left out",
        "edge 2 (a → a): a unit cannot depend on itself, left out",
        "edge r2 (c → a): c cannot report to a: a already reports (directly or indirectly) to c; "
        "reporting line left out",
        "edge 5 (a → c): unknown kind 'weird', read as a dependency",
    ]
    for warning in warnings:
        assert_translated(warning)


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ('<?xml version="1.0"?><!DOCTYPE graphml [<!ENTITY e "x">]><graphml/>',
         "refused: the file contains a DTD (<!DOCTYPE>), which GraphML does not need"),
        ("<svg/>", "not a GraphML file: the root element is <svg>"),
        ("<graphml><graph>", "not valid XML: the file ends too early (truncated) (line 1, column 17)"),
        ('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"/>', "not a GraphML file: no <graph> element"),
    ],
)
def test_graphml_errors_are_translatable(tmp_path, text, english):
    path = tmp_path / "bad.graphml"
    path.write_text(text, "utf-8")
    with pytest.raises(GraphMLError) as caught:
        read_graphml(path)
    assert str(caught.value) == f"{path}: {english}"
    assert str(caught.value.reason) == english
    assert_error_translated(caught.value)


def test_drawio_export_problems_are_translatable(tmp_path):
    model = OrgModel("Example")
    model.add_unit(Unit("s", "Sales", "front"))
    path = tmp_path / "missing-folder" / "chart.drawio"
    with pytest.raises(ModelFileError) as caught:
        write_any(model, str(path))
    reason = os.strerror(errno.ENOENT)
    assert str(caught.value) == f"{path}: cannot write: {reason}"
    assert_error_translated(caught.value, raw_prose=(reason,))
    with pytest.raises(ModelFileError) as caught:
        write_any(model, str(tmp_path / "chart.vsdx"))
    assert str(caught.value).endswith("chart.vsdx: cannot write .vsdx: use .orgmodel, .json, .csv, .xlsx, .graphml, .drawio")
    assert_error_translated(caught.value)


def _model() -> OrgModel:
    model = OrgModel("Example")
    for uid, name, office in [("sales", "Sales", "front"), ("ops", "Ops", "middle"), ("it", "IT", "back")]:
        model.add_unit(Unit(uid, name, office))
    return model


@pytest.mark.parametrize(
    ("changes", "english"),
    [
        ({"headcount": -1}, "unit 'sales', headcount: must be >= 0, got -1"),
        ({"office": "sideways"}, "unit 'sales', office: expected \"front\", \"middle\" or \"back\", got \"sideways\""),
        ({"tags": ["a", "a"]}, "unit 'sales', tags: tag 2: duplicate tag 'a'"),
        ({"name": 3}, "unit 'sales', name: expected a string, got a number"),
        ({"cost": float("inf")}, "unit 'sales', cost: must be a finite number, got inf"),
        ({"parent": "it"}, "unit 'sales', parent: is not an editable field of a unit"),
    ],
)
def test_field_errors_are_translatable(changes, english):
    with pytest.raises(FieldError) as caught:
        _model().update_unit("sales", **changes)
    error = caught.value
    assert str(error) == english
    assert isinstance(error.reason, Text) and error.reason in str(error)
    assert_error_translated(error)


def test_field_error_without_a_unit():
    model = _model()
    with pytest.raises(FieldError) as caught:
        model.set_name("a\x00b")
    assert str(caught.value) == "name: control character U+0000 at position 2"
    assert_error_translated(caught.value)
    with pytest.raises(FieldError) as caught:
        model.add_unit(Unit(" ", "Blank", "back"))
    assert str(caught.value) == "unit ' ', id: must not be empty"
    assert_error_translated(caught.value)


def test_reporting_cycle_errors_are_translatable():
    model = _model()
    model.set_parent("ops", "sales")
    model.set_parent("it", "ops")
    with pytest.raises(ReportingCycleError) as caught:
        model.set_parent("sales", "it")
    assert str(caught.value) == "Sales cannot report to IT: IT already reports (directly or indirectly) to Sales"
    assert_error_translated(caught.value)
    with pytest.raises(ReportingCycleError) as caught:
        model.set_parent("it", "it")
    assert str(caught.value) == "IT cannot report to itself"
    assert_error_translated(caught.value)


def test_dependency_errors_are_translatable():
    model = _model()
    model.add_dependency("sales", "it")
    cases = [
        (lambda: model.add_dependency("it", "it"), "IT cannot depend on itself"),
        (lambda: model.add_dependency("sales", "it"), "Sales already depends on IT"),
        (lambda: model.dependency("it", "sales"), "'it' does not depend on 'sales'"),
        (lambda: model.restore_dependencies([(None, model.dependency("sales", "it"))]),
         "cannot restore the dependency 'sales' → 'it'"),
    ]
    for action, english in cases:
        with pytest.raises(DependencyError) as caught:
            action()
        assert str(caught.value) == english
        assert_error_translated(caught.value)


def test_unknown_and_duplicate_units_are_translatable():
    model = _model()
    with pytest.raises(UnknownUnitError) as caught:
        model.unit("ghost")
    assert str(caught.value) == "unknown unit 'ghost'"  # no KeyError quotes around it
    assert_error_translated(caught.value)
    with pytest.raises(OrgModelError) as caught:
        model.add_unit(Unit("it", "IT again", "back"))
    assert str(caught.value) == "a unit with id 'it' already exists"
    assert_error_translated(caught.value)


def test_save_errors_are_translatable(tmp_path):
    model = OrgModel("Example", {"note": "bad \ud800 text"})  # extra keys are not checked
    with pytest.raises(fileformat.SaveError) as caught:
        fileformat.save(model, tmp_path / "m.orgmodel")
    assert str(caught.value) == (
        f"cannot save {tmp_path / 'm.orgmodel'}: the model contains text that is not valid Unicode ('\\ud800')"
    )
    assert_error_translated(caught.value)


def test_lock_owner_is_described_translatably():
    text = LockOwner(41, "desk-7", 0).describe()
    assert str(text).startswith("process 41 on desk-7 since ")
    assert_translated(text)


def test_text_survives_what_the_editor_does_with_it():
    """A Text pickles as itself (a worker process) and compares as its English."""
    import pickle

    message = tr("{field}: {problem}", field="cost", problem=tr("number too large"))
    again = pickle.loads(pickle.dumps(message))
    assert isinstance(again, Text) and again == message == "cost: number too large"
    assert again.args["problem"].template == "number too large"
