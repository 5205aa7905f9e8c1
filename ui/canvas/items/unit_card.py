"""A unit drawn as a card: name, office, revenue mark, figures when zoomed in."""

from __future__ import annotations

from enum import IntEnum
from typing import NamedTuple

from PySide6.QtCore import QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QTextLayout, QTextOption
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget
from typing_extensions import override

from orgmodel import appearance

from ui import style
from ui.i18n import Translatable, current_language, translate

WIDTH = appearance.CARD_WIDTH
HEIGHT = appearance.CARD_HEIGHT
#: Below this scale cards are plain blocks: no text, no outline (10,000 cards pan smoothly).
LOD_BLOCKS = 0.3
#: Above this scale headcount and revenue are readable, so they are drawn.
LOD_DETAILS = 0.9
HANDLE_RADIUS = 6.0
#: The width of a line of the name (the revenue mark sits to its right).
NAME_WIDTH = WIDTH - 34
#: The office stripe on the left edge: the office stays visible whatever the custom colour.
STRIPE_WIDTH = 6.0


_FLAGS = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
_CARD_RECT = QRectF(0, 0, WIDTH, HEIGHT)
#: A card's bounding rectangle: the card and its handles, which stick out of it.
_BOUNDS = QRectF(-HANDLE_RADIUS - 2, -HANDLE_RADIUS - 2, WIDTH + 2 * (HANDLE_RADIUS + 2), HEIGHT + 2 * (HANDLE_RADIUS + 2))
_BLOCK_STRIPE = QRectF(0, 0, WIDTH / 4, HEIGHT)
_STRIPE = QRectF(0.5, 6, STRIPE_WIDTH, HEIGHT - 12)
_STAR = QRectF(WIDTH - 24, 5, 18, 20)
#: Where the texts go: (name, office, figures), for a name of one line and of two (which
#: pushes the office and figures down; the card has room for both).
_ONE_LINE = (QRectF(14, 6, NAME_WIDTH, 22), QRectF(14, 26, WIDTH - 20, 16), QRectF(14, 42, WIDTH - 20, 16))
_TWO_LINES = (QRectF(14, 4, NAME_WIDTH, 32.5), QRectF(14, 34.5, WIDTH - 20, 14), QRectF(14, 48.5, WIDTH - 20, 14))
# Looked up once: 10,000 cards each draw three texts, and enum flags cost in Python.
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignCenter


class Emphasis(IntEnum):
    NORMAL = 0
    FOCUS = 1  # the unit being analysed
    HIGHLIGHTED = 2  # counted in its support / impact
    DIMMED = 3  # everything else while an analysis is shown
    ON_CHAIN = 4  # only on a chain between the focus and what is counted
    DOWN = 5  # down in a what-if simulation
    FAILED = 6  # failed in a what-if simulation (the strongest mark)


_DIMMED, _NORMAL, _ON_CHAIN, _DOWN, _FAILED = Emphasis.DIMMED, Emphasis.NORMAL, Emphasis.ON_CHAIN, Emphasis.DOWN, Emphasis.FAILED  # looked up once: enum access costs in hot paths
_SELECTED_BORDER = QPen(style.SELECTION, 2.5)
_DIMMED_BORDER = QPen(style.DIMMED_LINE, 1)
_DIMMED_DASHED = QPen(style.DIMMED_LINE, 1, Qt.PenStyle.DashLine)  #: an unclassified unit's, faded
_BORDERS: dict[str | None, QPen] = {}  #: an office's plain border, made once
_HATCH = QBrush(style.FAILED_FILL.darker(125), Qt.BrushStyle.BDiagPattern)
_PEOPLE: dict[tuple[str, str, int], str] = {}  #: "%Ln people" by (language, locale, count)


class CardLook(NamedTuple):
    """What a card draws (card coordinates): plain blocks when zoomed far out, else the card."""

    blocks: tuple[tuple[QRectF, QColor], ...] | None  #: far out: only these fills
    smooth: bool = False  #: antialiased
    border: QPen | None = None
    fill: QColor | None = None
    hatched: bool = False  #: failed in a what-if: hatched over the fill
    stripe: QColor | None = None
    mark: tuple[str, QColor] | None = None  #: "★" (revenue) or "?" (unclassified), in the name's font
    name: str = ""
    name_colour: QColor | None = None
    office: str = ""
    details: str = ""  #: figures, when readable
    boxes: tuple[QRectF, QRectF, QRectF] = ()  # type: ignore[assignment]  #: name, office, details


class Shade:
    """Shared by the cards of one scene: while a highlight is shown, every card without a
    mark of its own fades. One flag for all, so that showing a highlight need not visit
    every card."""

    dim_rest = False


