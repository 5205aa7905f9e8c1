"""A unit's id changed in the model, and the model's description kept in its file."""

from __future__ import annotations

import pytest

from orgmodel import events as ev
from orgmodel.errors import DuplicateUnitError, FieldError, UnknownUnitError
from orgmodel.formats.native import dumps, loads
from orgmodel.model import OrgModel, Unit


def company() -> OrgModel:
    model = OrgModel("Co")
    for uid, office in [("sales", "front"), ("hq", "middle"), ("it", "back"), ("hr", "back"), ("pay", "back")]:
        model.add_unit(Unit(uid, uid.upper(), office, x=1.0, y=2.0, extra={"k": uid}))
    model.set_parent("sales", "hq")
    model.set_parent("it", "hq")
    model.set_parent("hr", "it")
    for a, b in [("sales", "hr"), ("sales", "it"), ("hr", "pay"), ("it", "hr"), ("pay", "it")]:
        model.add_dependency(a, b, weight=2.0 if a == "pay" else None)
    return model


def test_a_new_id_keeps_place_lines_dependencies_and_file_order() -> None:
    model = company()
    events: list[ev.Event] = []
    model.add_listener(events.append)
    model.rename_unit_id("it", "tech")
    assert model.unit_ids() == ["sales", "hq", "tech", "hr", "pay"]
    assert model.unit("tech").extra == {"k": "it"} and model.unit("tech").x == 1.0
    assert [(d.source, d.target, d.weight) for d in model.dependencies()] == [
        ("sales", "hr", None), ("sales", "tech", None), ("hr", "pay", None), ("tech", "hr", None), ("pay", "tech", 2.0)]
    assert model.parent("tech") == "hq" and model.parent("hr") == "tech"
    assert events[-1] == ev.UnitIdChanged("it", "tech")
    model.rename_unit_id("tech", "it")
    assert dumps(model) == dumps(company())  # back to the very same file


@pytest.mark.parametrize(("new_id", "error"), [("hr", DuplicateUnitError), ("  ", FieldError), ("a\x07", FieldError)])
def test_a_refused_id_changes_nothing(new_id: str, error: type[Exception]) -> None:
    model = company()
    events: list[ev.Event] = []
    model.add_listener(events.append)
    with pytest.raises(error):
        model.rename_unit_id("it", new_id)
    assert dumps(model) == dumps(company()) and events == []
    with pytest.raises(UnknownUnitError):
        model.rename_unit_id("nobody", "x")


def test_the_description_is_a_top_level_key_that_round_trips() -> None:
    model = company()
    events: list[ev.Event] = []
    model.add_listener(events.append)
    model.set_description("Who supports whom, 2026")
    assert events == [ev.ModelDescribed("Who supports whom, 2026")]
    text = dumps(model)
    assert '\n  "description": "Who supports whom, 2026",\n' in text
    again = loads(text)
    assert again.description == "Who supports whom, 2026" and dumps(again) == text
    again.set_description("")
    assert dumps(again) == dumps(company())  # no empty key left behind
    with pytest.raises(FieldError):
        again.set_description("bell\x07")
