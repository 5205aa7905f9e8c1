"""A still copy of a model, taken in milliseconds, to be written out by another thread.

Units and dependencies are frozen objects, so a copy only has to copy the containers that
hold them: one C-speed ``dict``/``list`` copy each, and one new list of the dependencies in
file order (``benchmarks/autosave.py``: 71 ms for 50,000 units and 150,000 dependencies,
most of it that list, where the whole autosave takes 0.7 s). The copy answers
what the file writer asks of a model (``name``, ``extra``, ``units()``, ``parent()``,
``dependencies()``), so ``orgmodel.formats.native.dumps`` takes it in place of the model.

>>> from orgmodel.formats.native import dumps
>>> from orgmodel.model import OrgModel, Unit
>>> model = OrgModel("Acme")
>>> model.add_unit(Unit("s", "Sales", "front")); model.add_unit(Unit("it", "IT", "back"))
>>> model.add_dependency("s", "it")
>>> parts = ModelParts.of(model)
>>> before = dumps(model)
>>> model.remove_dependency("s", "it"); _ = model.update_unit("it", name="Changed")
>>> dumps(parts) == before  # the copy still says what the model said when it was taken
True
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from orgmodel.model import Dependency, OrgModel, Unit


@dataclass(frozen=True)
class ModelParts:
    """The parts of a model at one moment; reading them never touches the live model."""

    name: str
    extra: Mapping[str, Any]
    _units: dict[str, Unit]
    _order: list[str]
    _parent: dict[str, str]
    _dependencies: list[Dependency]

    @classmethod
    def of(cls, model: OrgModel) -> ModelParts:
        """Copy the containers of ``model`` (call it in the thread that edits the model)."""
        return cls(
            model.name, dict(model.extra), dict(model._units), list(model._order), dict(model._parent),
            model.dependencies(),  # a new list of frozen dependencies, in file order
        )

    def __len__(self) -> int:
        return len(self._order)

    def units(self) -> list[Unit]:
        units = self._units
        return [units[uid] for uid in self._order]

    def parent(self, unit_id: str) -> str | None:
        return self._parent.get(unit_id)

    def dependencies(self) -> list[Dependency]:
        """In file order, as they were when the copy was taken."""
        return list(self._dependencies)
