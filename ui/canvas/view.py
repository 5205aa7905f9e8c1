"""The canvas view: zoom (Ctrl+wheel, Ctrl+=, Ctrl+-, Ctrl+0 fits), pan (middle button,
Space+drag, scroll bars), rubber-band selection and the inline rename editor."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QFrame, QGraphicsView, QLineEdit, QWidget
from typing_extensions import override

from ui.canvas import zoom
from ui.canvas.items.unit_card import HEIGHT, WIDTH
from ui.canvas.scene import OrgScene

MIN_SCALE, MAX_SCALE = 0.02, 4.0


class OrgView(QGraphicsView):
    """Shows an :class:`OrgScene`; reports its zoom for the status bar."""

    zoomChanged = Signal(float)
    #: The inline editor finished: unit id and the new name (only when it changed).
    renameCommitted = Signal(str, str)
    #: The inline editor closed: kept (Enter, focus out: ``renameFinished``) or with Esc.
    renameFinished = Signal(str)
    renameCancelled = Signal(str)

    def __init__(self, scene: OrgScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._space_down = False
        #: panels over the canvas (the legend): what is fitted or framed is kept out from under them
        self.covers: list[QWidget] = []
        self._pan_from: QPointF | None = None
        self._editor: QLineEdit | None = None
        self._editing: str | None = None

    # -- zoom ------------------------------------------------------------------------------

    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float, anchor_under_mouse: bool = False) -> None:
        # Fitting a huge drawing can go below MIN_SCALE: zooming out from there stays put
        # rather than jumping in.
        factor = max(min(MIN_SCALE, self.zoom()), min(MAX_SCALE, factor))
        self.setTransformationAnchor(
            QGraphicsView.ViewportAnchor.AnchorUnderMouse if anchor_under_mouse else QGraphicsView.ViewportAnchor.AnchorViewCenter
        )
        scale = factor / self.zoom()
        self.scale(scale, scale)
        self.zoomChanged.emit(self.zoom())

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom() * 1.25)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom() / 1.25)

    def fit_to_content(self) -> None:
        scene = self.scene()
        rect = scene.cards_bounding_rect()
        if rect.isNull():
            rect = QRectF(0, 0, WIDTH * 4, HEIGHT * 6)
        self.fitInView(rect.adjusted(-40, -40, 40, 40), Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > 1.0:
            self.set_zoom(1.0)
        zoom.keep_clear(self, rect)
        self.zoomChanged.emit(self.zoom())

    def show_opening(self) -> None:
        """A model was just opened: show it at a readable zoom (see ``canvas.zoom``)."""
        zoom.show_opening(self)

    def reveal(self, unit_id: str) -> None:
        card = self.scene().cards.get(unit_id)
        if card is not None:
            if self.zoom() < 0.5:
                self.set_zoom(0.8)
            self.centerOn(card)

    @override
    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120.0
            self.set_zoom(self.zoom() * (1.15**steps), anchor_under_mouse=True)
            event.accept()
            return
        super().wheelEvent(event)

    # -- panning ---------------------------------------------------------------------------

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._space_key(event, down=True):
            super().keyPressEvent(event)

    @override
    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if not self._space_key(event, down=False):
            super().keyReleaseEvent(event)

    def _space_key(self, event: QKeyEvent, down: bool) -> bool:
        """Space held (not while renaming): dragging pans; let go: dragging selects again.
        True when ``event`` was that."""
        if event.key() != Qt.Key.Key_Space or event.isAutoRepeat():
            return False
        if (self._editor is not None) if down else not self._space_down:
            return False
        self._space_down = down
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag if down else QGraphicsView.DragMode.RubberBandDrag)
        event.accept()
        return True

    @override
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton:
            self._pan_from = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    @override
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            delta = event.position() - self._pan_from
            self._pan_from = event.position()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - int(delta.x()))
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - int(delta.y()))
            event.accept()
            return
        super().mouseMoveEvent(event)

    @override
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton and self._pan_from is not None:
            self._pan_from = None
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    # -- inline rename ---------------------------------------------------------------------

    def start_rename(self, unit_id: str) -> None:
        """Put a line editor over the unit's name; Enter or focus-out commits, Esc cancels."""
        self.finish_rename(commit=True)
        card = self.scene().cards.get(unit_id)
        if card is None:
            return
        self.ensureVisible(card)
        top_left = self.mapFromScene(card.scenePos() + QPointF(10, 4))
        bottom_right = self.mapFromScene(card.scenePos() + QPointF(WIDTH - 6, 30))
        editor = QLineEdit(self.viewport())
        editor.setObjectName("inlineRename")
        editor.setText(card.name)
        editor.selectAll()
        editor.setGeometry(top_left.x(), top_left.y(), max(120, bottom_right.x() - top_left.x()), max(22, bottom_right.y() - top_left.y()))
        editor.returnPressed.connect(lambda: self.finish_rename(commit=True))
        editor.installEventFilter(self)
        editor.show()
        editor.setFocus()
        self._editor, self._editing = editor, unit_id

    def finish_rename(self, commit: bool) -> None:
        editor, unit_id = self._editor, self._editing
        if editor is None:
            return
        self._editor = self._editing = None
        text = editor.text().strip()
        editor.removeEventFilter(self)
        editor.hide()
        editor.deleteLater()
        self.setFocus()
        card = self.scene().cards.get(unit_id)
        if commit and card is not None and text and text != card.name:
            self.renameCommitted.emit(unit_id, text)
        (self.renameFinished if commit else self.renameCancelled).emit(unit_id)

    def is_renaming(self) -> bool:
        return self._editor is not None

    @override
    def eventFilter(self, watched, event: QEvent) -> bool:
        if watched is self._editor:
            if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
                self.finish_rename(commit=False)
                return True
            if event.type() == QEvent.Type.FocusOut:
                self.finish_rename(commit=True)
                return False
        return super().eventFilter(watched, event)
