"""docs/screenshots.py, which makes the README's pictures, still runs against the current
export code (it builds the command line's options by hand, so a new option can break it)."""

from __future__ import annotations

import importlib.util

from conftest import ROOT


def test_export_picture_writes_the_readme_picture(qapp, tmp_path) -> None:
    spec = importlib.util.spec_from_file_location("screenshots", ROOT / "docs" / "screenshots.py")
    screenshots = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(screenshots)
    out = tmp_path / "layout-orgchart.png"
    screenshots.export_picture("example_co.orgmodel", out, layout="bands", legend=True, title=True)
    data = out.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 50_000
