"""Unit ids: made from names, and changed; with the record of removed dependencies that
undo shares.

A unit's id is how files, the command line (``orgmodel why``) and other units' lines name
it. Changing it is done with the model's public mutators: the unit is taken out with its
lines and put back under its new id at the same place, its reporting lines and dependencies
(in their file order) with it. Every listener therefore sees only events it already knows,
followed by one :class:`~orgmodel.events.UnitIdChanged` that the model sends at the end.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from orgmodel.errors import DuplicateUnitError, FieldError
from orgmodel.fields import check_id

if TYPE_CHECKING:
    from orgmodel.model import Dependency, DependencyKey, OrgModel


def removal_record(model: OrgModel, keys: set[DependencyKey]) -> list[tuple[DependencyKey | None, Dependency]]:
    """What undo needs to put ``keys`` back in file order: ``(surviving successor, dependency)``
    in file order. Removed dependencies form runs, each ending before a survivor (or at the
    end); walking back from each survivor lists a run in order, in time linear in its size."""
    survivors = {model.dependency_after(*key) for key in keys} - keys
    record = []
    for successor in survivors:
        run = []
        key = model.dependency_before(successor)
        while key is not None and key in keys:
            run.append(key)
            key = model.dependency_before(key)
        record += [(successor, model.dependency(*k)) for k in reversed(run)]
    return record


def change_unit_id(model: OrgModel, unit_id: str, new_id: str) -> bool:
    """Give unit ``unit_id`` the id ``new_id``, keeping its place in model order, the unit
    it reports to, the units reporting to it and its dependencies both ways in file order.
    Checked first (a valid, unused id): a refusal raises and changes nothing. Returns False
    when ``new_id`` is the id it has.

    >>> from orgmodel.model import OrgModel, Unit
    >>> model = OrgModel()
    >>> for uid, office in (("s", "front"), ("it", "back"), ("hr", "back")):
    ...     model.add_unit(Unit(uid, uid.upper(), office))
    >>> model.add_dependency("s", "it"); model.add_dependency("it", "hr"); model.set_parent("hr", "it")
    >>> change_unit_id(model, "it", "tech")
    True
    >>> model.unit_ids(), [(d.source, d.target) for d in model.dependencies()], model.parent("hr")
    (['s', 'tech', 'hr'], [('s', 'tech'), ('tech', 'hr')], 'tech')
    """
    unit = model.unit(unit_id)
    if new_id == unit_id:
        return False
    problem = check_id(new_id)
    if problem:
        raise FieldError("id", problem, unit_id)
    if new_id in model:
        raise DuplicateUnitError(new_id)
    index = model.index_of(unit_id)
    parent = model.parent(unit_id)
    children = model.children(unit_id)
    keys = {(unit_id, target) for target in model.dependencies_of(unit_id)}
    keys |= {(source, unit_id) for source in model.dependents_of(unit_id)}
    record = removal_record(model, keys)

    def renamed(end: str) -> str:
        return new_id if end == unit_id else end

    model.remove_unit(unit_id)
    model.add_unit(replace(unit, id=new_id), index)
    if parent is not None:
        model.set_parent(new_id, parent)
    for child in children:
        model.set_parent(child, new_id)
    # The successors survived the removal: none of them names the old id.
    model.restore_dependencies(
        [(successor, replace(dep, source=renamed(dep.source), target=renamed(dep.target))) for successor, dep in record]
    )
    return True

