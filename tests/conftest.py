"""Shared test set-up: Qt always runs offscreen, and the tests leave no trace.

Before any test runs, ``HOME``, the XDG folders (config, cache, data, runtime) point into
one folder of this session, so neither the tests nor the processes they start (which inherit
the environment) can reach the person's ``~/.config``, ``~/.local`` or ``~/.cache``; the
folder is removed when the session ends. Every test gets settings and an autosave folder of
its own under pytest's ``tmp_path_factory`` (which pytest removes). ``tests/system/
test_no_trace.py`` proves it on a small pytest session run in a subprocess.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

# Before any QApplication exists (pytest-qt makes one lazily, after this module loads).
os.environ["QT_QPA_PLATFORM"] = "offscreen"

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples"

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))



def run_orgmodel(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real ``orgmodel`` command, as a person or a script runs it, from the checkout."""
    return subprocess.run(
        [sys.executable, "-m", "orgmodel", *args], capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
    )


#: The session's home, made in pytest_configure (before any test or fixture can start Qt, and
#: not when a benchmark imports this module) and removed in pytest_unconfigure.
SESSION_HOME: Path | None = None


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config) -> None:
    """HOME and the XDG folders in the session's own folder; Qt's settings as ini files there,
    under the tests' own organisation and application name."""
    global SESSION_HOME
    from PySide6.QtCore import QCoreApplication, QSettings

    # With pytest-xdist, each worker's home is made inside the controller's (the workers
    # inherit its environment): the controller removes it last, after every worker ended, so
    # a worker stopped before its own clean-up leaves nothing either.
    parent = os.environ.get("ORGMODEL_TESTS_HOME") if hasattr(config, "workerinput") else None
    SESSION_HOME = Path(tempfile.mkdtemp(prefix="pytest-orgmodel-home-", dir=parent))  # 0700, as XDG_RUNTIME_DIR must be
    if parent is None:
        os.environ["ORGMODEL_TESTS_HOME"] = str(SESSION_HOME)
    for variable, folder in {
        "HOME": SESSION_HOME,
        "XDG_CONFIG_HOME": SESSION_HOME / ".config",
        "XDG_CACHE_HOME": SESSION_HOME / ".cache",
        "XDG_DATA_HOME": SESSION_HOME / ".local" / "share",
        "XDG_STATE_HOME": SESSION_HOME / ".local" / "state",
        "XDG_RUNTIME_DIR": SESSION_HOME,  # else Qt makes /tmp/runtime-$USER
    }.items():
        os.environ[variable] = str(folder)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(SESSION_HOME / ".config"))
    QCoreApplication.setOrganizationName("OrgModelTests")
    QCoreApplication.setApplicationName("OrgModelTests")
    # Autosaves of the tests' windows go to a folder of their own (each test gets a fresh one
    # from the _isolated fixture); this one is for code that runs outside a test.
    os.environ["ORGMODEL_RECOVERY_DIR"] = str(SESSION_HOME / "recovery")
    # Tests read English words and US numbers whatever the machine's locale; the Turkish
    # interface is tested on purpose, with the ``turkish`` fixture.
    os.environ["ORGMODEL_LANGUAGE"] = "en"


def pytest_unconfigure(config) -> None:
    if SESSION_HOME is not None:
        shutil.rmtree(SESSION_HOME, ignore_errors=True)


@pytest.fixture(autouse=True)
def _isolated(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Settings (recent files, export folder, language) and autosaves of this test only."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("settings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    monkeypatch.setenv("ORGMODEL_RECOVERY_DIR", str(folder / "recovery"))
    yield
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, os.environ["XDG_CONFIG_HOME"])


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
