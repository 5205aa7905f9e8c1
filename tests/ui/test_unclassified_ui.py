"""An unclassified unit in the editor: a grey card marked "?", a legend row, its own outline
group, "— not classified —" in Properties (one undo step), and a findings section."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from canvas_driving import OFFSCREEN_NOTICES, card_centre, choose, close_window, company, open_window, right_click
from orgmodel.model import unclassified_unit
from ui import style
from ui.canvas.legend import legend_entries


def model_with_two_unclassified():
    model = company()
    model.add_unit(unclassified_unit("ops", "Operations", x=0.0, y=600.0))
    model.add_unit(unclassified_unit("desk", "Help Desk", x=240.0, y=600.0))
    model.add_dependency("shop", "ops")
    return model


@pytest.fixture
def window(qtbot):
    window = open_window(qtbot, model_with_two_unclassified())
    yield window
    close_window(window)


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def test_the_card_is_grey_and_says_not_classified(window) -> None:
    card = window.scene.cards["ops"]
    assert card.office is None
    assert card.tool_tip().endswith("Not classified")
    image = QImage(200, 80, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.translate(6, 6)
    card.paint(painter, _Option(), None)
    painter.end()
    inside = image.pixelColor(100, 50)  # inside the card, below the texts
    assert inside.name() == style.OFFICE_FILLS[None].name() == "#e6e6e6"


class _Option:
    """The little of QStyleOptionGraphicsItem a card reads when drawn at full detail."""

    @staticmethod
    def levelOfDetailFromTransform(_transform) -> float:
        return 1.0


def test_the_legend_lists_the_unclassified_card(window) -> None:
    assert legend_entries()[3] == "? not classified (no office yet)"


def test_outline_shows_the_not_classified_group_and_follows_classification(window) -> None:
    outline, proxy = window.outline, window.outline.rows
    settle()
    titles = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert titles[3] == "Not classified (2)"
    assert not outline.tree.isRowHidden(3, QModelIndex())
    window.document.update_unit("ops", office="back")
    window.document.update_unit("desk", office="front")
    settle()
    assert proxy.rowCount() == 3  # the group goes with its last unit
    window.document.undo_stack.undo()
    settle()
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())][3] == "Not classified (1)"


def test_properties_not_classified_choice_is_one_undo_step(window) -> None:
    properties, document = window.properties, window.document
    window.selection.set(["shop"])
    settle()
    combo = properties.office_combo
    assert [combo.itemText(i) for i in range(combo.count())][-1] == "— not classified —"
    steps = document.undo_stack.count()
    combo.setCurrentIndex(3)
    combo.activated.emit(3)
    assert document.model.unit("shop").office is None
    assert document.undo_stack.count() == steps + 1
    document.undo_stack.undo()
    assert document.model.unit("shop").office == "front"
    window.selection.set(["ops"])
    settle()
    assert combo.currentIndex() == 3  # an unclassified unit shows the choice


def test_findings_list_the_unclassified_units_first(window) -> None:
    dock = window.analysis_dock
    dock.tabs.setCurrentWidget(dock.findings)
    settle()
    section = dock.findings.topLevelItem(0)
    assert section.text(0) == "2 units are not classified: support and cost figures leave them out"
    assert sorted(section.child(i).text(0) for i in range(section.childCount())) == ["Help Desk", "Operations"]
    window.document.update_unit("ops", office="middle")
    settle()
    dock._fill_findings_if_shown()
    assert dock.findings.topLevelItem(0).text(0) == "1 unit is not classified: support and cost figures leave them out"


@pytest.mark.qt_log_ignore(*OFFSCREEN_NOTICES)
def test_the_card_menu_can_unclassify_and_classify(window) -> None:
    model, stack = window.document.model, window.document.undo_stack
    right_click(window, card_centre(window, "pricing"), lambda menu: choose(menu, "Office", "Not classified"))
    assert model.unit("pricing").office is None
    stack.undo()
    assert model.unit("pricing").office == "middle"
    right_click(window, card_centre(window, "ops"), lambda menu: choose(menu, "Office", "Back office"))
    assert model.unit("ops").office == "back"


def test_clicking_an_unclassified_card_says_what_to_do_about_it(window, qtbot) -> None:
    from canvas_driving import LEFT, send_mouse
    from PySide6.QtCore import QEvent, Qt

    at = card_centre(window, "ops")
    send_mouse(window, QEvent.Type.MouseButtonPress, at, LEFT)
    send_mouse(window, QEvent.Type.MouseButtonRelease, at, Qt.MouseButton.NoButton)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() != "")
    assert window.statusBar().currentMessage() == (
        "Operations is not classified: choose its office in Properties, or Analysis › Classify Offices…")


def test_the_automation_page_can_show_only_the_unclassified_units(window, qtbot) -> None:
    from ui.docks.analysis_tables import ID_ROLE

    dock = window.analysis_dock
    page = dock.automation_view
    dock.tabs.setCurrentIndex(dock.tabs.indexOf(page))
    qtbot.waitUntil(lambda: not page._dirty)
    choice = page.office.findText("Not classified")
    assert choice > 0
    page.office.setCurrentIndex(choice)
    shown = {page.proxy.index(r, 0).data(ID_ROLE) for r in range(page.proxy.rowCount())}
    assert shown == {"ops", "desk"}
    page.office.setCurrentIndex(0)  # All offices
    assert page.proxy.rowCount() == len(window.document.model)
