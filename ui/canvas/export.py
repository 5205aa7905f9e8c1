"""Export the diagram as PNG, SVG or PDF, from the editor or headless.

The export renders the same scene and items as the canvas, over the drawing's bounding
rectangle plus a margin (or the selected units only), never with selection marks, handles
or a rubber band, with the dependency lines routed exactly as the editor shows them (the
scene's own geometry; lines as wide in pixels per scene unit as on screen), at full detail whatever the view's zoom, so it does not depend on window
state (a PNG scaled down to its pixel budget, too small for figures and arrow heads to be
seen, is drawn as the canvas draws at that scale). Vector formats stay vector: text is
written as text.

Files are written as every OrgModel file is (:mod:`orgmodel.formats.atomic`): SVG and PDF
are drawn into memory, a PNG is streamed to a temporary file beside the target, and only a
complete picture replaces the previous file; a failure or an interruption leaves it as it was.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsItem

from orgmodel.errors import OrgModelError
from orgmodel.formats.atomic import AtomicFile, SaveError, write_file
from orgmodel.gcpause import gc_paused

from ui import style
from ui.png import png_chunks
from ui.i18n import translate
from ui.canvas.items.card_batch import batchable, paint_cards
from ui.canvas.items.unit_card import LOD_DETAILS, UnitCard
from ui.canvas.legend import CustomRow, custom_rows, draw_legend, legend_size
from ui.canvas.scene import OrgScene

FORMATS = (".png", ".svg", ".pdf")
#: Qt cannot paint on images with a side over 32,767 px.
MAX_SIDE = 32767
#: ... and an ARGB image of more pixels than this needs over 1 GB: scaled down instead.
MAX_PIXELS = 250_000_000
#: Without an explicit scale a PNG is drawn at this scale ...
DEFAULT_SCALE = 2.0
#: ... unless that needs more pixels than this: viewers, slides and mail open a 32-megapixel
#: PNG; a 250-megapixel one takes a gigabyte of memory and most of them give up.
PIXEL_BUDGET = 32_000_000
#: ... or a longer side than this (a wide org chart would be a thin strip no one can read).
LONG_SIDE_BUDGET = 16_384
PAGES = {"a4": QPageSize.PageSizeId.A4, "a3": QPageSize.PageSizeId.A3, "letter": QPageSize.PageSizeId.Letter}
TITLE_HEIGHT = 56.0
_NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
GAP = 24.0


class ExportError(OrgModelError):
    """The export could not be written; the message says why in one line."""


@dataclass
class ExportOptions:
    """How to export; the defaults are what a slide wants."""

    #: PNG: pixels per scene unit (1x–4x); None: DEFAULT_SCALE, less if over the budget.
    scale: float | None = None
    dpi: float | None = None  #: PNG: instead of scale (96 dpi = 1x)
    transparent: bool = False  #: PNG and SVG: no background
    #: PNG without an explicit scale or dpi: at most this many pixels ...
    pixel_budget: int = PIXEL_BUDGET
    #: ... and at most this long a side.
    long_side_budget: int = LONG_SIDE_BUDGET
    margin: float = 40.0
    units: list[str] | None = None  #: only these units (and the lines between them)
    legend: bool = False
    title: str | None = None  #: drawn above the diagram
    page: str | None = None  #: PDF: "a4", "a3" or "letter" (default: one page the size of the diagram)
    landscape: bool = False
    notices: list[str] = field(default_factory=list)
    #: After a PNG export scaled down: ``(wanted, written)`` sizes in pixels.
    scaled_down: tuple[QSize, QSize] | None = None

    def png_scale(self) -> float:
        """The scale asked for (before any scaling down)."""
        return self.dpi / 96.0 if self.dpi else self.scale or DEFAULT_SCALE

    def automatic(self) -> bool:
        """No explicit scale or dpi: the pixel budget applies."""
        return self.scale is None and not self.dpi


def default_title(model_name: str, path: str | None = None) -> str:
    """The title above an export: the model's name (or, unnamed, its file's name without
    the extension; "Untitled" for neither) and today's date."""
    name = model_name or (os.path.splitext(os.path.basename(path))[0] if path else "") or translate("Export", "Untitled")
    return f"{name} — {date.today().isoformat()}"