_NO_SHADE = Shade()


class UnitCard(Translatable, QGraphicsItem):
    """One unit. Setters in, nothing out: the scene reads the card's position where it
    moves cards (drags, nudges) and redraws the lines there."""

    #: Exports draw every card in full, whatever the scale (set only while exporting).
    full_detail = False
    _name_font: QFont | None = None
    _small_font: QFont | None = None
    _name_metrics: QFontMetricsF | None = None

    # Until set, each card reads these from the class: 50,000 cards with a dozen attributes
    # each in their own dictionaries were 19 MB (about half of it now).
    name = ""
    office: str | None = "front"
    revenue_generating = False
    headcount: int | None = None
    revenue: float | None = None
    _label: tuple[str, str] | None = None
    _details: str | None = None
    custom_color: QColor | None = None
    _emphasis = _NORMAL
    #: The scene's shade (see :class:`Shade`); cards outside a scene never fade.
    shade = _NO_SHADE
    show_handles = False
    #: Not painted (while the scene takes a picture of everything but the dragged cards).
    left_out = False

    def __init__(self, unit_id: str) -> None:
        super().__init__()
        self.unit_id = unit_id
        self.setFlags(_FLAGS)
        self.setAcceptHoverEvents(True)

    @classmethod
    def _fonts(cls) -> tuple[QFont, QFont, QFontMetricsF]:
        if cls._name_font is None:
            cls._name_font = QFont()
            cls._name_font.setPointSizeF(10.0)
            cls._name_font.setBold(True)
            cls._small_font = QFont()
            cls._small_font.setPointSizeF(8.0)
            cls._name_metrics = QFontMetricsF(cls._name_font)
        return cls._name_font, cls._small_font, cls._name_metrics  # type: ignore[return-value]

    # -- setters ---------------------------------------------------------------------------

    def set_unit(
        self,
        name: str,
        office: str | None,
        revenue_generating: bool,
        headcount: int | None,
        revenue: float | None,
        color: str | None,
    ) -> None:
        """New data to show. The texts derived from it (elided name, figures, tooltip) are
        made when first needed: at open, 10,000 cards are drawn as blocks without text."""
        self.name, self.office, self.revenue_generating = name, office, revenue_generating
        self.headcount, self.revenue = headcount, revenue
        if color or self.custom_color is not None:
            self.custom_color = QColor(color) if color else None
        if self._label is not None:
            self._label = None
        if self._details is not None:
            self._details = None
        self.update()

    def name_text(self) -> str:
        """The name as drawn: a long name wrapped to two lines (joined by a newline), the
        second elided with "…" if need be. Each text is made only when first drawn: a
        10,000-unit picture too small for figures never makes them."""
        return self._labels()[0]

    def _labels(self) -> tuple[str, str]:
        """``(name as drawn, office title)``."""
        if self._label is None:
            name_font, _, metrics = self._fonts()
            self._label = ("\n".join(name_lines(self.name, name_font, metrics)), style.office_title(self.office))
        return self._label

    def details(self) -> str:
        """The figures line: headcount and revenue."""
        if self._details is None:
            parts = []
            if self.headcount is not None:
                # Looked up once per count, language and locale: an export's 10,000 cards
                # each ask, and a plural form is looked up along the class's contexts.
                key = (current_language(), QLocale().name(), self.headcount)
                people = _PEOPLE.get(key)
                if people is None:
                    people = _PEOPLE[key] = self.tr("%Ln people", "", self.headcount)
                parts.append(people)
            if self.revenue:
                parts.append(translate("UnitCard", "revenue %1").replace("%1", compact_amount(float(self.revenue), QLocale())))
            self._details = " · ".join(parts)
        return self._details

    def tool_tip(self) -> str:
        """Rich text for the tooltip: the full name (cards elide long ones), office, figures."""
        tip = f"<b>{_escape(self.name)}</b><br>{style.office_title(self.office)}"
        if self.revenue_generating:
            tip += "<br>" + translate("UnitCard", "★ Revenue-generating")
        details = self.details()
        if details:
            tip += "<br>" + _escape(details)
        return tip

    @property
    def emphasis(self) -> Emphasis:
        """As drawn: the card's own mark, or faded when it has none and the scene's
        highlight fades the rest."""
        if self._emphasis == _NORMAL and self.shade.dim_rest:
            return _DIMMED
        return self._emphasis

    def set_emphasis(self, emphasis: Emphasis) -> None:
        if emphasis != self._emphasis:
            self._emphasis = emphasis
            self.update()

    def set_show_handles(self, show: bool) -> None:
        if show != self.show_handles:
            self.show_handles = show
            self.update()

    # -- geometry --------------------------------------------------------------------------

    @staticmethod
    def connect_handle_center() -> QPointF:
        """The "depends on" handle, on the right edge."""
        return QPointF(WIDTH, HEIGHT / 2)

    @staticmethod
    def report_handle_center() -> QPointF:
        """The "reports to" handle, on the top edge."""
        return QPointF(WIDTH / 2, 0)

    def handle_at(self, local: QPointF) -> str | None:
        """Which handle (``"depends"`` or ``"reports"``) is under a point in item coordinates."""
        for kind, center in (("depends", self.connect_handle_center()), ("reports", self.report_handle_center())):
            if (local - center).manhattanLength() <= HANDLE_RADIUS * 1.8:
                return kind
        return None

    @override
    def boundingRect(self) -> QRectF:
        # One rectangle for every card: Qt asks each card several times per move (the
        # scene's index), 50,000 times for a layout of 10,000 units.
        return _BOUNDS

    @override
    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(QRectF(0, 0, WIDTH, HEIGHT), 6, 6)
        if self.show_handles:  # the handles stick out: the hover (and its pointer) holds on them
            r = HANDLE_RADIUS * 1.8
            path.setFillRule(Qt.FillRule.WindingFill)  # overlaps stay inside, not holes
            for centre in (self.connect_handle_center(), self.report_handle_center()):
                path.addRect(QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r))
        return path

    # -- painting --------------------------------------------------------------------------

    @override
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if self.left_out:
            return
        lod = 1.0 if UnitCard.full_detail else option.levelOfDetailFromTransform(painter.worldTransform())
        look = self.look(lod, self.isSelected())  # isSelected: cheaper than decoding option.state's flags in Python
        if look.blocks is not None:  # the path 10,000 cards take zoomed out: keep it short
            for rect, colour in look.blocks:
                painter.fillRect(rect, colour)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, look.smooth)
        painter.setPen(look.border)
        painter.setBrush(look.fill)
        painter.drawRoundedRect(_CARD_RECT, 6, 6)
        if look.hatched:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_HATCH)
            painter.drawRoundedRect(_CARD_RECT, 6, 6)
        painter.fillRect(_STRIPE, look.stripe)
        name_font, small_font, _ = self._fonts()
        painter.setFont(name_font)
        if look.mark is not None:  # in the name's font: one font change less per card
            painter.setPen(look.mark[1])
            painter.drawText(_STAR, _CENTER, look.mark[0])
        painter.setPen(look.name_colour)
        painter.drawText(look.boxes[0], _LEFT, look.name)
        painter.setFont(small_font)
        painter.setPen(style.MUTED_TEXT)
        painter.drawText(look.boxes[1], _LEFT, look.office)
        if look.details:
            painter.drawText(look.boxes[2], _LEFT, look.details)
        if self.show_handles:
            painter.setPen(QPen(style.SELECTION, 1.5))
            painter.setBrush(QBrush(QColor("white")))
            painter.drawEllipse(self.connect_handle_center(), HANDLE_RADIUS, HANDLE_RADIUS)
            painter.drawRect(QRectF(WIDTH / 2 - HANDLE_RADIUS, -HANDLE_RADIUS, 2 * HANDLE_RADIUS, 2 * HANDLE_RADIUS))

    def look(self, lod: float, selected: bool) -> CardLook:
        """What the card draws at this level of detail (one place for the editor's painting
        and an export's, which draws many cards at once: see ``card_batch``)."""
        emphasis = self._emphasis
        dimmed = emphasis == _DIMMED or (emphasis == _NORMAL and self.shade.dim_rest)
        if lod < LOD_BLOCKS:
            if emphasis >= _DOWN and not selected:  # a what-if's marks, whatever the colour
                blocks = ((_CARD_RECT, style.FAILED if emphasis == _FAILED else style.DOWN),)
            elif selected or dimmed or self.custom_color is None:
                blocks = ((_CARD_RECT, style.SELECTION if selected else (style.DIMMED_LINE if dimmed else style.OFFICE_COLORS[self.office])),)
            else:  # the custom colour fills; a wide office stripe keeps the office readable far out
                blocks = ((_CARD_RECT, self.custom_color), (_BLOCK_STRIPE, style.OFFICE_COLORS[self.office]))
            return CardLook(blocks)
        # The office owns the border and the stripe; a custom colour only fills.
        accent = style.OFFICE_COLORS[self.office]
        fill = style.DIMMED_FILL if dimmed else (self.custom_color.lighter(170) if self.custom_color else style.OFFICE_FILLS[self.office])
        if emphasis == _NORMAL or dimmed:
            if selected:
                border = _SELECTED_BORDER
            elif dimmed:
                border = _DIMMED_BORDER if self.office is not None else _DIMMED_DASHED
            else:
                border = _BORDERS.get(self.office)
                if border is None:
                    border = _BORDERS[self.office] = QPen(accent.darker(130), 1)
                    if self.office is None:  # unclassified: a grey card, dashed, marked "?"
                        border.setStyle(Qt.PenStyle.DashLine)
        elif emphasis == _ON_CHAIN:  # on the way, not counted: a light dashed mark
            border = QPen(style.HIGHLIGHT, 1.5, Qt.PenStyle.DashLine)
        elif emphasis >= _DOWN:  # a what-if: failed dark red and hatched, down red
            failed = emphasis == _FAILED
            fill = style.FAILED_FILL if failed else style.DOWN_FILL
            border = QPen(style.SELECTION if selected else (style.FAILED if failed else style.DOWN), 4 if failed else 3)
        else:
            border = QPen(style.HIGHLIGHT, 4 if emphasis == Emphasis.FOCUS else 2.5)
        if self.revenue_generating:
            mark = ("★", style.MUTED_TEXT if dimmed else style.REVENUE_MARK)
        elif self.office is None:
            mark = ("?", style.MUTED_TEXT)
        else:
            mark = None
        name, office = self._labels()
        return CardLook(
            None, lod > 0.6, border, fill, emphasis == _FAILED, style.DIMMED_LINE if dimmed else accent, mark, name,
            style.MUTED_TEXT if dimmed else style.TEXT, office, self.details() if lod >= LOD_DETAILS else "",
            _TWO_LINES if "\n" in name else _ONE_LINE,
        )

    # -- Qt notifications ------------------------------------------------------------------
    # No itemChange override: it would be called (with enum conversions) for every change of
    # every card; the scene updates lines where it moves cards instead.

    @override
    def hoverEnterEvent(self, event) -> None:
        self.set_show_handles(True)
        super().hoverEnterEvent(event)

    @override
    def hoverMoveEvent(self, event) -> None:
        # Over a handle the pointer says "draw from here"; elsewhere the card moves.
        if self.handle_at(event.pos()) is not None:
            if not self.hasCursor():
                self.setCursor(Qt.CursorShape.CrossCursor)
        elif self.hasCursor():
            self.unsetCursor()
        super().hoverMoveEvent(event)

    @override
    def hoverLeaveEvent(self, event) -> None:
        self.set_show_handles(self.isSelected())
        if self.hasCursor():
            self.unsetCursor()
        super().hoverLeaveEvent(event)

    def handle_tip(self, kind: str) -> str:
        """What dragging from handle ``kind`` does, for its tooltip (rich text, as the
        card's own)."""
        if kind == "depends":
            text = translate("UnitCard", "Drag to another unit: “%1” depends on it")
        else:
            text = translate("UnitCard", "Drag to another unit: “%1” reports to it")
        return "<p>" + text.replace("%1", _escape(self.name)) + "</p>"


