"""Undo commands: each holds ids and plain values (never items) and calls only the model.

A command is *applied* once by the document before it is pushed, in ordinary Python code, so
that a refused edit (a reporting cycle, a duplicate dependency) raises a domain error the
window can show, and nothing reaches the undo stack. ``QUndoStack.push`` then calls
``redo()``, which skips that first call. Later redo/undo calls replay recorded values that
are known to be valid, so they cannot raise inside Qt (which would abort Python 3.11).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtGui import QUndoCommand
from typing_extensions import override

from orgmodel.errors import FieldError
from orgmodel.fields import check_text
from orgmodel.model import Dependency, OrgModel, Unit
from orgmodel.unit_ids import removal_record as _removal_record

from ui.i18n import Translatable, translate


class ModelCommand(Translatable, QUndoCommand):
    """Base: ``apply()`` the first time, then ``redo``/``undo`` replay."""

    def __init__(self, model: OrgModel, text: str) -> None:
        super().__init__(text)
        self.model = model
        self._first_redo_done = False

    def apply(self) -> None:
        """Do the edit for the first time; may raise an ``OrgModelError`` and change nothing."""
        self.do()
        self._first_redo_done = True

    @property
    def applied(self) -> bool:
        """Done already (by :meth:`apply`), waiting for the push's first ``redo``."""
        return self._first_redo_done

    @override
    def redo(self) -> None:
        if self._first_redo_done:
            self._first_redo_done = False
            return
        self.do()

    @override
    def undo(self) -> None:
        self.revert()

    def do(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class AddUnitCommand(ModelCommand):
    def __init__(self, model: OrgModel, unit: Unit, parent: str | None = None) -> None:
        super().__init__(model, translate("Commands", "Add “%1”").replace("%1", unit.name))
        self.unit, self.parent = unit, parent

    def do(self) -> None:
        self.model.add_unit(self.unit)
        if self.parent is not None:
            try:
                self.model.set_parent(self.unit.id, self.parent)
            except Exception:
                self.model.remove_unit(self.unit.id)
                raise

    def revert(self) -> None:
        self.model.remove_unit(self.unit.id)


class RemoveUnitCommand(ModelCommand):
    """Records everything the removal loses so that undo restores the same model, in order."""

    def __init__(self, model: OrgModel, unit_id: str) -> None:
        unit = model.unit(unit_id)
        super().__init__(model, translate("Commands", "Delete “%1”").replace("%1", unit.name))
        self.unit = unit
        self.index = model.index_of(unit_id)
        self.parent = model.parent(unit_id)
        self.children = model.children(unit_id)
        keys = {(unit_id, t) for t in model.dependencies_of(unit_id)} | {(s, unit_id) for s in model.dependents_of(unit_id)}
        self.dependencies = _removal_record(model, keys)

    def do(self) -> None:
        self.model.remove_unit(self.unit.id)

    def revert(self) -> None:
        model = self.model
        model.add_unit(self.unit, self.index)
        model.set_parent(self.unit.id, self.parent)
        for child in self.children:
            model.set_parent(child, self.unit.id)
        model.restore_dependencies(self.dependencies)


class UpdateUnitCommand(ModelCommand):
    def __init__(self, model: OrgModel, unit_id: str, changes: dict[str, Any], text: str | None = None) -> None:
        unit = model.unit(unit_id)
        super().__init__(model, text or translate("Commands", "Edit “%1”").replace("%1", unit.name))
        self.unit_id = unit_id
        self.new = dict(changes)
        self.old = {name: getattr(unit, name) for name in changes}

    def do(self) -> None:
        self.model.update_unit(self.unit_id, **self.new)

    def revert(self) -> None:
        self.model.update_unit(self.unit_id, **self.old)


class MoveUnitsCommand(ModelCommand):
    """One step for a whole drag, arrow-key nudge or layout of any number of units: one
    model change (``OrgModel.move_units``, one event) each way, whatever their number."""

    def __init__(
        self, model: OrgModel, moves: dict[str, tuple[tuple[float, float], tuple[float, float]]], text: str | None = None
    ) -> None:
        if text is None and len(moves) == 1:
            text = translate("Commands", "Move “%1”").replace("%1", model.unit(next(iter(moves))).name)
        elif text is None:
            text = self.tr("Move %Ln units", "", len(moves))
        super().__init__(model, text)
        self.moves = dict(moves)

    def do(self) -> None:
        self.model.move_units({unit_id: new for unit_id, (_, new) in self.moves.items()})

    def revert(self) -> None:
        self.model.move_units({unit_id: old for unit_id, (old, _) in self.moves.items()})


class SetParentCommand(ModelCommand):
    def __init__(self, model: OrgModel, unit_id: str, parent: str | None) -> None:
        unit = model.unit(unit_id)
        if parent is None:
            text = translate("Commands", "“%1” reports to no one").replace("%1", unit.name)
        else:
            text = translate("Commands", "“%1” reports to “%2”").replace("%1", unit.name).replace("%2", model.unit(parent).name)
        super().__init__(model, text)
        self.unit_id, self.new, self.old = unit_id, parent, model.parent(unit_id)

    def do(self) -> None:
        self.model.set_parent(self.unit_id, self.new)

    def revert(self) -> None:
        self.model.set_parent(self.unit_id, self.old)


class AddDependencyCommand(ModelCommand):
    def __init__(
        self, model: OrgModel, source: str, target: str, weight: float | None = None, label: str | None = None, group: str | None = None,
    ) -> None:
        super().__init__(
            model,
            translate("Commands", "“%1” depends on “%2”").replace("%1", model.unit(source).name).replace("%2", model.unit(target).name),
        )
        self.source, self.target, self.weight, self.label, self.group = source, target, weight, label, group

    def do(self) -> None:
        self.model.add_dependency(self.source, self.target, self.weight, self.label, group=self.group)

    def revert(self) -> None:
        self.model.remove_dependency(self.source, self.target)


class RemoveDependencyCommand(ModelCommand):
    def __init__(self, model: OrgModel, source: str, target: str) -> None:
        super().__init__(
            model,
            translate("Commands", "Delete dependency “%1” → “%2”").replace("%1", model.unit(source).name).replace("%2", model.unit(target).name),
        )
        self.dependency: Dependency = model.dependency(source, target)
        self.successor = model.dependency_after(source, target)

    def do(self) -> None:
        self.model.remove_dependency(self.dependency.source, self.dependency.target)

    def revert(self) -> None:
        self.model.restore_dependencies([(self.successor, self.dependency)])


class UpdateDependencyCommand(ModelCommand):
    def __init__(self, model: OrgModel, source: str, target: str, changes: dict[str, Any]) -> None:
        dep = model.dependency(source, target)
        super().__init__(
            model,
            translate("Commands", "Edit dependency “%1” → “%2”").replace("%1", model.unit(source).name).replace("%2", model.unit(target).name),
        )
        self.source, self.target = source, target
        self.new = dict(changes)
        self.old = {name: getattr(dep, name) for name in changes}

    def do(self) -> None:
        self.model.update_dependency(self.source, self.target, **self.new)

    def revert(self) -> None:
        self.model.update_dependency(self.source, self.target, **self.old)


class ChangeUnitIdCommand(ModelCommand):
    """A unit's new id, with its lines and dependencies (``OrgModel.rename_unit_id``)."""

    def __init__(self, model: OrgModel, unit_id: str, new_id: str) -> None:
        super().__init__(model, translate("Commands", "Change the id of “%1” to “%2”").replace("%1", model.unit(unit_id).name).replace("%2", new_id))
        self.old_id, self.new_id = unit_id, new_id

    def do(self) -> None:
        self.model.rename_unit_id(self.old_id, self.new_id)

    def revert(self) -> None:
        self.model.rename_unit_id(self.new_id, self.old_id)


class UpdateModelCommand(ModelCommand):
    """The model's own name and description."""

    def __init__(self, model: OrgModel, changes: dict[str, str]) -> None:
        super().__init__(model, translate("Commands", "Rename the model to “%1”").replace("%1", changes["name"]) if set(changes) == {"name"}
                         else translate("Commands", "Edit the model's properties"))
        self.new = dict(changes)
        self.old = {key: getattr(model, key) for key in changes}

    def do(self) -> None:
        self._set(self.new)

    def revert(self) -> None:
        self._set(self.old)

    def _set(self, values: dict[str, str]) -> None:
        for key, value in values.items():  # both checked before either changes
            if problem := check_text(value):
                raise FieldError(key, problem)
        if "name" in values:
            self.model.set_name(values["name"])
        if "description" in values:
            self.model.set_description(values["description"])


class MacroCommand(ModelCommand):
    """Several commands as one undo step. Applying stops at the first refusal and takes back
    the parts already done, so a compound edit is never half-applied."""

    def __init__(self, model: OrgModel, text: str, parts: list[ModelCommand] | None = None) -> None:
        super().__init__(model, text)
        self.parts: list[ModelCommand] = list(parts or [])

    @classmethod
    def applied_parts(cls, model: OrgModel, text: str, makers: Iterable[Callable[[], ModelCommand]]) -> MacroCommand:
        """Make and apply each part in turn, each recorded against the state the previous
        parts left (deleting two linked units must not record their shared line twice).
        On a refusal the parts done are reverted and the error propagates."""
        macro = cls(model, text, _do_all(makers))
        macro._first_redo_done = True
        return macro

    def do(self) -> None:
        _do_all([lambda part=part: part for part in self.parts])

    def revert(self) -> None:
        for part in reversed(self.parts):
            part.revert()


def _do_all(makers: Iterable[Callable[[], ModelCommand]]) -> list[ModelCommand]:
    """Make and do each part in turn; on a refusal, revert the parts done and re-raise."""
    done: list[ModelCommand] = []
    try:
        for make in makers:
            part = make()
            part.do()
            done.append(part)
    except Exception:
        for part in reversed(done):
            part.revert()
        raise
    return done