def _legend_custom(scene: OrgScene, options: ExportOptions) -> list[CustomRow]:
    """The legend's rows for the custom colours of the units drawn, as the canvas's legend
    lists them: a picture explains every colour it uses."""
    model = scene.model
    units = model.units() if options.units is None else [model.unit(uid) for uid in options.units if uid in model]
    colours = {unit.id: unit.color for unit in units if unit.color}
    return custom_rows(colours, {uid: model.unit(uid).name for uid in colours})


def pixel_size(scene: OrgScene, options: ExportOptions) -> QSize:
    """The PNG size the options give, after any scaling down (shown before exporting)."""
    rect = _page_rect(scene, options)
    return _pixels(rect, _fitting_scale(rect, options))


def _pixels(rect: QRectF, scale: float) -> QSize:
    return QSize(max(1, math.ceil(rect.width() * scale)), max(1, math.ceil(rect.height() * scale)))


def _fitting_scale(rect: QRectF, options: ExportOptions) -> float:
    """The scale asked for, reduced to the budget (automatic scale) or to what an image can
    hold (explicit scale).

    >>> _fitting_scale(QRectF(0, 0, 1000, 500), ExportOptions())
    2.0
    >>> round(_fitting_scale(QRectF(0, 0, 20000, 10000), ExportOptions()), 3)
    0.4
    >>> _fitting_scale(QRectF(0, 0, 20000, 10000), ExportOptions(scale=1.0))
    1.0
    """
    side, most = (options.long_side_budget, options.pixel_budget) if options.automatic() else (MAX_SIDE, MAX_PIXELS)
    side, most = min(side, MAX_SIDE), min(most, MAX_PIXELS)
    fit = min(options.png_scale(), side / max(1.0, rect.width()), side / max(1.0, rect.height()))
    pixels = rect.width() * rect.height() * fit * fit
    if pixels > most:
        fit *= math.sqrt(most / pixels)
    # An image a pixel over the budget after rounding up is still over it.
    while fit > 0 and (math.ceil(rect.width() * fit) * math.ceil(rect.height() * fit) > most
                       or max(math.ceil(rect.width() * fit), math.ceil(rect.height() * fit)) > side):
        fit *= 0.999
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
        if not rect.isNull():  # lines and labels reaching past the cards are not cut off
            for layer in (scene.dependencies, scene.reporting):
                if layer.isVisible() and not (reach := layer.drawn_rect()).isNull():
                    # In whole units, as the cards' places are (see _page_rect).
                    rect = rect.united(QRectF(reach.toAlignedRect()))
    if rect.isNull():
        raise ExportError(translate("Export", "nothing to export: the diagram is empty"))
    return rect.adjusted(-options.margin, -options.margin, options.margin, options.margin)


def _title_font() -> QFont:
    font = QFont()
    font.setPointSizeF(20)
    font.setBold(True)
    return font


def _page_rect(scene: OrgScene, options: ExportOptions) -> QRectF:
    """The whole picture in scene units: title above, diagram, legend below; at least as
    wide as the title and the legend, so that neither is cut off."""
    rect = _diagram_rect(scene, options)
    width = rect.width()
    top = bottom = 0.0
    if options.title:
        top = TITLE_HEIGHT
        width = max(width, math.ceil(QFontMetricsF(_title_font()).horizontalAdvance(options.title)) + 2 * options.margin)
    if options.legend:
        legend = legend_size(QFontMetricsF(QFont()), _legend_custom(scene, options), bool(scene.model.dependency_groups()))
        bottom = legend.height() + GAP
        width = max(width, legend.width() + 2 * options.margin)
    # Whole points on a PDF page (0.75 pt a unit): 4 units at a time. A page 0.25 pt off
    # scaled the drawing by 0.749989 and put every coordinate of a 10,000-unit PDF off whole
    # numbers (2.6 -> 3.2 MB).
    height = rect.height() + top + bottom
    return QRectF(rect.left(), rect.top() - top, math.ceil(width / 4) * 4, math.ceil(height / 4) * 4)


