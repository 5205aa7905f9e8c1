"""Benchmark: ``orgmodel export`` of two generated 10,000-unit models to PNG, SVG and PDF, as a
person runs it: the command line with its default options (the default PNG scale and pixel
budget), loading, routing, drawing and writing included.

Run: ``python3 benchmarks/export.py [--units 10000] [--runs 3] [--base CHECKOUT]
[--formats png,svg,pdf] [--models grid,orgchart]``. The two models: ``grid``, the generated
model with the positions it is saved with (a 100-column grid), and ``orgchart``, the same
laid out as an org chart (as ``orgmodel layout`` writes it). Each export runs as its own
process; its CPU time (user + system) and peak memory (max RSS) come from ``os.wait4``, so
other work on a shared machine counts less (wall-clock is shown for information only), with
its modules' bytecode cached as an installed OrgModel has it (one untimed run first). The
process also times the routing (CPU), worked on apart: ``Router.route_all`` (every dependency
line) and ``Router.route_one`` (reporting lines that would cross a card); "rest" is the export
without either. With ``--base`` (another checkout, e.g.
``git -C /work/main archive main | tar -x -C /tmp/base``) the two checkouts run alternately
on the same files, and the medians are compared.
Targets: each format <= 4 s CPU, of which <= 3 s besides routing, and <= 600 MB peak memory.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE))

from orgmodel.appearance import CARD_HEIGHT, CARD_WIDTH  # noqa: E402
from orgmodel.formats.native import save  # noqa: E402
from orgmodel.layout import orgchart_layout, set_positions  # noqa: E402
from orgmodel.synthetic import generate_model  # noqa: E402

TARGET_CPU, TARGET_REST, TARGET_MB = 4.0, 3.0, 600.0
_PYCACHE = tempfile.mkdtemp(prefix="orgmodel-export-bench-pycache-")

#: The child: ``main.py``'s command line, with the CPU time spent routing written to a file:
#: ``Router.route_all`` (every dependency line) and ``Router.route_one`` (reporting lines whose
#: org-chart elbow would cross a card, many in a grid).
_CHILD = """
import sys, time
checkout, record = sys.argv[1], sys.argv[2]
sys.path.insert(0, checkout)
from orgmodel.layout.routing import Router
spent = [0.0, 0.0]
def timer(method, slot):
    def timed(self, *args, **kwargs):
        start = time.process_time()
        try:
            return method(self, *args, **kwargs)
        finally:
            spent[slot] += time.process_time() - start
    return timed
Router.route_all = timer(Router.route_all, 0)
Router.route_one = timer(Router.route_one, 1)
from ui.launcher import main
sys.argv = ["orgmodel"] + sys.argv[3:]
try:
    code = main()  # as main.py calls it: this process's own command line
finally:
    with open(record, "w") as file:
        file.write(repr(spent))
raise SystemExit(code)
"""


def export_once(checkout: Path, model: str, out: str) -> tuple[float, float, float, float, float, str]:
    """``(cpu seconds, route_all cpu seconds, route_one cpu seconds, peak MB, wall seconds,
    stderr)`` of one ``orgmodel export`` process."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "PYTHONPATH", "PYTHONDONTWRITEBYTECODE")}
    # As an installed OrgModel runs: its modules compiled once (pip compiles a wheel's at
    # install; a checkout writes __pycache__ on its first run). Here into a cache of the
    # benchmark's own, warmed by an untimed run, and never into the checkout: a shell with
    # PYTHONDONTWRITEBYTECODE set made every export compile ~0.2 s of sources again.
    env["PYTHONPYCACHEPREFIX"] = _PYCACHE
    record = out + ".routing"
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", _CHILD, str(checkout), record, "export", model, out], cwd=checkout,
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    stderr = process.stderr.read() if process.stderr else ""
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"{checkout}: export to {out} failed ({process.returncode}): {stderr.strip()}")
    with open(record) as file:
        route_all, route_one = (float(value) for value in file.read().strip("[]").split(","))
    os.remove(record)
    return usage.ru_utime + usage.ru_stime, route_all, route_one, usage.ru_maxrss / 1024, wall, stderr


