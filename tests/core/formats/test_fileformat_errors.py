"""Bad model files: every one is refused with a ModelFileError naming the place and the reason.

Each case below is a whole file text. The test checks that reading it raises ModelFileError
(never another exception, never a half-built model), that one reported problem starts with
the expected place (a JSON path such as ``units[2].office`` or ``line 3, column 5``) and
that the same problem says why, in words a user would recognise.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from orgmodel.errors import ModelFileError, Problem
from orgmodel.formats.native import loads
from orgmodel.model import OrgModel


from tests.core.formats.model_texts import A, B, C, Raw, doc, unit, with_unit, without


# -- the cases: (id, file text, expected place, words the reason must contain) --------------

SYNTAX_CASES = [
    ("syntax-stray-bracket", '{\n  "format": "orgmodel",\n    ]\n}', "line 3, column 5", ("invalid JSON",)),
    (
        "syntax-missing-comma",
        '{\n  "format": "orgmodel",\n  "version": 1,\n  "units": [\n    {"id": "a" "name": "A"}\n  ]\n}',
        "line 5, column 16",
        ("invalid JSON", "delimiter"),
    ),
    ("syntax-unterminated-string", '{"format": "orgmodel", "name": "unterminated', "line 1, column 32", ("Unterminated string",)),
    ("syntax-empty-file", "", "line 1, column 1", ("invalid JSON",)),
    ("syntax-trailing-comma", '{"format": "orgmodel",\n "version": 1,\n "units": [],\n}', "line 4, column 1", ("invalid JSON",)),
]

TOP_LEVEL_CASES = [
    ("top-level-list", '[{"format": "orgmodel"}]', "", ("JSON object", "list")),
    ("top-level-string", '"orgmodel"', "", ("JSON object", "string")),
    ("format-missing", json.dumps({"version": 1, "units": []}), "format", ("missing", "not an OrgModel model file")),
    ("format-wrong", json.dumps({"format": "orgchart", "version": 1, "units": []}), "format", ("orgchart", "not an OrgModel model file")),
    ("version-missing", json.dumps({"format": "orgmodel", "units": []}), "version", ("missing",)),
    ("version-string", doc(version="1"), "version", ("whole number", '"1"')),
    ("version-zero", doc(version=0), "version", ("whole number", ">= 1")),
    ("version-float", doc(version=1.5), "version", ("whole number", "1.5")),
    ("version-newer", doc(version=2), "version", ("newer OrgModel", "version 2", "update")),
    ("name-not-string", doc(name=["Acme"]), "name", ("expected a string",)),
    ("units-missing", json.dumps({"format": "orgmodel", "version": 1}), "units", ("missing", "list of units")),
    ("units-object", doc(units={"a": unit("a")}), "units", ("list of units", "object")),
    ("units-string", doc(units="a,b"), "units", ("list of units", "string")),
    ("dependencies-object", doc(dependencies={"from": "a", "to": "b"}), "dependencies", ("list of dependencies", "object")),
]

UNIT_CASES = [
    ("unit-not-object", doc(units=[A, "b", C]), "units[1]", ("expected a unit", "JSON object", "string")),
    ("unit-null", doc(units=[A, B, None]), "units[2]", ("expected a unit", "null")),
    ("id-missing", doc(units=[A, without(B, "id"), C]), "units[1].id", ("missing", "id")),
    ("id-empty", doc(units=with_unit(2, id="")), "units[2].id", ("must not be empty",)),
    ("id-blank", doc(units=with_unit(2, id="   ")), "units[2].id", ("must not be empty",)),
    ("id-number", doc(units=with_unit(0, id=7)), "units[0].id", ("string id", "number")),
    ("id-duplicate", doc(units=with_unit(2, id="a")), "units[2].id", ("duplicate id 'a'", "units[0]")),
    ("name-missing", doc(units=[A, without(B, "name"), C]), "units[1].name", ("missing", "name")),
    ("name-empty", doc(units=with_unit(1, name="")), "units[1].name", ("must not be empty",)),
    ("name-whitespace", doc(units=with_unit(1, name=" \t ")), "units[1].name", ("must not be empty",)),
    ("name-number", doc(units=with_unit(0, name=42)), "units[0].name", ("expected a string", "number")),
    ("name-control-char", doc(units=with_unit(0, name="Sa\u001bles")), "units[0].name", ("control character", "U+001B", "position 3")),
    ("office-wrong", doc(units=with_unit(2, office="frnt")), "units[2].office", ('"front", "middle" or "back"', '"frnt"')),
    ("office-capitalised", doc(units=with_unit(1, office="Back")), "units[1].office", ('"front", "middle" or "back"', '"Back"')),
    ("revenue-generating-string", doc(units=with_unit(0, revenue_generating="yes")), "units[0].revenue_generating", ("true or false", "string")),
    ("revenue-generating-number", doc(units=with_unit(0, revenue_generating=1)), "units[0].revenue_generating", ("true or false", "number")),
    ("headcount-negative", doc(units=with_unit(1, headcount=-3)), "units[1].headcount", (">= 0", "-3")),
    ("headcount-float", doc(units=with_unit(1, headcount=2.5)), "units[1].headcount", ("whole number", "2.5")),
    ("headcount-string", doc(units=with_unit(1, headcount="12")), "units[1].headcount", ("whole number", "string")),
    ("cost-negative", doc(units=with_unit(2, cost=-100)), "units[2].cost", (">= 0", "-100")),
    ("revenue-string", doc(units=with_unit(0, revenue="1000")), "units[0].revenue", ("expected a number", "string")),
    ("automation-potential-1.5", doc(units=with_unit(1, automation_potential=1.5)), "units[1].automation_potential", ("between 0 and 1", "1.5")),
    ("automation-potential-negative", doc(units=with_unit(1, automation_potential=-0.1)), "units[1].automation_potential", (">= 0", "-0.1")),
    ("automation-ease-1.5", doc(units=with_unit(1, automation_ease=1.5)), "units[1].automation_ease", ("between 0 and 1", "1.5")),
    ("automation-ease-negative", doc(units=with_unit(2, automation_ease=-0.1)), "units[2].automation_ease", (">= 0", "-0.1")),
    ("automation-ease-string", doc(units=with_unit(0, automation_ease="0.5")), "units[0].automation_ease", ("expected a number", "string")),
    ("tags-not-list", doc(units=with_unit(0, tags="core, sales")), "units[0].tags", ("list of strings", "string")),
    ("tags-empty-tag", doc(units=with_unit(0, tags=["core", ""])), "units[0].tags", ("tag 2", "must not be empty")),
    ("tags-duplicate", doc(units=with_unit(0, tags=["core", "eu", "core"])), "units[0].tags", ("tag 3", "duplicate tag 'core'")),
    ("tags-number", doc(units=with_unit(0, tags=["core", 5])), "units[0].tags", ("tag 2", "expected a string")),
    ("x-NaN", doc(units=with_unit(0, x=Raw("NaN"))), "units[0].x", ("finite", "NaN")),
    ("y-Infinity", doc(units=with_unit(1, y=Raw("Infinity"))), "units[1].y", ("finite", "Infinity")),
    ("x-negative-Infinity", doc(units=with_unit(1, x=Raw("-Infinity"))), "units[1].x", ("finite", "-Infinity")),
    ("cost-1e400", doc(units=with_unit(2, cost=Raw("1e400"))), "units[2].cost", ("finite", "1e400")),
    ("x-string", doc(units=with_unit(2, x="10")), "units[2].x", ("expected a number", "string")),
    ("color-name", doc(units=with_unit(0, color="red")), "units[0].color", ("#rrggbb", "'red'")),
    ("color-short", doc(units=with_unit(0, color="#fff")), "units[0].color", ("#rrggbb", "'#fff'")),
    ("color-not-hex", doc(units=with_unit(0, color="#12345g")), "units[0].color", ("#rrggbb",)),
    ("notes-bell-char", doc(units=with_unit(1, notes="ring \u0007 me")), "units[1].notes", ("control character", "U+0007")),
    ("notes-not-string", doc(units=with_unit(1, notes=["a"])), "units[1].notes", ("expected a string", "list")),
    ("parent-unknown", doc(units=with_unit(1, parent="ghost")), "units[1].parent", ("unknown unit 'ghost'",)),
    ("parent-self", doc(units=with_unit(0, parent="a")), "units[0].parent", ("reporting cycle", "Sales")),
    ("parent-number", doc(units=with_unit(0, parent=3)), "units[0].parent", ("id of a unit", "number")),
    (
        "parent-cycle-of-three",
        doc(units=[unit("a", "Sales", "front", parent="c"), unit("b", "IT", parent="a"), unit("c", "HR", parent="b")]),
        "units[0].parent",
        ("reporting cycle", "Sales", "IT", "HR"),
    ),
]

DEPENDENCY_CASES = [
    ("dependency-not-object", doc(dependencies=[["a", "b"]]), "dependencies[0]", ("expected a dependency", "list")),
    ("dependency-from-missing", doc(dependencies=[{"from": "a", "to": "b"}, {"to": "c"}]), "dependencies[1].from", ("missing", "unit id")),
    ("dependency-to-missing", doc(dependencies=[{"from": "a", "to": "b"}, {"from": "a"}]), "dependencies[1].to", ("missing", "unit id")),
    ("dependency-to-unknown", doc(dependencies=[{"from": "a", "to": "b"}, {"from": "a", "to": "ghost"}]), "dependencies[1].to", ("unknown unit 'ghost'",)),
    ("dependency-from-unknown", doc(dependencies=[{"from": "nobody", "to": "b"}]), "dependencies[0].from", ("unknown unit 'nobody'",)),
    ("dependency-from-number", doc(dependencies=[{"from": 1, "to": "b"}]), "dependencies[0].from", ("string id", "number")),
    ("dependency-on-itself", doc(dependencies=[{"from": "b", "to": "b"}]), "dependencies[0]", ("cannot depend on itself", "'b'")),
    (
        "dependency-duplicate",
        doc(dependencies=[{"from": "a", "to": "b"}, {"from": "a", "to": "c"}, {"from": "a", "to": "b", "weight": 2}]),
        "dependencies[2]",
        ("duplicate dependency", "'a'", "'b'", "dependencies[0]"),
    ),
    (
        "dependency-duplicate-plain",
        doc(dependencies=[{"from": "c", "to": "a"}, {"from": "c", "to": "a"}]),
        "dependencies[1]",
        ("duplicate dependency", "'c'", "'a'", "dependencies[0]"),
    ),
    ("dependency-weight-zero", doc(dependencies=[{"from": "a", "to": "b", "weight": 0}]), "dependencies[0].weight", ("> 0", "got 0")),
    ("dependency-weight-negative", doc(dependencies=[{"from": "a", "to": "b", "weight": -2.5}]), "dependencies[0].weight", ("> 0", "-2.5")),
    ("dependency-weight-Infinity", doc(dependencies=[{"from": "a", "to": "b", "weight": Raw("Infinity")}]), "dependencies[0].weight", ("finite", "Infinity")),
    ("dependency-weight-true", doc(dependencies=[{"from": "a", "to": "b", "weight": True}]), "dependencies[0].weight", ("expected a number", "true")),
    ("dependency-label-number", doc(dependencies=[{"from": "a", "to": "b", "label": 12}]), "dependencies[0].label", ("expected a string", "number")),
    ("dependency-label-control-char", doc(dependencies=[{"from": "a", "to": "b", "label": "a\u0000b"}]), "dependencies[0].label", ("control character", "U+0000")),
]

JSON_RULE_CASES = [
    (
        "duplicate-key-top-level",
        '{"format": "orgmodel", "version": 1, "name": "A", "name": "B", "units": []}',
        "name",
        ("more than once",),
    ),
    (
        "duplicate-key-in-unit",
        '{"format": "orgmodel", "version": 1, "units": [{"id": "a", "name": "A", "office": "back", "office": "front"}]}',
        "units[0].office",
        ("more than once",),
    ),
    (
        "duplicate-key-in-dependency",
        doc(dependencies=[Raw('{"from": "a", "to": "b", "to": "c"}')]),
        "dependencies[0].to",
        ("more than once",),
    ),
    (
        "duplicate-key-in-unknown-key",
        '{"format": "orgmodel", "version": 1, "units": [], "layout": {"zoom": 1, "zoom": 2}}',
        "layout.zoom",
        ("more than once",),
    ),
    ("NaN-in-unknown-unit-key", doc(units=with_unit(0, meta={"scores": [1, Raw("NaN")]})), "units[0].meta.scores[1]", ("NaN", "not a number JSON allows")),
    ("Infinity-in-unknown-top-key", doc(layout={"zoom": Raw("Infinity")}), "layout.zoom", ("Infinity", "not a number JSON allows")),
    ("1e400-in-unknown-dependency-key", doc(dependencies=[{"from": "a", "to": "b", "risk": Raw("-1e400")}]), "dependencies[0].risk", ("-1e400", "not a number JSON allows")),
]

ALL_CASES = SYNTAX_CASES + TOP_LEVEL_CASES + UNIT_CASES + DEPENDENCY_CASES + JSON_RULE_CASES


def matching(problems: list[Problem], place: str, words: tuple[str, ...]) -> list[Problem]:
    """The problems at ``place`` whose text contains every one of ``words``."""
    found = []
    for problem in problems:
        shown = str(problem)
        if place:
            at_place = shown.startswith(place + ":")
        else:  # a problem with the whole document: no path, no position
            at_place = problem.path == "" and problem.line is None
        if at_place and all(word.lower() in shown.lower() for word in words):
            found.append(problem)
    return found


def test_there_are_enough_distinct_cases() -> None:
    ids = [case[0] for case in ALL_CASES]
    assert len(ids) == len(set(ids))
    assert len({case[1] for case in ALL_CASES}) == len(ALL_CASES), "two cases share the same file text"
    assert len(ALL_CASES) >= 35


@pytest.mark.parametrize(("text", "place", "words"), [case[1:] for case in ALL_CASES], ids=[case[0] for case in ALL_CASES])
def test_bad_file_is_refused_with_place_and_reason(text: str, place: str, words: tuple[str, ...]) -> None:
    with pytest.raises(ModelFileError) as caught:
        loads(text, "acme.orgmodel")
    error = caught.value
    assert error.problems, "a refused file must say at least one reason"
    assert matching(error.problems, place, words), (
        f"no problem at {place!r} mentioning {words!r}; got:\n" + "\n".join(error.lines())
    )
    # The message shown to users carries the file name, the place and the reason.
    message = str(error)
    assert message.startswith("acme.orgmodel: ")
    expected_line = f"acme.orgmodel: {place}: " if place else "acme.orgmodel: "
    assert any(line.startswith(expected_line) for line in message.splitlines())
    assert all(line.startswith("acme.orgmodel: ") for line in message.splitlines())


def test_the_valid_base_files_load() -> None:
    """Guards the cases above: without the one fault, each base document is fine."""
    model = loads(doc(dependencies=[{"from": "a", "to": "b"}, {"from": "a", "to": "c"}]))
    assert model.unit_ids() == ["a", "b", "c"]
    model = loads(doc(units=[A, B, C], layout={"zoom": 1.5}))
    assert [u.name for u in model.units()] == ["Sales", "IT", "HR"]


def test_syntax_error_problem_carries_line_and_column() -> None:
    with pytest.raises(ModelFileError) as caught:
        loads('{\n  "format": "orgmodel",\n    ]\n}', "broken.orgmodel")
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (3, 5)
    assert str(caught.value) == "broken.orgmodel: line 3, column 5: invalid JSON: Expecting property name enclosed in double quotes"


def test_newer_version_is_the_only_problem_reported() -> None:
    """A newer file is not picked apart field by field: the user is told to update."""
    text = doc(units=[unit("a", office="galaxy", future_field=True)], version=7)
    with pytest.raises(ModelFileError) as caught:
        loads(text)
    assert len(caught.value.problems) == 1
    assert "newer OrgModel" in str(caught.value)


def test_three_unit_cycle_names_each_unit_in_order() -> None:
    text = doc(units=[unit("a", "Sales", "front", parent="c"), unit("b", "IT", parent="a"), unit("c", "HR", parent="b")])
    with pytest.raises(ModelFileError) as caught:
        loads(text)
    (problem,) = caught.value.problems  # one cycle, reported once
    assert problem.path == "units[0].parent"
    # Sales reports to HR, HR to IT, IT to Sales: the chain is shown as the file says it.
    assert "Sales → HR → IT → Sales" in problem.message


def test_many_problems_are_all_reported() -> None:
    text = doc(
        units=[
            unit("a", "Sales", "frnt"),  # 1: bad office
            unit("b", "IT", headcount=-1),  # 2: negative headcount
            unit("c", "HR", color="blue"),  # 3: bad colour
            unit("d", "Finance", parent="ghost"),  # 4: unknown parent
            unit("e", "Legal"),
        ],
        dependencies=[{"from": "d", "to": "e"}, {"from": "e", "to": "d", "weight": 0}],  # 5: zero weight
    )
    with pytest.raises(ModelFileError) as caught:
        loads(text, "many.orgmodel")
    error = caught.value
    paths = [p.path for p in error.problems]
    assert paths == ["units[0].office", "units[1].headcount", "units[2].color", "units[3].parent", "dependencies[1].weight"]
    lines = str(error).splitlines()
    assert len(lines) == 5
    assert lines == error.lines()
    assert all(line.startswith("many.orgmodel: ") for line in lines)


def test_several_problems_in_one_unit_are_all_reported() -> None:
    text = doc(units=[{"id": "", "office": 3, "headcount": "many", "tags": ["x", "x"]}])
    with pytest.raises(ModelFileError) as caught:
        loads(text)
    paths = {p.path for p in caught.value.problems}
    assert {"units[0].id", "units[0].name", "units[0].office", "units[0].headcount", "units[0].tags"} <= paths


# -- nothing half-loaded -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        doc(units=[A, B, C, unit("d", office="sideways")]),
        doc(dependencies=[{"from": "a", "to": "b"}, {"from": "b", "to": "c"}, {"from": "c", "to": "nowhere"}]),
        doc(units=[A, B, unit("c", "HR", parent="b"), unit("d", "Ops", parent="d")]),
        doc(units=[A, B, C], trailer=[1, 2, Raw("NaN")]),
    ],
    ids=["last-unit-bad", "last-dependency-bad", "last-parent-bad", "unknown-key-bad"],
)
def test_loads_never_returns_a_partial_model(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[OrgModel] = []
    original_init = OrgModel.__init__

    def spying_init(self: OrgModel, *args: Any, **kwargs: Any) -> None:
        built.append(self)
        original_init(self, *args, **kwargs)

    monkeypatch.setattr(OrgModel, "__init__", spying_init)
    result: Any = "not set"
    with pytest.raises(ModelFileError):
        result = loads(text)
    assert result == "not set"
    # Validation comes before building: no model object was even started.
    assert built == []


def test_good_units_before_a_bad_one_are_not_kept() -> None:
    with pytest.raises(ModelFileError) as caught:
        loads(doc(units=[A, B, C, unit("d", office="sideways")]))
    assert [p.path for p in caught.value.problems] == ["units[3].office"]


# -- numbers too large, odd values in odd places -------------------------------------------

HUGE = "1" + "0" * 400  # a whole number far beyond what a float (and so any sum or chart) can hold

@pytest.mark.parametrize(
    ("text", "place"),
    [
        pytest.param(doc(units=with_unit(0, cost=Raw(HUGE))), "units[0].cost", id="cost"),
        pytest.param(doc(units=with_unit(0, revenue=Raw(HUGE))), "units[0].revenue", id="revenue"),
        pytest.param(doc(units=with_unit(1, x=Raw(HUGE))), "units[1].x", id="x"),
        pytest.param(doc(units=with_unit(1, y=Raw("-" + HUGE))), "units[1].y", id="y"),
        pytest.param(
            doc(dependencies=[{"from": "a", "to": "b", "weight": Raw(HUGE)}]), "dependencies[0].weight", id="weight"
        ),
        pytest.param(doc(units=with_unit(0, automation_potential=Raw(HUGE))), "units[0].automation_potential", id="automation_potential"),
    ],
)
def test_whole_number_too_large_for_a_float_is_refused_like_1e400(text: str, place: str) -> None:
    with pytest.raises(ModelFileError) as caught:
        loads(text)
    assert [p.path for p in caught.value.problems] == [place]


def test_integer_beyond_python_digit_limit_is_a_problem_not_a_crash() -> None:
    with pytest.raises(ModelFileError) as caught:
        loads(doc(units=with_unit(0, headcount=Raw("1" + "0" * 5000))), "big.orgmodel")
    (problem,) = caught.value.problems
    assert "digits" in problem.message
    assert str(caught.value).startswith("big.orgmodel: ")


def test_integer_beyond_python_digit_limit_is_explained_in_user_terms() -> None:
    with pytest.raises(ModelFileError) as caught:
        loads(doc(units=with_unit(0, headcount=Raw("1" + "0" * 5000))))
    (problem,) = caught.value.problems
    assert "sys.set_int_max_str_digits" not in problem.message
    assert problem.path == "units[0].headcount" or problem.line is not None


@pytest.mark.parametrize("bad_id", [[1], {"x": 1}], ids=["list-id", "object-id"])
def test_unhashable_id_with_parent_is_a_problem_not_a_crash(bad_id: Any) -> None:
    text = doc(units=[A, unit(bad_id, "IT", parent="a")])
    with pytest.raises(ModelFileError) as caught:
        loads(text)
    assert caught.value.problems[0].path == "units[1].id"
    assert "string id" in caught.value.problems[0].message


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (doc(units=[A, Raw("NaN")]), "units[1]"),
        ('{"format": "orgmodel", "version": 1, "units": NaN}', "units"),
        (doc(units=with_unit(0, tags=["core", Raw("NaN")])), "units[0].tags"),
        ("NaN", ""),
    ],
    ids=["NaN-unit", "NaN-units", "NaN-tag", "NaN-document"],
)
def test_nan_in_place_of_a_structure_is_shown_as_nan(text: str, place: str) -> None:
    with pytest.raises(ModelFileError) as caught:
        loads(text)
    (problem,) = caught.value.problems
    assert problem.path == place
    assert "NonFinite" not in problem.message  # no internal class names in messages
    assert "NaN" in problem.message


@pytest.mark.parametrize(
    "text",
    [
        doc(units=with_unit(1, office="nowhere"), dependencies=[{"from": "a", "to": "b"}]),
        doc(units=[A, unit("b", "IT", headcount=-1), unit("c", "HR", parent="b")]),
    ],
    ids=["dependency-to-faulty-unit", "parent-is-faulty-unit"],
)
def test_a_faulty_unit_is_not_also_called_unknown(text: str) -> None:
    """The unit is in the file; only its own fault is reported, not a false 'unknown unit'."""
    with pytest.raises(ModelFileError) as caught:
        loads(text)
    assert len(caught.value.problems) == 1, caught.value.lines()
    assert not any("unknown unit" in p.message for p in caught.value.problems)


def test_lone_surrogate_escape_is_refused_with_its_place() -> None:
    """JSON can write half a UTF-16 pair; such text could never be saved back as UTF-8."""
    text = doc(units=with_unit(2, notes=Raw('"Bordro \\ud800 notu"')))
    assert "\\ud800" in text
    with pytest.raises(ModelFileError) as caught:
        loads(text)
    (problem,) = caught.value.problems
    assert problem.path == "units[2].notes"
    assert "surrogate" in problem.message
