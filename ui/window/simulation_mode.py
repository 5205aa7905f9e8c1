"""The window's what-if mode: the banner above the canvas, the Analysis menu's entries and
the canvas drawing of a simulation.

A mixin of :class:`ui.window.main_window.MainWindow` (it uses the window's document, scene,
view and selection). The simulation (:class:`ui.editing.simulation.Simulation`) is a view
state: nothing here edits the model. While it runs, the canvas shows it instead of the
support highlight: failed units dark red and hatched, units down red, the chains of the
revenue units down as highlighted lines (only the selected unit's chain when a revenue
unit down is selected), the rest faded. Esc on the canvas or the banner's button ends it.
Strings keep the "MainWindow" context.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from orgmodel.analysis.whatif import WhatIf

from ui import i18n
from ui.editing.simulation import Simulation
from ui.i18n import translate


class SimulationBanner(QFrame):
    """The line above the canvas saying what the simulation takes down, with its End button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("simulationBanner")
        self.setStyleSheet("#simulationBanner { background: #FDE3E0; border-bottom: 2px solid #7F0000; }"
                           "#simulationBanner QLabel { color: #5A0000; font-weight: bold; }"
                           "#simulationBanner #simulationKey { font-weight: normal; }")
        self.label = QLabel()
        self.label.setWordWrap(True)
        #: What the marks on the canvas mean (the legend knows nothing of a simulation).
        self.key = QLabel(self.tr("On the canvas: dark red, hatched = failed; red = down with them; highlighted lines = why a revenue unit is down; grey = not affected. Nothing in the model changes."))
        self.key.setWordWrap(True)
        self.key.setObjectName("simulationKey")
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.label)
        texts.addWidget(self.key)
        self.end_button = QPushButton(self.tr("End Simulation"))
        self.end_button.setToolTip(self.tr("Back to editing (Esc); the model was not changed"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addLayout(texts, 1)
        layout.addWidget(self.end_button)
        self.hide()

    def show_result(self, result: WhatIf, names: dict[str, str]) -> None:
        """"Simulation: 2 units failed — revenue at risk 218,500,000 (10 revenue units
        down, 3 saved by an alternative)", numbers in the reader's locale; the failed units
        named when there are at most three."""
        text = self.tr("Simulation: %Ln unit(s) failed", "", len(result.failed))
        if len(result.failed) <= 3:
            text += " (" + ", ".join(names[uid] for uid in result.failed) + ")"
        risk = self.tr("revenue at risk %1").replace("%1", i18n.format_amount(result.revenue_at_risk, 0))
        down = self.tr("%Ln revenue unit(s) down", "", len(result.revenue_units_down))
        saved = self.tr("%Ln saved by an alternative", "", len(result.saved_by_alternative))
        self.label.setText(f"{text} — {risk} ({down}, {saved})")


def chain_lines(result: WhatIf, revenue_ids: list[str] | None = None) -> set[tuple[str, str]]:
    """The dependency lines (dependent, supporter) along the chains of ``revenue_ids`` (all
    revenue units down when None)."""
    chains = result.chains
    lines = set()
    for rid in chains if revenue_ids is None else revenue_ids:
        chain = chains.get(rid, ())
        lines.update(zip(chain, chain[1:]))
    return lines


class SimulationMixin:
    """The what-if mode of the main window."""

    def _make_simulation(self) -> QWidget:
        """The simulation, its banner and its actions; returns the central widget (banner
        above the canvas)."""
        self.simulation = Simulation(self.document, self)
        self.simulation.changed.connect(self._simulation_changed)
        self.simulation_banner = SimulationBanner()
        self.simulation_banner.end_button.clicked.connect(self.simulation.end)
        self.simulate_action = self._action(
            translate("MainWindow", "&Simulate Failure of Selection"), self.simulate_selection,
            tip=translate("MainWindow", "What if the selected units failed? Shows what goes down; changes nothing in the model"))
        self.end_simulation_action = self._action(translate("MainWindow", "&End Simulation"), self.simulation.end)
        self.end_simulation_action.setEnabled(False)
        self.scene.escapePressed.connect(self.simulation.end)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.simulation_banner)
        column.addWidget(self.view, 1)
        return central

    def simulate_selection(self) -> None:
        units = self.selection.units()
        if not units:
            self.statusBar().showMessage(translate("MainWindow", "Select the units to fail first"), 6000)
            return
        self.simulation.fail(units)

    def _simulation_changed(self) -> None:
        result = self.simulation.result
        running = result is not None
        self.end_simulation_action.setEnabled(running)
        self.simulation_banner.setVisible(running)
        if running:
            model = self.document.model
            names = {uid: model.unit(uid).name for uid in result.failed}
            self.simulation_banner.show_result(result, names)
        self._update_emphasis()

    def _show_simulation(self) -> bool:
        """Draw the simulation on the canvas if one runs (the highlight's place); False if none."""
        result = self.simulation.result
        if result is None:
            self.scene.highlight.simulate(None, None, None)
            return False
        uid = self.selection.single_unit()
        lines = chain_lines(result, [uid] if uid in result.chains else None)
        self.scene.set_emphasis(None, None, None)
        self.scene.highlight.simulate(set(result.failed), set(result.down), lines)
        return True