def make_models(units: int, folder: str, names: list[str]) -> dict[str, str]:
    """The model files by name: the generated grid as saved, and the same as an org chart."""
    paths = {}
    for name in names:
        model = generate_model(units, seed=5)
        if name == "orgchart":
            set_positions(model, orgchart_layout(model, CARD_WIDTH, CARD_HEIGHT))
        elif name != "grid":
            raise SystemExit(f"unknown model {name!r}: grid or orgchart")
        paths[name] = os.path.join(folder, f"{name}.orgmodel")
        save(model, paths[name])
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3, help="runs per format and checkout (medians are reported)")
    parser.add_argument("--base", type=Path, help="another checkout to compare with, run alternately")
    parser.add_argument("--formats", default="png,svg,pdf", help="which formats, comma-separated (default: all three)")
    parser.add_argument("--models", default="grid,orgchart", help="which models, comma-separated (default: both)")
    args = parser.parse_args()
    checkouts = {"this": HERE} | ({"base": args.base.resolve()} if args.base else {})
    folder = tempfile.mkdtemp(prefix="orgmodel-export-bench-")
    try:
        run(args, checkouts, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run(args: argparse.Namespace, checkouts: dict[str, Path], folder: str) -> None:
    models = make_models(args.units, folder, args.models.split(","))
    print(f"models: generate_model({args.units:,}, seed=5) as saved (grid) and laid out as an org chart; "
          f"`orgmodel export MODEL OUT` with default options; CPU medians of {args.runs} runs, checkouts alternating")
    for name, checkout in checkouts.items():  # untimed: compiles each checkout's modules
        export_once(checkout, models[next(iter(models))], os.path.join(folder, f"{name}-warm.pdf"))
    for model_name, model_path in models.items():
        for kind in args.formats.split(","):
            results: dict[str, list[tuple[float, float, float, float, float]]] = {name: [] for name in checkouts}
            notes: dict[str, str] = {}
            for _ in range(args.runs):
                for name, checkout in checkouts.items():
                    out = os.path.join(folder, f"{name}.{kind}")
                    cpu, route_all, route_one, mb, wall, _ = export_once(checkout, model_path, out)
                    results[name].append((cpu, route_all, route_one, mb, wall))
                    notes[name] = f"{os.path.getsize(out) / 1e6:.1f} MB file"
                    os.remove(out)
            medians = {}
            for name, runs in results.items():
                cpu, route_all, route_one, mb, wall = (statistics.median(run[i] for run in runs) for i in range(5))
                rest = statistics.median(run[0] - run[1] - run[2] for run in runs)
                medians[name] = (cpu, rest, mb)
                verdict = "ok" if cpu <= TARGET_CPU and rest <= TARGET_REST and mb <= TARGET_MB else "OVER TARGET"
                print(f"{model_name} {kind.upper()} {name}: CPU {cpu:.2f} s = routing {route_all:.2f} (route_all) + "
                      f"{route_one:.2f} (route_one) + rest {rest:.2f}, "
                      f"peak {mb:.0f} MB (wall {wall:.1f} s); {verdict}  [{notes[name]}]", flush=True)
            if "base" in medians:
                (cpu, rest, mb), (base_cpu, base_rest, base_mb) = medians["this"], medians["base"]
                print(f"{model_name} {kind.upper()} this/base: CPU x{cpu / base_cpu:.2f}, rest x{rest / base_rest:.2f}, "
                      f"memory x{mb / base_mb:.2f}", flush=True)
    print(f"targets: CPU <= {TARGET_CPU:g} s, rest (without routing) <= {TARGET_REST:g} s, peak <= {TARGET_MB:g} MB")


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(_PYCACHE, ignore_errors=True)
