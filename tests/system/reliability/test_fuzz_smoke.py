"""The importer fuzzer (``benchmarks/fuzz_readers.py``, issue 19) on a small fixed seed: its
mutants of every format are imported without a bug, and the fuzzer itself still tells a
traceback and a hang from a refusal (a fake reader that fails is caught), so it cannot rot
into a check that passes whatever happens."""

from __future__ import annotations

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

import fuzz_readers  # noqa: E402

FAKE_TRACEBACK = """
import orgmodel.formats as formats
def _read(path, kind, options):
    raise KeyError("a reader's own bug")
formats._read = _read
"""

FAKE_HANG = """
import orgmodel.formats as formats
def _read(path, kind, options):
    while True:
        pass
formats._read = _read
"""


def test_twenty_mutants_of_every_format_find_no_bug() -> None:
    report = fuzz_readers.run(seed=19, per_category=20, cli=1)
    assert report.bugs() == 0, "\n".join(f"{f.category}-{f.index} {f.outcome}: {f.detail}" for f in report.findings)
    assert set(report.counts) == set(fuzz_readers.CATEGORIES)
    for category, counts in report.counts.items():
        assert counts["tried"] == 20
        assert counts.get("imported", 0) + counts.get("refused", 0) == 20, (category, counts)
    assert sum(c.get("imported", 0) for c in report.counts.values()) > 10  # not only refusals: readers reached


def test_a_reader_that_raises_is_counted_as_a_traceback() -> None:
    report = fuzz_readers.run(seed=19, per_category=3, only=("csv", "graphml"), cli=0, analyse=False, preload=FAKE_TRACEBACK)
    assert report.counts["csv"]["traceback"] == 3 and report.counts["graphml"]["traceback"] == 3
    assert "KeyError" in report.findings[0].detail and report.bugs() == 6


def test_a_reader_that_never_ends_is_counted_as_a_hang() -> None:
    report = fuzz_readers.run(seed=19, per_category=2, only=("native",), cli=0, cpu=1, analyse=False, preload=FAKE_HANG)
    assert report.counts["native"]["hang"] == 2, report.counts
