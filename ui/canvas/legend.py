"""The legend in the canvas corner: office colours, the revenue mark, the two line kinds,
and the custom colours the model's units use (with whom they mark)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSize, QSizeF, Qt, QTimer
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractScrollArea, QWidget
from typing_extensions import override

from ui import style
from ui.editing.model_signals import ModelFollower
from ui.i18n import translate

if TYPE_CHECKING:  # the headless export draws the legend without loading the editor's document
    from ui.editing.document import Document

ROW = 20
#: Custom colours listed one by one; more are summed up in one last row.
MOST_COLOURS = 6
#: Names listed for one custom colour before "+ n more".
MOST_NAMES = 2

#: A custom colour and what the legend says of it: (colour name, text).
CustomRow = tuple[str, str]


def legend_entries(custom: Sequence[CustomRow] = (), alternatives: bool = False) -> list[str]:
    return [
        style.office_title("front"),
        style.office_title("middle"),
        style.office_title("back"),
        translate("Legend", "? not classified (no office yet)"),
        translate("Legend", "★ revenue-generating"),
        translate("Legend", "depends on"),
        translate("Legend", "reports to"),
        *([translate("Legend", "alternatives: at least one is needed")] if alternatives else []),
        *(text for _, text in custom),
    ]


def custom_rows(colours: dict[str, str], names: dict[str, str]) -> list[CustomRow]:
    """Legend rows for units' custom colours (``{unit id: colour}``, ``{unit id: name}``):
    one per colour, most used first, naming its units; beyond ``MOST_COLOURS`` one row
    counts the rest."""
    by_colour: dict[str, list[str]] = {}
    for uid, colour in colours.items():
        by_colour.setdefault(QColor(colour).name(), []).append(names.get(uid, uid))
    ordered = sorted(by_colour.items(), key=lambda item: (-len(item[1]), item[0]))
    rows = []
    for colour, units in ordered[:MOST_COLOURS]:
        units = sorted(units)
        text = ", ".join(units[:MOST_NAMES])
        if len(units) > MOST_NAMES:
            text += " " + translate("Legend", "+ %1 more").replace("%1", str(len(units) - MOST_NAMES))
        rows.append((colour, text))
    if len(ordered) > MOST_COLOURS:
        rows.append(("", translate("Legend", "custom colours not listed: %1").replace("%1", str(len(ordered) - MOST_COLOURS))))
    return rows


def legend_size(metrics: QFontMetricsF, custom: Sequence[CustomRow] = (), alternatives: bool = False) -> QSizeF:
    entries = legend_entries(custom, alternatives)
    return QSizeF(max(metrics.horizontalAdvance(text) for text in entries) + 52, ROW * len(entries) + 12)


def draw_legend(painter: QPainter, box: QRectF, custom: Sequence[CustomRow] = (), alternatives: bool = False) -> None:
    """The legend panel in ``box``: on the canvas corner and in exports alike."""
    painter.save()
    painter.translate(box.topLeft())
    box_font_size = painter.font().pointSizeF()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#C8C8C8")))
    painter.setBrush(QColor(255, 255, 255, 230))
    painter.drawRoundedRect(QRectF(0, 0, box.width(), box.height()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
    first_custom = 8 if alternatives else 7
    for row, text in enumerate(legend_entries(custom, alternatives)):
        y = 6 + row * ROW
        swatch = QRectF(8, y + 4, 26, ROW - 8)
        if row < 4:  # the three offices, then the grey dashed card of an unclassified unit
            office = ("front", "middle", "back", None)[row]
            pen = QPen(style.OFFICE_COLORS[office].darker(130), 1)
            if office is None:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(style.OFFICE_FILLS[office])
            painter.drawRoundedRect(swatch, 3, 3)
            painter.fillRect(QRectF(swatch.left(), swatch.top(), 4, swatch.height()), style.OFFICE_COLORS[office])
        elif row == 5:
            pen = QPen(style.DEPENDENCY_LINE, 1.4)
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            mid = swatch.center().y()
            painter.drawLine(QPointF(swatch.left(), mid), QPointF(swatch.right(), mid))
            painter.setPen(QPen(style.DEPENDENCY_LINE, 1.4))
            painter.drawLine(QPointF(swatch.right(), mid), QPointF(swatch.right() - 6, mid - 4))
            painter.drawLine(QPointF(swatch.right(), mid), QPointF(swatch.right() - 6, mid + 4))
        elif row == 6:
            painter.setPen(QPen(style.REPORTING_LINE, 1.4))
            painter.drawPolyline([QPointF(swatch.left() + 4, swatch.top()), QPointF(swatch.left() + 4, swatch.center().y()),
                                  QPointF(swatch.right() - 4, swatch.center().y()), QPointF(swatch.right() - 4, swatch.bottom())])
        elif row == 7 and alternatives:
            painter.setPen(QPen(style.ALTERNATIVE, 1))
            painter.setBrush(style.CANVAS)
            painter.drawRoundedRect(swatch, 3, 3)
            font = painter.font()
            font.setPointSizeF(6.5)
            painter.setFont(font)
            painter.drawText(swatch, Qt.AlignmentFlag.AlignCenter, translate("SceneLines", "OR: %1").replace(": %1", ""))
            font.setPointSizeF(box_font_size)
            painter.setFont(font)
        elif row >= first_custom and custom[row - first_custom][0]:
            colour = QColor(custom[row - first_custom][0])
            painter.setPen(QPen(colour.darker(140), 1))
            painter.setBrush(colour.lighter(170))  # as a card fills with it
            painter.drawRoundedRect(swatch, 3, 3)
        painter.setPen(style.TEXT)
        painter.drawText(QRectF(42, y, box.width() - 46, ROW), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
    painter.restore()


class Legend(QWidget):
    """A small translucent panel in the canvas's bottom-left corner. It follows the model's
    custom colours (kept as ``{unit id: colour}`` edit by edit, so an edit costs nothing
    at 50,000 units) and places itself when the canvas changes size."""

    def __init__(self, view: QAbstractScrollArea, document: Document) -> None:
        super().__init__(view)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._view, self._document = view, document
        self._colours: dict[str, str] = {}
        self._custom: list[CustomRow] = []
        self.alternatives = False  #: the model has alternative groups: the legend says what "OR" means
        self._refresh_timer = QTimer(self, singleShot=True, interval=0, timeout=self._refresh)
        ModelFollower(document, {"unitAdded": self._unit_added, "unitRemoved": self._unit_removed, "unitChanged": self._unit_changed,
                                 "dependencyChanged": self._dependency_changed, "dependencyAdded": self._dependency_added,
                                 "dependencyRemoved": self._dependency_removed}, self)
        document.modelReplaced.connect(self._model_replaced)
        view.installEventFilter(self)
        self._model_replaced()

    def custom_rows(self) -> list[CustomRow]:
        return list(self._custom)

    def _model_replaced(self) -> None:
        self._colours = {u.id: u.color for u in self._document.model.units() if u.color}
        self._refresh()

    def _dependency_changed(self, _source: str, _target: str, fields: frozenset[str]) -> None:
        if "group" in fields:
            self._refresh_timer.start()

    def _dependency_added(self, source: str, target: str, *_: object) -> None:
        if not self.alternatives and self._document.model.dependency(source, target).group is not None:
            self._refresh_timer.start()

    def _dependency_removed(self, *_: object) -> None:
        if self.alternatives:  # perhaps the last alternative went
            self._refresh_timer.start()

    def _unit_added(self, unit_id: str, _index: int) -> None:
        colour = self._document.model.unit(unit_id).color
        if colour:
            self._colours[unit_id] = colour
            self._refresh_timer.start()

    def _unit_removed(self, unit_id: str, _index: int) -> None:
        if self._colours.pop(unit_id, None) is not None:
            self._refresh_timer.start()

    def _unit_changed(self, unit_id: str, fields: frozenset[str]) -> None:
        if "color" in fields:
            colour = self._document.model.unit(unit_id).color
            if colour:
                self._colours[unit_id] = colour
            else:
                self._colours.pop(unit_id, None)
            self._refresh_timer.start()
        elif "name" in fields and unit_id in self._colours:
            self._refresh_timer.start()

    def _refresh(self) -> None:
        model = self._document.model
        self._custom = custom_rows(self._colours, {uid: model.unit(uid).name for uid in self._colours if uid in model})
        self.alternatives = bool(model.dependency_groups())
        self.place()
        self.update()

    def place(self) -> None:
        """Size to the entries, in the bottom-left corner above the scroll bar."""
        self.resize(self.sizeHint())
        bar = self._view.horizontalScrollBar()
        self.move(12, self._view.height() - self.height() - 12 - (bar.height() if bar.isVisible() else 0))

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._view and event.type() == QEvent.Type.Resize:
            self.place()
        return super().eventFilter(watched, event)

    @override
    def sizeHint(self) -> QSize:
        return legend_size(QFontMetricsF(self.font()), self._custom, self.alternatives).toSize()

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        draw_legend(painter, QRectF(self.rect()), self._custom, self.alternatives)
