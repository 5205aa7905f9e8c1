"""Shared test set-up: Qt always runs offscreen, so no display is ever needed."""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Before any QApplication exists (pytest-qt makes one lazily, after this module loads).
os.environ["QT_QPA_PLATFORM"] = "offscreen"

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples"

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
