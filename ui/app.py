"""Start the editor: ``orgmodel [FILE]``."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from orgmodel.cli import sample_path
from orgmodel.formats.native import load
from orgmodel.model import OrgModel

from ui import i18n

APP_NAME = "OrgModel"


def make_application(argv: list[str] | None = None, language: str | None = None) -> QApplication:
    """The application object, speaking ``language`` (by default the one the person chose,
    or the system's; see ``ui.i18n``)."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    i18n.install(language or i18n.startup_language())
    return app  # type: ignore[return-value]


def forget_module_sources() -> None:
    """Drop the source text of the modules loaded so far, which PySide6 left in
    ``linecache``: its feature check reads the source of every module imported after it
    (``shibokensupport.feature``, looking for "PySide6" in the text), and the cache keeps
    it: some 460 files, 20 MB, once the editor's modules are in. A traceback that needs a
    file reads it again."""
    import linecache

    linecache.clearcache()


def display_problem() -> str | None:
    """Why no window can be shown here, in one line for the terminal, or None when Qt may try.

    Qt's xcb platform aborts the process (exit 134) without a display, with a hint to install
    ``libxcb-cursor0`` even when it is installed; this asks first. Only Linux, and only when
    Qt would use xcb: no platform named (and no Wayland), or ``QT_QPA_PLATFORM=xcb``. The
    line is English, like the rest of the command line: no translator is loaded yet.
    """
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if not sys.platform.startswith("linux") or platform.split(":")[0] not in ("", "xcb"):
        return None
    if not platform and os.environ.get("WAYLAND_DISPLAY"):
        return None
    display = os.environ.get("DISPLAY")
    if not display:
        why = "no display (DISPLAY is not set)" if platform else "no display (neither DISPLAY nor WAYLAND_DISPLAY is set)"
    elif not _x_server_answers():
        why = f"the X display {display!r} cannot be reached"
    else:
        return None
    return (
        f"orgmodel: cannot open the editor: {why}. Without a display, `orgmodel export MODEL OUT.png` still "
        "draws pictures, and scripts can run Qt with QT_QPA_PLATFORM=offscreen."
    )


def _x_server_answers() -> bool:
    """Whether the X server of ``DISPLAY`` accepts a connection, asked through the libxcb
    that Qt's xcb platform uses (so its address and authorisation rules are the same)."""
    import ctypes

    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return True  # no libxcb: let Qt say what is missing
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(None, None)
    try:
        return xcb.xcb_connection_has_error(connection) == 0
    finally:
        xcb.xcb_disconnect(connection)


def run(model: OrgModel | None, path: str | None) -> int:
    """Show ``model`` (read from ``path``, or a new untitled document when ``path`` is None)
    and run until the window closes. No model: the bundled sample of the interface's
    language, as a new untitled document."""
    app = make_application()
    if model is None:
        model = load(sample_path(i18n.current_language()))
    return show(app, model, path)


def show(app: QApplication, model: OrgModel, path: str | None) -> int:
    from ui import crash
    from ui.window.main_window import MainWindow

    window = MainWindow()
    crash.install(autosave=window.autosave_now)
    window.document.replace_model(model, path)
    window.show()
    window.offer_recovery()
    forget_module_sources()
    code = app.exec()
    # The windows are gone: a problem from here on goes to the terminal, never to a dialog
    # that nobody sees and the process would wait on.
    sys.excepthook = sys.__excepthook__
    return code
