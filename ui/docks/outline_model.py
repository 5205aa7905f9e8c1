"""The outline's rows, made as the tree view asks for them.

A row is a number (a *node*): 0 the invisible root, 1 to 4 the office groups of "By office",
and from :data:`FIRST_UNIT` on, one per unit. What the model keeps is plain Python: each
unit's container (its office group, its manager, or the root), and each container's members.
A container's members are put in name order (one collation key per name) only when the view
first asks for one of its rows, so opening a 50,000-unit model sorts nothing while its big
groups are closed; the view's indexes hold the container's node, so a row's parent is one
lookup. A renamed or moved unit's row moves by a binary search (``beginMoveRows``: its
selection and what is open under it stay), a new one is inserted, a removed one taken out.

Filtering is done here too, not by a proxy over every row: the folded names (made the first
time the person filters) are searched in one pass, and the shown rows are the matches and,
in the reporting tree, their managers up to the top, each container's in name order.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QIcon

from orgmodel.collate import fold_turkish
from orgmodel.fields import OFFICES
from orgmodel.model import OrgModel

from ui.docks.outline_rows import GROUP_ROLE, ID_ROLE, row_key, row_keys

ROOT = 0
#: The groups "By office" shows: the offices, then the unclassified units (``None``); group
#: ``i`` of this tuple is node ``i + 1``.
GROUPS: tuple[str | None, ...] = (*OFFICES, None)
GROUP_PREFIX = "\x00office:"
#: The first unit's node; the ones below are the root and the groups.
FIRST_UNIT = 8
#: The group of the unclassified units: a row only while it has some. (Not a hidden row: with
#: any row hidden, the tree view asks for every row under each closed group at each layout.)
UNCLASSIFIED = len(GROUPS)

_DISPLAY = Qt.ItemDataRole.DisplayRole
_DECORATION = Qt.ItemDataRole.DecorationRole
_FONT = Qt.ItemDataRole.FontRole
_UNIT_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
#: A unit's row under an office group: the view need not ask what is under it.
_LEAF_FLAGS = _UNIT_FLAGS | Qt.ItemFlag.ItemNeverHasChildren
_GROUP_FLAGS = Qt.ItemFlag.ItemIsEnabled
_NONE: list[int] = []
Index = QModelIndex | QPersistentModelIndex


def group_key(office: str | None) -> str:
    """The key of an office's group (its ``GROUP_ROLE``)."""
    return GROUP_PREFIX + (office or "none")