class _ExportState:
    """Puts the scene in export shape (no selection, no handles, full detail, only the
    chosen units) and back, whatever happens in between."""

    def __init__(self, scene: OrgScene, options: ExportOptions) -> None:
        self.scene, self.options = scene, options

    def __enter__(self) -> None:
        # Drawing makes tens of thousands of small objects (texts, pens, arrow heads) and no
        # cycles: the collector would rescan the 10,000 cards and the model over and over.
        self.collector = gc_paused()
        self.collector.__enter__()
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
            scene.bands.set_shown(False)
        UnitCard.full_detail = True
        scene.dependencies.full_detail = scene.reporting.full_detail = True
        scene.dependencies.whole = scene.reporting.whole = True

    def __exit__(self, *exc) -> None:
        scene = self.scene
        UnitCard.full_detail = False
        scene.dependencies.full_detail = scene.reporting.full_detail = False
        scene.dependencies.whole = scene.reporting.whole = False
        for card in self.hidden:
            card.show()
        if self.options.units is not None:
            scene.dependencies.set_filter(None)
            scene.reporting.set_filter(None)
            scene.bands.set_shown(self.bands_visible)
        scene.setBackgroundBrush(self.brush)
        scene.dependencies.set_selected(self.line_selection)
        for card in self.handles:
            card.set_show_handles(True)
        for item in self.selected:
            item.setSelected(True)
        scene._syncing = False
        self.collector.__exit__(None, None, None)


def export_state(scene: OrgScene, options: ExportOptions) -> _ExportState:
    """``with export_state(scene, options):`` the scene drawn as an export draws it."""
    return _ExportState(scene, options)


def _paint(scene: OrgScene, painter: QPainter, target: QRectF, options: ExportOptions, filled: bool = False) -> None:
    """Draw the picture into ``target`` (device units of the painter); ``filled``: the
    device is already filled with the background (an image: 128 MB are not filled twice)."""
    page = _page_rect(scene, options)
    diagram = _diagram_rect(scene, options)
    scale = min(target.width() / page.width(), target.height() / page.height())
    painter.save()
    painter.translate(target.left() + (target.width() - page.width() * scale) / 2, target.top() + (target.height() - page.height() * scale) / 2)
    painter.scale(scale, scale)
    painter.translate(-page.left(), -page.top())
    if not options.transparent and not filled:
        painter.fillRect(page, style.CANVAS)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    # Lines are as wide as on a screen at this scale: 2 px at 2x, never hairlines.
    layers = (scene.dependencies, scene.reporting)
    for layer in layers:
        layer.pen_scale = scale * painter.device().devicePixelRatioF()
    # Cards that do not overlap are drawn together after the rest (they are above it), a few
    # pen and font changes in all instead of a dozen per card (see ``card_batch``).
    cards = [card for card in scene.cards.values() if card.isVisible()]
    together = batchable(cards)
    # The scene draws the rest (lines, bands). Cards drawn together are marked as having no
    # contents meanwhile, so the scene calls none of them: 10,000 calls into Python that drew
    # nothing took 0.25 s of a 10,000-unit SVG, and wrote 10,000 empty groups (4.8 MB) into it.
    try:
        for card in cards if together else ():
            card.setFlag(_NO_CONTENTS, True)
        scene.render(painter, diagram, diagram, Qt.AspectRatioMode.IgnoreAspectRatio)
    finally:
        for card in cards if together else ():
            card.setFlag(_NO_CONTENTS, False)
        for layer in layers:
            layer.pen_scale = None
    if together:
        painter.save()
        painter.setClipRect(diagram, Qt.ClipOperation.IntersectClip)  # as the scene's render clips
        paint_cards(painter, cards)
        painter.restore()
    if options.title:
        painter.setFont(_title_font())
        painter.setPen(style.TEXT)
        painter.drawText(QRectF(page.left() + options.margin, page.top(), page.width() - 2 * options.margin, TITLE_HEIGHT),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, options.title)
    if options.legend:
        painter.setFont(QFont())
        custom = _legend_custom(scene, options)
        alternatives = bool(scene.model.dependency_groups())
        size = legend_size(QFontMetricsF(QFont()), custom, alternatives)
        draw_legend(painter, QRectF(QPointF(page.left() + options.margin, diagram.bottom()), size), custom, alternatives)
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
            try:
                with AtomicFile(path) as pending:
                    write_png(image, pending)
            except SaveError as error:
                raise ExportError(error.text()) from None
            return options
        # Qt writes whatever it can and reports no write error: the picture is drawn into
        # memory and written, checked, by the atomic helper.
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if extension == ".svg":
            generator = QSvgGenerator()
            generator.setOutputDevice(buffer)
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
            writer = QPdfWriter(buffer)
            writer.setTitle(options.title or scene.model.name or "OrgModel")
            writer.setCreator("OrgModel")
            writer.setResolution(72)
            orientation = QPageLayout.Orientation.Landscape if options.landscape else QPageLayout.Orientation.Portrait
            if options.page:
                size = QPageSize(PAGES[options.page])
            else:
                width, height = page.width() * 0.75, page.height() * 0.75
                if options.landscape:  # the diagram's page turned with its long side across
                    width, height = min(width, height), max(width, height)
                size = QPageSize(QSizeF(width, height), QPageSize.Unit.Point, "diagram")
            writer.setPageLayout(QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0) if not options.page else QMarginsF(28, 28, 28, 28)))
            painter = QPainter()
            ok = painter.begin(writer)
            if ok:
                area = QRectF(writer.pageLayout().paintRectPixels(writer.resolution()))
                _paint(scene, painter, QRectF(0, 0, area.width(), area.height()), options)
                ok = painter.end()
            del writer  # the PDF is finished when its writer goes
        buffer.close()
    if not ok:
        raise ExportError(translate("Export", "cannot write “%1”").replace("%1", path))
    try:
        write_file(path, data.data())
    except SaveError as error:
        raise ExportError(error.text()) from None
    return options


