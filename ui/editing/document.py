"""The open document: one model, its undo stack, its file, and the intents that edit it.

Views never change the model: they call the intent methods here, which wrap each edit in an
undo command. Opening a file builds a fresh model and clears the undo stack; it is never
replayed through commands. "Modified" is ``not undo_stack.isClean()``.
"""

from __future__ import annotations

import gc
import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from orgmodel import lock
from orgmodel.analysis.live import LiveAnalysis
from orgmodel.appearance import CARD_HEIGHT, CARD_WIDTH
from orgmodel.fields import UNIT_FIELD_CHECKS
from orgmodel.formats.native import load, save
from orgmodel.layout import bands_layout, orgchart_layout
from orgmodel.layout.placement import beside_drawing, group_in_place, place_unplaced
from orgmodel.model import OrgModel, Unit

from ui.editing.model_signals import ModelSignals
from ui.editing.commands import (
    AddDependencyCommand,
    AddUnitCommand,
    ChangeUnitIdCommand,
    MacroCommand,
    ModelCommand,
    MoveUnitsCommand,
    RemoveDependencyCommand,
    RemoveUnitCommand,
    SetParentCommand,
    UpdateDependencyCommand,
    UpdateModelCommand,
    UpdateUnitCommand,
)

if TYPE_CHECKING:
    from orgmodel.formats.spreadsheet import ImportPlan

#: From this many units on, what an opened model and its views are made of is frozen out of
#: the cyclic collector's sight (``gc.freeze``): it holds no cycles to collect, and every
#: full collection afterwards (docks filling, edits, routing) would scan it all again.
FREEZE_FROM = 5000


