"""docs/screenshots.py, which makes the README's pictures, still runs against the current
export code (it builds the command line's options by hand, so a new option can break it)."""

from __future__ import annotations

import importlib.util

from conftest import ROOT


def load_script():
    spec = importlib.util.spec_from_file_location("screenshots", ROOT / "docs" / "screenshots.py")
    screenshots = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(screenshots)
    return screenshots


def test_export_picture_writes_the_readme_picture(qapp, tmp_path) -> None:
    screenshots = load_script()
    out = tmp_path / "layout-orgchart.png"
    screenshots.export_picture("example_co.orgmodel", out, layout="bands", legend=True, title=True)
    data = out.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 50_000


def test_chart_pictures_writes_both_charts_in_the_language_asked(qapp, tmp_path) -> None:
    from ui import i18n

    written = load_script().chart_pictures("ornek_as.orgmodel", tmp_path, "tr")
    assert [p.name for p in written] == ["chart-priority-tr.png", "chart-cost-tr.png"]
    assert all(p.read_bytes().startswith(b"\x89PNG") and p.stat().st_size > 20_000 for p in written)
    assert i18n.current_language() == "en"  # the tests' language, back
