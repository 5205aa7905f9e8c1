"""Domain messages at work: each problem of a model file, a spreadsheet, GraphML, draw.io and
an edit reaches the person as a translatable text, with its place."""

from __future__ import annotations

import errno
import json
import os
import re
from collections.abc import Iterator

import pytest

from orgmodel.formats import native as fileformat
from orgmodel.formats import write_any
from orgmodel.errors import DependencyError, FieldError, ModelFileError, OrgModelError, ReportingCycleError, UnknownUnitError
from orgmodel.formats.graphml import GraphMLError, read_graphml
from orgmodel.i18n import Text, localize, tr
from orgmodel.lock import LockOwner
from orgmodel.model import OrgModel, Unit
from orgmodel.formats.spreadsheet import SpreadsheetError, import_model, read_rows


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