class OutlineRows(QAbstractItemModel):
    """The units of one model, grouped by office or as the reporting tree (see the module)."""

    def __init__(self, icons: dict[str | None, QIcon], title: Callable[[str | None, int, int | None], str],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._icons = icons
        #: A group's text from its office, its count and, while filtering, how many are shown.
        self._title = title
        self._bold = QFont()
        self._bold.setBold(True)
        self._model = OrgModel()
        self.by_office = True
        self._uids: list[str] = []  # node - FIRST_UNIT -> unit id
        self._node: dict[str, int] = {}
        self._container: dict[int, int] = {}  # a unit's or group's node -> the node it is under
        self._members: dict[int, list[int]] = {}  # a container -> its nodes (in order once sorted)
        self._sorted: set[int] = set()
        self._keys: dict[int, tuple[str, str]] = {}  # row keys of units that have been ordered
        self._folds: dict[int, str] | None = None  # the folded names, from the first filter on
        self._query = ""
        self._shown: dict[int, list[int]] | None = None  # while filtering: the rows shown

    # -- building --------------------------------------------------------------------------

    def rebuild(self, model: OrgModel, by_office: bool) -> None:
        """Show every unit of ``model`` (a reset): nothing is ordered until it is shown."""
        self.beginResetModel()
        self._model, self.by_office = model, by_office
        uids = model.unit_ids()
        nodes = range(FIRST_UNIT, FIRST_UNIT + len(uids))
        self._uids, self._node = uids, dict(zip(uids, nodes))
        self._sorted, self._keys, self._folds = set(), {}, None
        if by_office:
            groups = {office: i + 1 for i, office in enumerate(GROUPS)}
            self._members = {ROOT: list(groups.values())[:-1], **{g: [] for g in groups.values()}}
            self._container = dict.fromkeys(groups.values(), ROOT)
            self._sorted.add(ROOT)
            within = list(map(groups.__getitem__, (unit.office for unit in model.units())))
        else:
            self._members, self._container = {ROOT: []}, {}
            node = self._node.get
            within = [node(parent, ROOT) if parent is not None else ROOT for parent in map(model.parent, uids)]  # type: ignore[misc]
        self._container.update(zip(nodes, within))
        members = self._members
        for node, container in zip(nodes, within):
            kids = members.get(container)
            if kids is None:
                members[container] = [node]
            else:
                kids.append(node)
        if by_office and members[UNCLASSIFIED]:
            members[ROOT].append(UNCLASSIFIED)
        self._filter()
        self.endResetModel()

    def _node_of(self, unit_id: str) -> int:
        node = self._node.get(unit_id)
        if node is None:
            node = self._node[unit_id] = FIRST_UNIT + len(self._uids)
            self._uids.append(unit_id)
        return node

    def _place(self, unit_id: str) -> int | None:
        """The node ``unit_id`` belongs under now (``None``: not in the model)."""
        model = self._model
        if unit_id not in model:
            return None
        if self.by_office:
            return GROUPS.index(model.unit(unit_id).office) + 1
        parent = model.parent(unit_id)
        return ROOT if parent is None else self._node_of(parent)

    # -- order -----------------------------------------------------------------------------

    def _key(self, node: int) -> tuple[str, str]:
        key = self._keys.get(node)
        if key is None:
            uid = self._uids[node - FIRST_UNIT]
            # A unit removed a moment ago (its row goes when the dock applies the change)
            # has no name left to sort by: never raise where the view asks.
            name = self._model.unit(uid).name if uid in self._model else ""
            key = self._keys[node] = row_key(name, uid)
        return key

    def _make_keys(self, nodes: Iterable[int]) -> None:
        """The row keys of ``nodes`` that have none yet, in one go (by ``map``, not a call
        of :meth:`_key` each: the first filter that matches 40,000 units sorts them all)."""
        keys, uids, model = self._keys, self._uids, self._model
        missing = [node for node in nodes if node not in keys]
        ids = [uids[node - FIRST_UNIT] for node in missing]
        names = [model.unit(uid).name if uid in model else "" for uid in ids]
        keys.update(zip(missing, row_keys(names, ids)))

    def _rows(self, container: int) -> list[int]:
        """The rows under ``container`` as shown (put in order the first time)."""
        if self._shown is not None:
            return self._shown.get(container, _NONE)
        members = self._members.get(container, _NONE)
        if container not in self._sorted and members:
            self._sorted.add(container)
            self._make_keys(members)
            members.sort(key=self._keys.__getitem__)
        return members

    def _row_of(self, node: int) -> int:
        """``node``'s row under its container (-1 when not shown)."""
        container = self._container.get(node)
        if container is None:
            return -1
        rows = self._rows(container)
        if node < FIRST_UNIT:  # a group: the offices', and the unclassified units' when it has some
            return rows.index(node) if node in rows else -1
        i = bisect_left(rows, self._key(node), key=self._key)
        if i < len(rows) and rows[i] == node:
            return i
        try:  # a manager renamed in the same batch, not put in its place yet
            return rows.index(node)
        except ValueError:  # filtered out
            return -1

    def _attached(self, node: int) -> bool:
        """Whether ``node`` hangs from the root: a unit under one taken out does not, nor do
        two managers swapped by one batch of edits while the first is put under the second
        (each under the other for a moment: a loop, which no walk up ever leaves)."""
        container = self._container
        for _ in range(len(container) + 1):
            if node < FIRST_UNIT:
                return True
            parent = container.get(node)
            if parent is None:
                return False
            node = parent
        return False

    def _under(self, node: int, ancestor: int) -> bool:
        """Whether ``node`` is ``ancestor`` or in its subtree (or in a loop, see above)."""
        container = self._container
        for _ in range(len(container) + 1):
            if node < FIRST_UNIT:
                return False
            if node == ancestor:
                return True
            node = container.get(node, ROOT)
        return True

    # -- the view's questions (never raise: Qt calls these) ----------------------------------

    def _node_at(self, index: Index) -> int:
        if not index.isValid():
            return ROOT
        rows = self._rows(index.internalId())
        row = index.row()
        return rows[row] if row < len(rows) else -1

    def index(self, row: int, column: int = 0, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column or row < 0:
            return QModelIndex()
        container = self._node_at(parent)
        if container < 0 or row >= len(self._rows(container)):
            return QModelIndex()
        return self.createIndex(row, 0, container)

    def parent(self, index: Index | None = None) -> QModelIndex:  # type: ignore[override]
        if index is None:
            return QObject.parent(self)  # type: ignore[return-value]
        if not index.isValid():
            return QModelIndex()
        container = index.internalId()
        if container == ROOT:
            return QModelIndex()
        row = self._row_of(container)  # -1 when the container is out (or filtered out)
        return self.createIndex(row, 0, self._container[container]) if row >= 0 else QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.column() > 0:
            return 0
        node = self._node_at(parent)
        if self._shown is not None:
            return len(self._shown.get(node, _NONE))
        return len(self._members.get(node, _NONE)) if node >= 0 else 0

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        # Asked twice per row as the view lays rows out: read off the index alone (a group's
        # row hangs from the root; in the reporting tree every row is a unit's).
        if not self.by_office:
            return _UNIT_FLAGS if index.isValid() else _GROUP_FLAGS
        return _GROUP_FLAGS if index.internalId() == ROOT else _LEAF_FLAGS

    def data(self, index: Index, role: int = _DISPLAY) -> object:
        node = self._node_at(index)
        if node >= FIRST_UNIT:
            uid = self._uids[node - FIRST_UNIT]
            if role == ID_ROLE:
                return uid
            if role == _DISPLAY:
                return self._model.unit(uid).name if uid in self._model else None
            if role == _DECORATION:
                return self._icons[self._model.unit(uid).office] if uid in self._model else None
            return None
        if node <= ROOT:
            return None
        office = GROUPS[node - 1]
        if role == _DISPLAY:
            shown = len(self._shown.get(node, _NONE)) if self._shown is not None else None
            return self._title(office, len(self._members.get(node, _NONE)), shown)
        if role == GROUP_ROLE:
            return group_key(office)
        if role == _FONT:
            return self._bold
        return None

    # -- for the dock ----------------------------------------------------------------------

    def unit_index(self, unit_id: str) -> QModelIndex:
        """The index of ``unit_id``'s row (invalid when it has none: filtered out)."""
        node = self._node.get(unit_id)
        if node is None or not self._attached(node):
            return QModelIndex()
        row = self._row_of(node)
        return self.createIndex(row, 0, self._container[node]) if row >= 0 else QModelIndex()

    def group_index(self, office: str | None) -> QModelIndex:
        """The index of an office's group ("By office" only; while filtering, a group without
        a match has none)."""
        return self._index_of(GROUPS.index(office) + 1) if self.by_office else QModelIndex()

    def group_size(self, office: str | None) -> int:
        return len(self._members.get(GROUPS.index(office) + 1, _NONE)) if self.by_office else 0

    def filtering(self) -> bool:
        return self._shown is not None

    def opened_by_filter(self) -> list[QModelIndex]:
        """While filtering: the rows with matches under them, which all open (opening only
        these, not every row as ``expandAll`` does, which asks the model about each one)."""
        if self._shown is None:
            return []
        return [index for index in map(self._index_of, self._shown) if index.isValid()]

    def set_query(self, query: str) -> None:
        """Show only the units whose folded name holds ``query`` (folded; "" shows all)."""
        self.beginResetModel()
        self._query = query
        self._filter()
        self.endResetModel()

    def _filter(self) -> None:
        if not self._query:
            self._shown = None
            return
        if self._folds is None:
            model, uids = self._model, self._uids
            self._folds = {node: fold_turkish(model.unit(uid).name) for node in self._container
                           if node >= FIRST_UNIT and (uid := uids[node - FIRST_UNIT]) in model}
        query, container = self._query, self._container
        shown = {node for node, fold in self._folds.items() if query in fold}
        if not self.by_office:  # their managers, up to the top, stay to show where they are
            for node in list(shown):
                node = container.get(node, ROOT)
                while node != ROOT and node not in shown:
                    shown.add(node)
                    node = container.get(node, ROOT)
        rows: dict[int, list[int]] = {}
        for node in shown:
            if self.by_office or self._attached(node):  # under a group, a unit always is
                rows.setdefault(container[node], []).append(node)
        self._make_keys(shown)
        for members in rows.values():
            members.sort(key=self._keys.__getitem__)
        if self.by_office:  # the groups with a match, in their order
            rows[ROOT] = [group for group in range(1, len(GROUPS) + 1) if group in rows]
        self._shown = rows

    # -- following edits -------------------------------------------------------------------

    def update(self, changed: set[str], renamed: set[str], announce: bool) -> None:
        """Put the rows of the ``changed`` units (added, removed, of another office or
        manager) and the ``renamed`` ones where they belong now. ``announce``: one row at a
        time, as the view follows; else in a reset (many rows, or while filtering)."""
        if not announce or self._shown is not None:
            self.beginResetModel()
            for uid in changed | renamed:
                self._follow(uid, uid in renamed, False)
            self._filter()
            self.endResetModel()
            return
        for uid in changed | renamed:
            self._follow(uid, uid in renamed, True)

    def _follow(self, uid: str, renamed: bool, announce: bool) -> None:
        node = self._node_of(uid)
        present = uid in self._model
        if self._folds is not None:
            if present:
                self._folds[node] = fold_turkish(self._model.unit(uid).name)
            else:
                self._folds.pop(node, None)
        old, new = self._container.get(node), self._place(uid)
        if old == new and (old is None or not renamed or old not in self._sorted):
            if renamed or not present:  # no row of it was ever shown: its key just goes
                self._keys.pop(node, None)
            return
        if announce and old is not None and new is not None and self._attached(old) and self._attached(new) \
                and not self._under(new, node):
            self._move(node, old, new)
            return
        if old is not None:
            self._take(node, old, announce and self._attached(old))
        self._keys.pop(node, None)
        if new is not None:
            self._put(node, new, announce and self._attached(new))

    def _take(self, node: int, container: int, announce: bool) -> None:
        members = self._members[container]
        row = members.index(node)  # in C: far below a millisecond for 50,000 rows
        if announce:  # no row of an unordered container was ever shown: any row will do
            shown = row if container in self._sorted else len(members) - 1
            self.beginRemoveRows(self._index_of(container), shown, shown)
        del members[row]
        del self._container[node]
        if announce:
            self.endRemoveRows()
        if container == UNCLASSIFIED and not members:
            self._show_unclassified(False, announce)

    def _slot(self, node: int, container: int) -> int:
        """Where ``node`` goes among ``container``'s members (not among them now)."""
        members = self._members.setdefault(container, [])
        if container in self._sorted:
            return bisect_left(members, self._key(node), key=self._key)
        return len(members)

    def _show_unclassified(self, shown: bool, announce: bool) -> None:
        """The unclassified units' group becomes a row (or stops being one)."""
        groups = self._members[ROOT]
        if not self.by_office or (UNCLASSIFIED in groups) == shown:
            return
        row = len(groups) - (0 if shown else 1)
        if announce:
            (self.beginInsertRows if shown else self.beginRemoveRows)(QModelIndex(), row, row)
        if shown:
            groups.append(UNCLASSIFIED)
        else:
            groups.remove(UNCLASSIFIED)
        if announce:
            (self.endInsertRows if shown else self.endRemoveRows)()

    def _put(self, node: int, container: int, announce: bool) -> None:
        if container == UNCLASSIFIED:
            self._show_unclassified(True, announce)
        row = self._slot(node, container)
        if announce:
            self.beginInsertRows(self._index_of(container), row, row)
        self._members[container].insert(row, node)
        self._container[node] = container
        if announce:
            self.endInsertRows()

    def _move(self, node: int, old: int, new: int) -> None:
        """``node``'s row from under ``old`` to its place under ``new`` (the same container
        after a rename), announced as one move: its selection and what is open under it stay."""
        if new == UNCLASSIFIED:
            self._show_unclassified(True, True)
        source = self._index_of(old)
        members = self._members[old]
        row = members.index(node)
        shown_row = row if old in self._sorted else len(members) - 1
        del members[row]
        self._keys.pop(node, None)  # a new name, perhaps
        target = self._slot(node, new)
        members.insert(row, node)
        if old == new and target == row:
            index = self.createIndex(row, 0, old)
            self.dataChanged.emit(index, index)
            return
        # Qt counts the destination among the rows as they are before the move.
        destination = target + 1 if old == new and target > row else target
        if not self.beginMoveRows(source, shown_row, shown_row, self._index_of(new), destination):
            self._take(node, old, True)
            self._put(node, new, True)
            return
        del members[row]
        self._members[new].insert(target, node)
        self._container[node] = new
        self.endMoveRows()
        index = self.createIndex(target, 0, new)
        self.dataChanged.emit(index, index)
        if old == UNCLASSIFIED and not members:
            self._show_unclassified(False, True)

    def _index_of(self, node: int) -> QModelIndex:
        if node == ROOT:
            return QModelIndex()
        row = self._row_of(node)
        return self.createIndex(row, 0, self._container[node]) if row >= 0 else QModelIndex()

    def refresh_groups(self) -> None:
        """The groups' titles (their counts) again."""
        shown = self.rowCount() if self.by_office else 0
        if shown:
            self.dataChanged.emit(self.createIndex(0, 0, ROOT), self.createIndex(shown - 1, 0, ROOT))