class Document(QObject):
    """Everything about the one open model that is not a widget."""

    #: The whole model was replaced (new, open): views rebuild from ``document.model``.
    modelReplaced = Signal()
    #: The file path changed (open, save as); the argument is "" for an untitled document.
    pathChanged = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.model = OrgModel()
        self.signals = ModelSignals(self.model, self)
        self.analysis = LiveAnalysis(self.model)
        self.path: str | None = None
        self._disk: tuple[int, int, str] | None = None
        #: Opened read-only (another process holds it): saving goes through Save As.
        self.read_only = False

    # -- whole documents -------------------------------------------------------------------

    @property
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def replace_model(self, model: OrgModel, path: str | None) -> None:
        """Show ``model`` instead of the current one; forgets undo history."""
        gc.unfreeze()  # what the previous model leaves behind may be collected again
        place_unplaced(model, CARD_WIDTH, CARD_HEIGHT)  # before anyone listens: no events, no undo
        # The stack goes first: its commands refer to the old model.
        self.undo_stack.clear()
        self.signals.detach()
        self.analysis.detach()
        self.model = model
        self.signals.deleteLater()
        self.signals = ModelSignals(model, self)
        self.analysis = LiveAnalysis(model)
        if self.path and self.path != path:
            lock.release(self.path)
        self.path = path
        self.read_only = False
        # Never take another live process's lock (open read-only or "anyway" keeps theirs).
        if path and lock.current_owner(path) is None and not lock.acquire(path):
            self.read_only = True  # the folder refuses even a lock file: saving will too
        self._disk = fingerprint(path) if path else None
        self.undo_stack.setClean()
        self.modelReplaced.emit()
        self.pathChanged.emit(path or "")
        if len(model) >= FREEZE_FROM:
            gc.freeze()  # the model, the scene and the docks built above (refcounting still frees them)

    def restore_unsaved(self, model: OrgModel, path: str | None, disk: tuple[int, int, str] | None) -> None:
        """Show work recovered after a crash: unsaved, and its file judged against ``disk``,
        the file as it was when the work was autosaved (:attr:`disk_state` then), so a save
        over a file changed since then asks first, as for any document. Unknown (an older
        autosave): any file there counts as changed."""
        self.replace_model(model, path)
        if path:
            self._disk = tuple(disk) if disk else (-1, -1, "")  # type: ignore[assignment]
        self.undo_stack.resetClean()  # restored work is unsaved work

    @property
    def disk_state(self) -> tuple[int, int, str] | None:
        """The file as this document last read or wrote it (size, time, SHA-256)."""
        return self._disk

    def new(self) -> None:
        self.replace_model(OrgModel(), None)

    def open(self, path: str) -> None:
        """Open ``path``; raises ``ModelFileError`` and keeps the current model on failure."""
        self.replace_model(load(path), os.path.abspath(path))

    def open_as_untitled(self, path: str) -> None:
        """Open a file as a new unsaved document (the bundled samples)."""
        self.replace_model(load(path), None)

    def save(self, path: str | None = None) -> None:
        """Save to ``path`` (or the current file); raises ``SaveError``, staying modified."""
        target = path or self.path
        if target is None:
            raise ValueError("no file name")
        save(self.model, target)
        self._disk = fingerprint(target)
        if self.path != os.path.abspath(target):
            if self.path:
                lock.release(self.path)
            lock.acquire(target)
        self.read_only = False
        self.undo_stack.setClean()
        if os.path.abspath(target) != self.path:
            self.path = os.path.abspath(target)
            self.pathChanged.emit(self.path)

    def changed_on_disk(self) -> bool:
        """Whether another program changed (or removed) the file since it was opened or
        last saved here: size and time first, then the content's hash."""
        if not self.path or self._disk is None:
            return False
        now = fingerprint(self.path, self._disk)
        if now is not None and now[:2] != self._disk[:2] and now[2] == self._disk[2]:
            self._disk = now  # touched, not changed
        return now != self._disk

    def close(self) -> None:
        """Let go of the file (its lock) when the window closes."""
        if self.path:
            lock.release(self.path)

    def reload(self) -> None:
        """Read the file again, dropping unsaved changes (the person chose to)."""
        if self.path:
            self.open(self.path)

    @property
    def display_name(self) -> str:
        return os.path.basename(self.path) if self.path else self.tr("Untitled")

    # -- intents: each is one undo step; a refused edit raises and changes nothing ----------

    def push(self, command: ModelCommand) -> None:
        if not command.applied:
            command.apply()
        self.undo_stack.push(command)

    def add_unit(self, office: str, x: float, y: float, name: str | None = None, parent: str | None = None) -> str:
        """Add a unit whose card's top-left is at (x, y); returns its id."""
        if name is None:
            name = {
                "front": self.tr("New front-office unit"),
                "middle": self.tr("New middle-office unit"),
                "back": self.tr("New back-office unit"),
            }[office]
        unit_id = self.model.new_unit_id(name)
        self.push(AddUnitCommand(self.model, Unit(unit_id, name, office, x=float(x), y=float(y)), parent))
        return unit_id

    def rename_unit(self, unit_id: str, name: str) -> None:
        name = name.strip()
        if name == self.model.unit(unit_id).name:
            return
        old = self.model.unit(unit_id).name
        self.push(UpdateUnitCommand(self.model, unit_id, {"name": name}, self.tr("Rename “%1” to “%2”").replace("%1", old).replace("%2", name)))

    def update_unit(self, unit_id: str, **changes: Any) -> None:
        unit = self.model.unit(unit_id)
        changes = {k: v for k, v in changes.items() if getattr(unit, k, object()) != (tuple(v) if k == "tags" else v)}
        if changes:
            self.push(UpdateUnitCommand(self.model, unit_id, changes))

    def move_units(self, moves: dict[str, tuple[tuple[float, float], tuple[float, float]]], text: str | None = None) -> None:
        """Record a finished drag or nudge: ``{id: ((old x, old y), (new x, new y))}``."""
        moves = {uid: (old, new) for uid, (old, new) in moves.items() if old != new}
        if moves:
            self.push(MoveUnitsCommand(self.model, moves, text))

    def layout_positions(self, style: str, only: list[str] | None = None) -> dict[str, tuple[float, float]]:
        """Where a layout would put every unit (or only ``only``, kept where their group
        was). Reads the model, changes nothing: safe to run in a worker thread."""
        arrange = orgchart_layout if style == "orgchart" else bands_layout
        units = {u.id: u for u in self.model.units()} if only is None else {uid: self.model.unit(uid) for uid in only}
        if not units:
            return {}
        positions = arrange(self.model, CARD_WIDTH, CARD_HEIGHT, unit_ids=None if only is None else list(units))
        if only is not None:  # the laid-out group starts where the selection started
            positions = group_in_place(self.model, positions, CARD_WIDTH, CARD_HEIGHT)
        return positions

    def apply_positions(self, style: str, positions: dict[str, tuple[float, float]]) -> None:
        """Move units to a layout's positions as one undo step named after the layout."""
        title = self.tr("Layout: org chart") if style == "orgchart" else self.tr("Layout: office bands")
        model = self.model
        self.move_units({uid: ((model.unit(uid).x, model.unit(uid).y), pos) for uid, pos in positions.items() if uid in model}, title)

    def apply_layout(self, style: str, only: list[str] | None = None) -> None:
        """Compute and apply a layout in one go (one undo step)."""
        self.apply_positions(style, self.layout_positions(style, only))

    def set_parent(self, unit_id: str, parent: str | None) -> None:
        if self.model.parent(unit_id) != parent:
            self.push(SetParentCommand(self.model, unit_id, parent))

    def add_dependency(self, source: str, target: str) -> None:
        self.push(AddDependencyCommand(self.model, source, target))

    def reverse_dependency(self, source: str, target: str) -> None:
        """``source`` depends on ``target`` becomes ``target`` depends on ``source``, with the
        same weight and label, as one undo step (refused whole if the reverse exists). Its
        alternative group is left behind: it said what ``source`` needs, not ``target``."""
        dep = self.model.dependency(source, target)
        text = self.tr("Reverse dependency “%1” → “%2”").replace("%1", self.model.unit(source).name).replace("%2", self.model.unit(target).name)
        self.push(MacroCommand.applied_parts(self.model, text, [
            lambda: RemoveDependencyCommand(self.model, source, target),
            lambda: AddDependencyCommand(self.model, target, source, dep.weight, dep.label),
        ]))

    def update_dependency(self, source: str, target: str, **changes: Any) -> None:
        dep = self.model.dependency(source, target)
        changes = {k: v for k, v in changes.items() if getattr(dep, k) != v}
        if changes:
            self.push(UpdateDependencyCommand(self.model, source, target, changes))

    def groups_of(self, source: str) -> list[str]:
        """The alternative groups ``source``'s dependencies already use, sorted."""
        model = self.model
        return sorted({g for t in model.dependencies_of(source) if (g := model.dependency(source, t).group) is not None})

    def delete(self, unit_ids: Iterable[str] = (), dependencies: Iterable[tuple[str, str]] = ()) -> None:
        """Delete units (with their lines) and dependencies as one undo step."""
        units = [uid for uid in dict.fromkeys(unit_ids) if uid in self.model]
        doomed = set(units)
        deps = [k for k in dict.fromkeys(dependencies) if self.model.has_dependency(*k) and not doomed & set(k)]
        if not units and not deps:
            return
        makers = [lambda k=k: RemoveDependencyCommand(self.model, *k) for k in deps]
        makers += [lambda u=u: RemoveUnitCommand(self.model, u) for u in units]
        if len(makers) == 1:
            text = makers[0]().text()
        elif not deps:
            text = self.tr("Delete %Ln units", "", len(units))
        else:
            text = self.tr("Delete %Ln items", "", len(makers))
        self.push(MacroCommand.applied_parts(self.model, text, makers))

    def change_unit_id(self, unit_id: str, new_id: str) -> None:
        """Give a unit another id (its lines follow); refused ids raise and change nothing."""
        if new_id != unit_id:
            self.push(ChangeUnitIdCommand(self.model, unit_id, new_id))

    def update_model(self, **changes: str) -> None:
        """The model's ``name`` and ``description``, as one undo step."""
        changes = {key: value for key, value in changes.items() if getattr(self.model, key) != value}
        if changes:
            self.push(UpdateModelCommand(self.model, changes))

    def merge_import(self, plan: ImportPlan, text: str) -> bool:
        """Make the changes of a spreadsheet import ``plan`` (planned into this model) as one
        undo step named ``text``; new units go to the right of the drawing. False when the
        plan changes nothing (nothing is pushed)."""
        model = self.model
        corners = beside_drawing(model, len(plan.added), CARD_WIDTH, CARD_HEIGHT)
        makers: list[Callable[[], ModelCommand]] = [
            lambda at=replace(unit, x=x, y=y): AddUnitCommand(model, at) for unit, (x, y) in zip(plan.added, corners)
        ]
        for uid, changes in plan.updated:
            fields = {k: v for k, v in changes.items() if k in UNIT_FIELD_CHECKS}  # lines come below
            if fields:
                makers.append(lambda uid=uid, fields=fields: UpdateUnitCommand(model, uid, fields))
        # Detach first: old and new reporting lines could briefly form a loop otherwise.
        moving = [uid for uid in plan.parents if uid in model and model.parent(uid) is not None]
        makers += [lambda uid=uid: SetParentCommand(model, uid, None) for uid in moving]
        makers += [lambda uid=uid, parent=parent: SetParentCommand(model, uid, parent) for uid, parent in plan.parents.items()]
        makers += [lambda a=a, b=b: AddDependencyCommand(model, a, b, group=plan.groups.get((a, b))) for a, b in plan.dependencies]
        if not makers:
            return False
        self.push(MacroCommand.applied_parts(model, text, makers))
        return True


def fingerprint(path: str, known: tuple[int, int, str] | None = None) -> tuple[int, int, str] | None:
    """``(size, mtime_ns, sha256)`` of a file, or None when it is gone. With ``known``, the
    hash is only computed when size or time differ from it (saves reading large files)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    if known is not None and (info.st_size, info.st_mtime_ns) == known[:2]:
        return known
    try:
        with open(path, "rb") as handle:
            digest = hashlib.sha256(handle.read()).hexdigest()
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns, digest)
