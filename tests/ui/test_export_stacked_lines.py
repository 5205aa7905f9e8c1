"""A big picture's thin lines are drawn a stretch of ink at a time (``line_ink``): the same
picture as drawing every line over the others, to a level of rounding, with far less ink."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtGui import QImage

from orgmodel.synthetic import generate_model
from ui.canvas.export import ExportOptions, export_scene
from ui.canvas.items import line_shapes
from ui.canvas.items.line_ink import stacks
from ui.canvas.scene import OrgScene
from ui.editing.model_signals import ModelSignals
from ui.editing.selection import Selection


def pixels(path: Path) -> np.ndarray:
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32)
    return np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1, 4)[..., :3].astype(int)


def test_stacked_thin_lines_look_as_lines_drawn_one_over_another(qapp, tmp_path: Path, monkeypatch) -> None:
    model = generate_model(300, seed=5)  # a grid: crowded channels share their tracks
    scene = OrgScene(Selection())
    scene.set_model(model, ModelSignals(model))
    monkeypatch.setattr(line_shapes, "STACKED_FROM", 0)
    stacked = tmp_path / "stacked.png"
    export_scene(scene, str(stacked), ExportOptions(scale=0.3))  # lines under a pixel wide, aliased
    monkeypatch.setattr(line_shapes, "STACKED_FROM", 10**12)
    one_by_one = tmp_path / "one_by_one.png"
    export_scene(scene, str(one_by_one), ExportOptions(scale=0.3))
    a, b = pixels(stacked), pixels(one_by_one)
    assert a.shape == b.shape
    difference = np.abs(a - b).max(axis=2)
    assert difference.max() <= 16
    assert (difference > 2).mean() < 0.001
    ink = (b.sum(axis=2) < 600).mean()  # the lines are there, not left out
    assert ink > 0.05 and abs((a.sum(axis=2) < 600).mean() - ink) < 0.001


def test_runs_are_cut_where_their_count_changes() -> None:
    # Two runs on y=1 overlapping on [2, 4], one on y=2; touching runs make no empty stretch.
    where, lo, hi, count = stacks(np.array([1.0, 1.0, 2.0, 3.0, 3.0]), np.array([0.0, 2.0, 0.0, 0.0, 5.0]),
                                  np.array([4.0, 6.0, 1.0, 5.0, 7.0]))
    assert list(zip(where.tolist(), lo.tolist(), hi.tolist(), count.tolist())) == [
        (1.0, 0.0, 2.0, 1), (1.0, 2.0, 4.0, 2), (1.0, 4.0, 6.0, 1), (2.0, 0.0, 1.0, 1), (3.0, 0.0, 5.0, 1), (3.0, 5.0, 7.0, 1),
    ]