def name_lines(name: str, font: QFont, metrics: QFontMetricsF) -> tuple[str, ...]:
    """A name as the card shows it, in its normal font: one line if it fits, else wrapped
    at a word (or anywhere in a long word) to two lines, the second elided with "…"."""
    if metrics.horizontalAdvance(name) <= NAME_WIDTH:
        return (name,)
    layout = QTextLayout(name, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(NAME_WIDTH)
    end = line.textStart() + line.textLength()
    layout.endLayout()
    first, rest = name[:end].rstrip(), name[end:].strip()
    return (first, metrics.elidedText(rest, Qt.TextElideMode.ElideRight, NAME_WIDTH)) if rest else (first,)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def compact_amount(value: float, locale: QLocale) -> str:
    """Short money for a card: 46.5 M, 1.2 bn, 850 k (digits in the user's locale)."""
    # Only the suffix used is translated: an export's 10,000 cards each ask.
    size = abs(value)
    if size >= 1e9:
        #: Translators: short for billion after an amount on a card ("1.2 bn").
        limit, suffix = 1e9, translate("UnitCard", "bn")
    elif size >= 1e6:
        #: Translators: short for million after an amount on a card ("46.5 M").
        limit, suffix = 1e6, translate("UnitCard", "M")
    elif size >= 1e3:
        #: Translators: short for thousand after an amount on a card ("850 k").
        limit, suffix = 1e3, translate("UnitCard", "k")
    else:
        return locale.toString(value, "f", 0)
    scaled = value / limit
    return f"{locale.toString(scaled, 'f', 1 if scaled < 100 else 0)} {suffix}"
