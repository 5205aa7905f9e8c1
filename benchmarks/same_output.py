"""Prove that a change kept every output of the command line byte for byte.

    python3 benchmarks/same_output.py [--base REV]

Checks out REV (default ``HEAD``) into a temporary folder with ``git worktree``, then runs
the same commands in both trees on both bundled samples and compares the bytes:
``check``, ``support`` and ``impact`` (table and ``--json``), ``why``, ``layout`` in both
styles, ``convert`` to every format, and ``export`` to SVG and PNG. An ``.xlsx`` is a zip
whose ``docProps/core.xml`` carries the time it was written: it is compared member by member
with that one stamp blanked. Exits 1 and names every output that differs.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ("example_co.orgmodel", "ornek_as.orgmodel")
CONVERSIONS = (".orgmodel", ".csv", ".xlsx", ".graphml", ".drawio")
_LAUNCH = "import sys; sys.path.insert(0, sys.argv.pop(1)); from ui.launcher import main; raise SystemExit(main())"
_STAMP = re.compile(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>")


def _commands(sample: Path, out: Path) -> list[tuple[str, list[str]]]:
    """``(output name, arguments)``; the output is stdout+stderr, or the file named ``OUT``."""
    s, stem = str(sample), sample.stem
    first_revenue, first_back = ("sales-emea", "payroll") if stem == "example_co" else ("bireysel-satis", "bordro")
    jobs = [
        (f"{stem}.check", ["check", s]),
        (f"{stem}.support", ["support", s]),
        (f"{stem}.support.json", ["support", s, "--json"]),
        (f"{stem}.impact", ["impact", s]),
        (f"{stem}.impact.json", ["impact", s, "--json"]),
        (f"{stem}.why", ["why", s, first_revenue, first_back]),
        (f"{stem}.layout-orgchart.orgmodel", ["layout", s, "OUT", "--style", "orgchart"]),
        (f"{stem}.layout-bands.orgmodel", ["layout", s, "OUT", "--style", "bands"]),
        (f"{stem}.export.svg", ["export", s, "OUT", "--legend"]),
        (f"{stem}.export.png", ["export", s, "OUT", "--scale", "1", "--highlight", first_revenue]),
    ]
    jobs += [(f"{stem}.convert{ext}", ["convert", s, "OUT"]) for ext in CONVERSIONS]
    return jobs


def run_tree(tree: Path, out: Path) -> dict[str, bytes]:
    """Every output of ``tree``'s command line, by name."""
    # The line layer paints a grid cell's lines in set order, so without a fixed hash seed two
    # runs of one tree draw crossing arrowheads in a different order (same picture, other bytes).
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ORGMODEL_LANGUAGE="en", PYTHONPATH=str(tree), PYTHONHASHSEED="0")
    results: dict[str, bytes] = {}
    for sample_name in SAMPLES:
        sample = ROOT / "resources" / "samples" / sample_name
        for name, args in _commands(sample, out):
            target = out / name
            args = [str(target) if a == "OUT" else a for a in args]
            done = subprocess.run([sys.executable, "-c", _LAUNCH, str(tree), *args], capture_output=True, cwd=out, env=env, timeout=300)
            console = done.stdout + b"\n--stderr--\n" + done.stderr + f"\n--exit {done.returncode}--\n".encode()
            console = console.replace(str(out).encode(), b"OUT")
            results[name + ".console"] = console
            if target.exists():
                results[name] = _normalised(target)
    return results


def _normalised(path: Path) -> bytes:
    if path.suffix != ".xlsx":
        return path.read_bytes()
    with zipfile.ZipFile(path) as archive:
        return b"".join(
            name.encode() + b"\0" + _STAMP.sub(b"", archive.read(name)) for name in sorted(archive.namelist())
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="HEAD", help="the revision to compare the working tree with (default HEAD)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="orgmodel-same-") as scratch:
        scratch_path = Path(scratch)
        base = scratch_path / "base"
        subprocess.run(["git", "worktree", "add", "--detach", "--force", str(base), options.base],
                       cwd=ROOT, check=True, capture_output=True)
        try:
            (scratch_path / "old").mkdir()
            (scratch_path / "new").mkdir()
            old = run_tree(base, scratch_path / "old")
            new = run_tree(ROOT, scratch_path / "new")
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(base)], cwd=ROOT, capture_output=True)
    differ = sorted(name for name in old.keys() | new.keys() if old.get(name) != new.get(name))
    for name in differ:
        print(f"DIFFERS: {name} ({len(old.get(name, b''))} bytes before, {len(new.get(name, b''))} after)")
    print(f"{len(old)} outputs of {options.base} compared with the working tree: {len(differ)} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
