"""Guard against PySide6 releases that crash the interpreter.

PySide6-Essentials 6.12.0 aborts Python 3.11 (``Fatal Python error: none_dealloc``) after a
few thousand calls of any Qt method returning nothing: a reference-count bug on ``None``.
pyproject.toml keeps 3.11 below 6.12; this test proves the installed binding survives the
kind of call volume an editor session makes.
"""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

CALLS = 50_000

SCRIPT = f"""
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QPointF
from PySide6.QtGui import QBrush, QColor, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QGraphicsRectItem

app = QApplication([])
item = QGraphicsRectItem(0, 0, 10, 10)
brush = QBrush(QColor("#336699"))
stack = QUndoStack()
stack.setUndoLimit(100)
for i in range({CALLS}):
    item.setPos(QPointF(i, i))  # returns None
    item.setBrush(brush)  # returns None
    if i % 10 == 0:
        stack.push(QUndoCommand("step"))  # returns None
print("survived", item.pos().x())
"""


def test_many_calls_of_void_qt_methods_do_not_abort_the_interpreter() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert "none_dealloc" not in result.stderr
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == f"survived {CALLS - 1:.1f}"
