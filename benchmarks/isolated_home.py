"""Benchmarks leave no trace in the person's home: imported first by every benchmark that
starts Qt or the editor, it points Qt's settings, the editor's recovery folder and caches
(``XDG_CONFIG_HOME``, ``XDG_DATA_HOME``, ``XDG_CACHE_HOME``) into one temporary folder,
removed when the benchmark ends. The child processes a benchmark starts inherit it through
the environment (and do not make their own); an autosave written while measuring never
turns up as "work to recover" in the person's editor.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

_MARK = "ORGMODEL_BENCHMARK_HOME"


def isolate() -> str:
    """The temporary home of this benchmark run (made once per run, children share it)."""
    home = os.environ.get(_MARK)
    if home and os.path.isdir(home):
        return home
    home = tempfile.mkdtemp(prefix="orgmodel-benchmark-")
    os.environ[_MARK] = home
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        os.environ[name] = os.path.join(home, name.lower())
    atexit.register(shutil.rmtree, home, True)
    return home


isolate()