def write_png(image: QImage, file: AtomicFile) -> None:
    """Write ``image`` as a PNG (:mod:`ui.png`) into ``file``, streamed; the caller commits
    it (or discards it: nothing is written). Raises :class:`SaveError`."""
    for piece in png_chunks(image):
        file.write(piece)


def render_png(scene: OrgScene, options: ExportOptions) -> QImage:
    """The PNG image (call inside the export state)."""
    page = _page_rect(scene, options)
    wanted = options.png_scale()
    scale = _fitting_scale(page, options)
    size = _pixels(page, scale)
    if scale < wanted - 1e-9:
        options.scaled_down = (_pixels(page, wanted), size)
        if options.automatic():
            notice = translate("Export", "The image was scaled down to %1 px to keep it easy to open; choose a scale to make it larger.")
        else:
            notice = translate("Export", "The image was scaled down to %1 px: %2 px is more than an image can hold.")
        options.notices.append(notice.replace("%1", f"{size.width()} × {size.height()}").replace("%2", f"{options.scaled_down[0].width()} × {options.scaled_down[0].height()}"))
    # A picture too small for the cards' figures (a big model within the pixel budget) is
    # drawn as the canvas draws at that zoom: smooth dashed lines with heads took 4x the
    # rest of a 10,000-unit export, for detail no one could see at that size.
    full = UnitCard.full_detail = scale >= LOD_DETAILS
    scene.dependencies.full_detail = scene.reporting.full_detail = full
    # Opaque pictures are written without an alpha channel: a quarter less to encode.
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied if options.transparent else QImage.Format.Format_RGB32)
    if image.isNull():
        raise ExportError(translate("Export", "not enough memory for a %1 px image").replace("%1", f"{size.width()} × {size.height()}"))
    image.fill(Qt.GlobalColor.transparent if options.transparent else style.CANVAS)
    painter = QPainter(image)
    _paint(scene, painter, QRectF(0, 0, size.width(), size.height()), options, filled=True)
    painter.end()
    return image
