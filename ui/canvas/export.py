"""Export the diagram as PNG, SVG or PDF, from the editor or headless.

The export renders the same scene and items as the canvas, over the drawing's bounding
rectangle plus a margin (or the selected units only), never with selection marks, handles
or a rubber band, at full detail whatever the view's zoom, so it does not depend on window
state. Vector formats stay vector: text is written as text.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator

from orgmodel.errors import OrgModelError

from ui import style
from ui.i18n import translate
from ui.canvas.items.unit_card import UnitCard
from ui.canvas.legend import draw_legend, legend_size
from ui.canvas.scene import OrgScene

FORMATS = (".png", ".svg", ".pdf")
#: Qt cannot paint on images with a side over 32,767 px.
MAX_SIDE = 32767
#: ... and an ARGB image of more pixels than this needs over 1 GB: scaled down instead.
MAX_PIXELS = 250_000_000
PAGES = {"a4": QPageSize.PageSizeId.A4, "a3": QPageSize.PageSizeId.A3, "letter": QPageSize.PageSizeId.Letter}
TITLE_HEIGHT = 56.0
GAP = 24.0


class ExportError(OrgModelError):
    """The export could not be written; the message says why in one line."""


@dataclass
class ExportOptions:
    """How to export; the defaults are what a slide wants."""

    scale: float = 2.0  #: PNG: pixels per scene unit (1x–4x)
    dpi: float | None = None  #: PNG: instead of scale (96 dpi = 1x)
    transparent: bool = False  #: PNG: no background
    margin: float = 40.0
    units: list[str] | None = None  #: only these units (and the lines between them)
    legend: bool = False
    title: str | None = None  #: drawn above the diagram
    page: str | None = None  #: PDF: "a4", "a3" or "letter" (default: one page the size of the diagram)
    landscape: bool = False
    notices: list[str] = field(default_factory=list)

    def png_scale(self) -> float:
        return self.dpi / 96.0 if self.dpi else self.scale


def default_title(model_name: str) -> str:
    name = model_name or translate("Export", "Untitled")
    return f"{name} — {date.today().isoformat()}"


def pixel_size(scene: OrgScene, options: ExportOptions) -> QSize:
    """The PNG size the options give, after any scaling down (shown before exporting)."""
    rect = _page_rect(scene, options)
    scale = _fitting_scale(rect, options.png_scale())
    return QSize(max(1, math.ceil(rect.width() * scale)), max(1, math.ceil(rect.height() * scale)))


def _fitting_scale(rect: QRectF, scale: float) -> float:
    fit = min(scale, MAX_SIDE / max(1.0, rect.width()), MAX_SIDE / max(1.0, rect.height()))
    pixels = rect.width() * rect.height() * fit * fit
    if pixels > MAX_PIXELS:
        fit *= math.sqrt(MAX_PIXELS / pixels)
    return fit


def _diagram_rect(scene: OrgScene, options: ExportOptions) -> QRectF:
    if options.units is not None:
        rect = QRectF()
        for uid in options.units:
            card = scene.cards.get(uid)
            if card is not None:
                box = QRectF(card.pos(), QSizeF(card.boundingRect().width() - 16, card.boundingRect().height() - 16))
                rect = box if rect.isNull() else rect.united(box)
    else:
        rect = scene.cards_bounding_rect()
    if rect.isNull():
        raise ExportError(translate("Export", "nothing to export: the diagram is empty"))
    return rect.adjusted(-options.margin, -options.margin, options.margin, options.margin)


def _page_rect(scene: OrgScene, options: ExportOptions) -> QRectF:
    """The whole picture in scene units: title above, diagram, legend below."""
    rect = _diagram_rect(scene, options)
    top = TITLE_HEIGHT if options.title else 0.0
    bottom = legend_size(QFontMetricsF(QFont())).height() + GAP if options.legend else 0.0
    return QRectF(rect.left(), rect.top() - top, rect.width(), rect.height() + top + bottom)


class _ExportState:
    """Puts the scene in export shape (no selection, no handles, full detail, only the
    chosen units) and back, whatever happens in between."""

    def __init__(self, scene: OrgScene, options: ExportOptions) -> None:
        self.scene, self.options = scene, options

    def __enter__(self) -> None:
        scene = self.scene
        scene.cancel_gesture()
        self.selected = [item for item in scene.selectedItems()]
        scene._syncing = True  # the shared selection must not hear of this
        for item in self.selected:
            item.setSelected(False)
        self.handles = [card for card in scene.cards.values() if card.show_handles]
        for card in self.handles:
            card.set_show_handles(False)
        self.line_selection = scene.dependencies.selected()
        scene.dependencies.set_selected(())
        self.brush = scene.backgroundBrush()
        if self.options.transparent:
            scene.setBackgroundBrush(Qt.BrushStyle.NoBrush)
        self.hidden: list = []
        if self.options.units is not None:
            keep = set(self.options.units)
            self.hidden = [card for uid, card in scene.cards.items() if uid not in keep and card.isVisible()]
            for card in self.hidden:
                card.hide()
            scene.dependencies.set_filter({k for k in scene.dependencies.keys() if k[0] in keep and k[1] in keep})
            scene.reporting.set_filter({k for k in scene.reporting.keys() if k in keep and scene.model.parent(k) in keep})
            self.bands_visible = scene.bands.isVisible()
            scene.bands.hide()
        UnitCard.full_detail = True
        scene.dependencies.full_detail = scene.reporting.full_detail = True

    def __exit__(self, *exc) -> None:
        scene = self.scene
        UnitCard.full_detail = False
        scene.dependencies.full_detail = scene.reporting.full_detail = False
        for card in self.hidden:
            card.show()
        if self.options.units is not None:
            scene.dependencies.set_filter(None)
            scene.reporting.set_filter(None)
            scene.bands.setVisible(self.bands_visible)
        scene.setBackgroundBrush(self.brush)
        scene.dependencies.set_selected(self.line_selection)
        for card in self.handles:
            card.set_show_handles(True)
        for item in self.selected:
            item.setSelected(True)
        scene._syncing = False


def export_state(scene: OrgScene, options: ExportOptions) -> _ExportState:
    """``with export_state(scene, options):`` the scene drawn as an export draws it."""
    return _ExportState(scene, options)


def _paint(scene: OrgScene, painter: QPainter, target: QRectF, options: ExportOptions) -> None:
    """Draw the picture into ``target`` (device units of the painter)."""
    page = _page_rect(scene, options)
    diagram = _diagram_rect(scene, options)
    scale = min(target.width() / page.width(), target.height() / page.height())
    painter.save()
    painter.translate(target.left() + (target.width() - page.width() * scale) / 2, target.top() + (target.height() - page.height() * scale) / 2)
    painter.scale(scale, scale)
    painter.translate(-page.left(), -page.top())
    if not options.transparent:
        painter.fillRect(page, style.CANVAS)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, diagram, diagram, Qt.AspectRatioMode.IgnoreAspectRatio)
    if options.title:
        font = QFont()
        font.setPointSizeF(20)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(style.TEXT)
        painter.drawText(QRectF(page.left() + options.margin, page.top(), page.width() - 2 * options.margin, TITLE_HEIGHT),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, options.title)
    if options.legend:
        painter.setFont(QFont())
        size = legend_size(QFontMetricsF(QFont()))
        draw_legend(painter, QRectF(QPointF(page.left() + options.margin, diagram.bottom()), size))
    painter.restore()


def export_scene(scene: OrgScene, path: str, options: ExportOptions) -> ExportOptions:
    """Write ``path`` (format from its extension); returns the options with any notices
    (a PNG scaled down to what can be allocated). Raises :class:`ExportError`."""
    extension = os.path.splitext(path)[1].lower()
    if extension not in FORMATS:
        raise ExportError(translate("Export", "cannot export to “%1”: use .png, .svg or .pdf").replace("%1", os.path.basename(path)))
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise ExportError(translate("Export", "cannot export to “%1”: no such folder").replace("%1", path))
    with _ExportState(scene, options):
        page = _page_rect(scene, options)
        if extension == ".png":
            image = render_png(scene, options)
            # PNG encoding dominates: Qt's default compression is ~3x slower than level "80".
            ok = image.save(path, "PNG", 80)
        elif extension == ".svg":
            generator = QSvgGenerator()
            generator.setFileName(path)
            generator.setSize(QSize(math.ceil(page.width()), math.ceil(page.height())))
            generator.setViewBox(QRectF(0, 0, page.width(), page.height()))
            generator.setTitle(options.title or scene.model.name or "OrgModel")
            generator.setDescription(translate("Export", "Exported from OrgModel"))
            painter = QPainter()
            ok = painter.begin(generator)
            if ok:
                _paint(scene, painter, QRectF(0, 0, page.width(), page.height()), options)
                ok = painter.end()
        else:
            writer = QPdfWriter(path)
            writer.setTitle(options.title or scene.model.name or "OrgModel")
            writer.setCreator("OrgModel")
            writer.setResolution(72)
            if options.page:
                size = QPageSize(PAGES[options.page])
            else:
                size = QPageSize(QSizeF(page.width() * 0.75, page.height() * 0.75), QPageSize.Unit.Point, "diagram")
            orientation = QPageLayout.Orientation.Landscape if options.landscape else QPageLayout.Orientation.Portrait
            writer.setPageLayout(QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0) if not options.page else QMarginsF(28, 28, 28, 28)))
            painter = QPainter()
            ok = painter.begin(writer)
            if ok:
                area = QRectF(writer.pageLayout().paintRectPixels(writer.resolution()))
                _paint(scene, painter, QRectF(0, 0, area.width(), area.height()), options)
                ok = painter.end()
    if not ok:
        raise ExportError(translate("Export", "cannot write “%1”").replace("%1", path))
    return options


def render_png(scene: OrgScene, options: ExportOptions) -> QImage:
    """The PNG image (call inside the export state)."""
    page = _page_rect(scene, options)
    wanted = options.png_scale()
    scale = _fitting_scale(page, wanted)
    if scale < wanted - 1e-9:
        requested = f"{math.ceil(page.width() * wanted)} × {math.ceil(page.height() * wanted)}"
        options.notices.append(
            translate("Export", "The image was scaled down to %1 px: %2 px is more than an image can hold.")
            .replace("%1", f"{math.ceil(page.width() * scale)} × {math.ceil(page.height() * scale)}")
            .replace("%2", requested)
        )
    size = QSize(max(1, math.ceil(page.width() * scale)), max(1, math.ceil(page.height() * scale)))
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    if image.isNull():
        raise ExportError(translate("Export", "not enough memory for a %1 px image").replace("%1", f"{size.width()} × {size.height()}"))
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    _paint(scene, painter, QRectF(0, 0, size.width(), size.height()), options)
    painter.end()
    return image
