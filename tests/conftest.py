"""Shared test set-up: Qt always runs offscreen, so no display is ever needed."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

# Before any QApplication exists (pytest-qt makes one lazily, after this module loads).
os.environ["QT_QPA_PLATFORM"] = "offscreen"

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples"

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def pytest_configure(config) -> None:
    """Keep the tests' QSettings (recent files...) away from the user's real settings."""
    import tempfile

    from PySide6.QtCore import QCoreApplication, QSettings

    folder = tempfile.mkdtemp(prefix="orgmodel-test-settings-")
    # Autosaves of the tests' windows go to a folder of their own, never the real one.
    os.environ["ORGMODEL_RECOVERY_DIR"] = tempfile.mkdtemp(prefix="orgmodel-test-recovery-")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
    QCoreApplication.setOrganizationName("OrgModelTests")
    QCoreApplication.setApplicationName("OrgModelTests")
    # Tests read English words and US numbers whatever the machine's locale; the Turkish
    # interface is tested on purpose, with the ``turkish`` fixture.
    os.environ["ORGMODEL_LANGUAGE"] = "en"


@pytest.fixture
def turkish(qapp):
    """The interface in Turkish (catalogue, Qt's own words, Turkish numbers) for one test."""
    from ui import i18n

    i18n.install("tr")
    yield
    i18n.install("en")


@pytest.fixture(autouse=True, scope="session")
def _english(qapp):
    from ui import i18n

    i18n.install("en")
