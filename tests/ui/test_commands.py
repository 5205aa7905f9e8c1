"""Edit sequences through the document's undo commands: undoing everything gives back the
model exactly (field by field and in file order); redoing everything gives the edited one.
A "save" step marks the stack clean: whenever the stack is back at that index it is clean
and the model equals the one saved, and it is modified everywhere else."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgmodel.errors import OrgModelError
from orgmodel.model import OrgModel, Unit
from ui.editing.document import Document


def snapshot(model: OrgModel) -> tuple:
    return (model.units(), model.dependencies(), list(model.reporting_lines()), model.name, model.description)


def base_model() -> OrgModel:
    model = OrgModel("Undo")
    for i in range(8):
        model.add_unit(Unit(f"u{i}", f"Unit {i}", ("front", "middle", "back")[i % 3], x=i * 200.0, y=0.0))
    for a, b in [(0, 1), (1, 2), (2, 5), (5, 2), (3, 5), (0, 4), (4, 7), (6, 7), (7, 6)]:
        model.add_dependency(f"u{a}", f"u{b}")
    model.set_parent("u1", "u0")
    model.set_parent("u2", "u0")
    model.set_parent("u5", "u2")
    return model


edits = st.lists(
    st.one_of(
        st.tuples(st.just("delete"), st.lists(st.integers(0, 9), min_size=1, max_size=4), st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9)), max_size=3)),
        st.tuples(st.just("connect"), st.integers(0, 9), st.integers(0, 9)),
        st.tuples(st.just("parent"), st.integers(0, 9), st.one_of(st.none(), st.integers(0, 9))),
        st.tuples(st.just("move"), st.lists(st.integers(0, 9), min_size=1, max_size=3), st.floats(-500, 500)),
        st.tuples(st.just("add"), st.sampled_from(["front", "middle", "back"]), st.floats(-500, 500)),
        st.tuples(st.just("rename"), st.integers(0, 9), st.text(min_size=1, max_size=8).filter(lambda t: t.strip() and t.isprintable())),
        st.tuples(
            st.just("update"),
            st.integers(0, 9),
            st.fixed_dictionaries(
                {},
                optional={
                    "headcount": st.one_of(st.none(), st.integers(0, 500)),
                    "office": st.sampled_from(["front", "middle", "back"]),
                    "revenue_generating": st.one_of(st.none(), st.booleans()),
                },
            ),
        ),
        st.tuples(st.just("disconnect"), st.integers(0, 9), st.integers(0, 9)),
        st.tuples(st.just("reid"), st.integers(0, 9), st.integers(0, 11)),
        st.tuples(st.just("model"), st.sampled_from(["", "Undo", "Acme"]), st.sampled_from(["", "Plan", "Why\nwho"])),
        st.tuples(st.just("save")),
    ),
    min_size=1,
    max_size=50,
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits)
def test_undo_all_restores_the_model_and_redo_all_repeats_it(qapp, steps) -> None:
    document = Document()
    document.replace_model(base_model(), None)
    model = document.model
    original = snapshot(model)
    saved = (0, original)  # (undo index, model) at the last save; the opened file to begin with
    uid = lambda i: f"u{i}"  # noqa: E731  (some ids may be gone: refused edits are fine)
    for step in steps:
        try:
            if step[0] == "delete":
                document.delete([uid(i) for i in step[1]], [(uid(a), uid(b)) for a, b in step[2]])
            elif step[0] == "connect":
                document.add_dependency(uid(step[1]), uid(step[2]))
            elif step[0] == "parent":
                document.set_parent(uid(step[1]), None if step[2] is None else uid(step[2]))
            elif step[0] == "move":
                ids = [uid(i) for i in step[1] if uid(i) in model]
                document.move_units({i: ((model.unit(i).x, model.unit(i).y), (model.unit(i).x + step[2], 5.0)) for i in ids})
            elif step[0] == "add":
                document.add_unit(step[1], step[2], 0.0)
            elif step[0] == "rename" and uid(step[1]) in model:
                document.rename_unit(uid(step[1]), step[2])
            elif step[0] == "update" and uid(step[1]) in model:
                document.update_unit(uid(step[1]), **step[2])
            elif step[0] == "disconnect":
                document.delete(dependencies=[(uid(step[1]), uid(step[2]))])
            elif step[0] == "reid" and uid(step[1]) in model:
                document.change_unit_id(uid(step[1]), uid(step[2]))
            elif step[0] == "model":
                document.update_model(name=step[1], description=step[2])
            elif step[0] == "save":  # what Document.save does after writing the file
                document.undo_stack.setClean()
                saved = (document.undo_stack.index(), snapshot(model))
        except OrgModelError:
            pass  # refused: must have changed nothing (checked by the round trip below)
        assert document.undo_stack.isClean() == (document.undo_stack.index() == saved[0])
    edited = snapshot(model)
    # Back to the save point (the last "save" step, or the opened file): clean, and the saved model.
    stack = document.undo_stack
    stack.setIndex(saved[0])
    assert stack.isClean() and not document.is_modified
    assert snapshot(model) == saved[1]
    if stack.canUndo() or stack.canRedo():
        (stack.undo if stack.canUndo() else stack.redo)()
        assert not stack.isClean() and document.is_modified
    stack.setIndex(stack.count())
    assert snapshot(model) == edited
    assert stack.isClean() == (stack.count() == saved[0])
    while document.undo_stack.canUndo():
        document.undo_stack.undo()
    assert snapshot(model) == original
    while document.undo_stack.canRedo():
        document.undo_stack.redo()
    assert snapshot(model) == edited
