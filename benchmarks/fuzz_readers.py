"""Fuzzer: seeded, reproducible mutants of every importer's files, read by the real command line.

Run: ``python3 benchmarks/fuzz_readers.py [--seed 1] [--per-category 1000] [--only CATEGORY]
[--keep DIR] [--cli 10]``. Categories: csv, xlsx, graphml (yEd too), drawio, archimate
(exchange format and .archimate) and native (.orgmodel). Seeds: ``benchmarks/fuzz_seeds.py``;
mutations: ``benchmarks/fuzz_mutations.py``. The same seed gives the same inputs.

Each input is imported by ``orgmodel convert FILE OUT.orgmodel`` run in a child process
(``benchmarks/fuzz_child.py``, many files per child) under limits: CPU 10 s per file,
address space 1.5 GB; when it was written, ``check``, ``impact``, ``spof``, ``whatif``, ``cost`` and ``automation`` run
on OUT too. A sample of inputs (``--cli`` per category) is run again as ``python3 -m orgmodel
convert`` in a process of its own, to prove the wording a person sees. Each input is:

- ``imported`` (exit 0, every message on stderr one line naming the file);
- ``refused`` (exit 1 or 2, problems on stderr one line each, naming the file; the native
  format lists every problem of a file, one per line, up to 20 and a count);

or one of the bugs: ``traceback`` (an exception escaped), ``hang`` (killed by the CPU limit),
``memory`` (MemoryError), ``crash`` (killed by another signal), ``bad-output`` (no message, a
message that does not name the file, a control character, a line over 500 characters, a
warning printed), ``non-finite`` (inf or NaN printed, or JSON that is not strict),
``bad-exit`` (another exit code), ``cli-mismatch`` (the separate CLI run ended differently).

Prints a table per category; exits 1 when any bug was found. ``--keep DIR`` writes the
inputs that found one, each with a ``.why`` saying what happened.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import random
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from fuzz_mutations import mutant  # noqa: E402
from fuzz_seeds import CATEGORIES, EXTENSIONS, seeds  # noqa: E402

OUTCOMES = ("imported", "refused")
BUGS = ("traceback", "hang", "memory", "crash", "bad-output", "non-finite", "bad-exit", "cli-mismatch")
CPU_SECONDS = 10
MEMORY = 1536 << 20
BATCH = 250
#: The checkout whose orgmodel reads the inputs (``--checkout``: the base code, side by side).
CHECKOUT = [ROOT]
LONGEST_LINE = 500
_MORE = re.compile(r"… and [\d,]+ more problems \([\d,]+ in all\)$")  # the CLI's cap on a list of problems
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_NONFINITE = re.compile(r"(?<![\w.])-?(inf|nan|infinity)(?![\w])", re.IGNORECASE)
#: Other extensions a category's file may have (the reader is chosen by extension or content).
#: Seeds that are already refused (hostile models, test fragments) are picked less often.
HOSTILE = ("hostile/", "test_")
OTHER_EXTENSIONS = {"csv": [".tsv", ".txt"], "graphml": [".xml"], "drawio": [".xml"], "archimate": [".xml"], "native": [".json"]}


@dataclass
class Finding:
    category: str
    index: int
    outcome: str
    detail: str
    path: str


@dataclass
class Report:
    seed: int
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    cli_runs: dict[str, int] = field(default_factory=dict)

    def bugs(self) -> int:
        return sum(c.get(b, 0) for c in self.counts.values() for b in BUGS)

    def table(self) -> str:
        columns = ("tried", *OUTCOMES, "of which >1 line", *BUGS, "cli runs")
        lines = [f"{'category':10}" + "".join(f"{c:>{max(len(c) + 1, 9)}}" for c in columns)]
        total: dict[str, int] = {}
        for category, counts in self.counts.items():
            row = {**counts, "cli runs": self.cli_runs.get(category, 0)}
            for key, value in row.items():
                total[key] = total.get(key, 0) + value
            lines.append(f"{category:10}" + "".join(f"{row.get(c, 0):>{max(len(c) + 1, 9)},}" for c in columns))
        lines.append(f"{'total':10}" + "".join(f"{total.get(c, 0):>{max(len(c) + 1, 9)},}" for c in columns))
        return "\n".join(lines)


def _limits(cpu: int, memory: int):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, resource.RLIM_INFINITY))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    return apply


def make_inputs(seed: int, per_category: int, categories: tuple[str, ...], folder: Path) -> list[tuple[str, int, str]]:
    """Write the mutants: (category, index, path) for each, the same for the same seed."""
    pool = seeds()
    made = []
    for category in categories:
        for k in range(per_category):
            rng = random.Random(f"{seed}:{category}:{k}")
            made_here = [seed_file for seed_file in pool[category] if not seed_file[0].startswith(HOSTILE)]
            name, data = rng.choice(made_here if made_here and rng.random() < 0.6 else pool[category])
            data = mutant(rng, category, data)
            extension = EXTENSIONS[category]
            if name.endswith(".xml") or (category in OTHER_EXTENSIONS and rng.random() < 0.2):
                extension = rng.choice(OTHER_EXTENSIONS[category])
            path = folder / f"{category}-{k}{extension}"
            path.write_bytes(data)
            made.append((category, k, str(path)))
    return made


def _lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line != ""]


def _check_lines(lines: list[str], path: str) -> str | None:
    """Why these stderr lines are not messages a person can read, if they are not."""
    prefixes = (f"{path}: ", f"orgmodel: {path}: ")
    for line in lines:
        if "Traceback" in line or "Warning:" in line:
            return f"not a message: {line[:200]!r}"
        if _CONTROL.search(line):
            return f"control character in: {line[:200]!r}"
        if len(line) > LONGEST_LINE:
            return f"a line of {len(line):,} characters: {line[:200]!r}"
        if not line.startswith(prefixes) and not _MORE.match(line):
            return f"does not name the file: {line[:200]!r}"
    return None


def classify(path: str, out: str, runs: list[dict]) -> tuple[str, str]:
    """The outcome of one input (see the module docstring) and what shows it."""
    convert = runs[0]
    for run in runs:
        if run.get("memory"):
            return "memory", f"{run['cmd']}: MemoryError"
        if run.get("exc") or "Traceback (most recent call last)" in run.get("err", ""):
            text = run.get("exc") or run["err"]
            return "traceback", f"{run['cmd']}: " + " | ".join(_lines(text)[-1:])[:300]
    code = convert.get("code")
    lines = [line for line in _lines(convert.get("err", "")) if line != f"{out}: not written"]
    if code in (1, 2):
        if not lines:
            return "bad-output", "refused without a message"
        problem = _check_lines(lines, path)
        if problem:
            return "bad-output", problem
        if len(lines) > 30:  # a summary, notices (encoding, columns), 20 problems, "… and N more", the verdict
            return "bad-output", f"{len(lines)} lines"
        return "refused", (f"[{len(lines)} lines] " if len(lines) > 1 else "") + lines[0][:300]
    if code != 0:
        return "bad-exit", f"convert exit {code}: {' | '.join(lines)[:300]}"
    problem = _check_lines(lines, path)
    if problem:
        return "bad-output", problem
    for run in runs[1:]:
        # cost and automation refuse amounts they cannot sum exactly (over 10^12): exit 1 with
        # one line naming the file, which is a refusal, not a bug.
        refused = run["cmd"] in ("cost", "automation") and run.get("code") == 1 and not run.get("exc")
        if refused:
            err_lines = run.get("err", "").splitlines()
            if len(err_lines) != 1 or _check_lines(err_lines, out):  # the model it was given, named
                return "bad-output", f"{run['cmd']} refused with {run.get('err', '')[:300]!r}"
            continue
        if run.get("code") not in (0,) and not (run["cmd"] == "whatif" and run.get("code") == 2):
            return "bad-exit", f"{run['cmd']} exit {run.get('code')}: {run.get('err', '')[:300]!r}"
        if run.get("err", "").strip() and run["cmd"] not in ("whatif", "cost", "automation"):
            return "bad-output", f"{run['cmd']} printed on stderr: {run['err'][:300]!r}"
        text = run.get("out", "")
        if run.get("json_error"):
            return "non-finite", f"{run['cmd']} --json: {run['json_error']}"
        if run["cmd"] in ("spof", "whatif", "impact", "cost", "automation") and not text.lstrip().startswith("{"):
            numbers = [m.group() for line in text.splitlines() for m in _NONFINITE.finditer(line)
                       if re.search(r"\d|Revenue", line) or m.group().lower() in line.lower().split()]
            if numbers and not run.get("odd_names"):
                return "non-finite", f"{run['cmd']} printed {numbers[0]!r}"
    return "imported", ""


def _reader(stream, lines: queue.Queue) -> None:
    for line in stream:
        lines.put(line)
    lines.put(None)


def run_batch(items: list[tuple[str, int, str]], folder: Path, *, cpu: int, memory: int, analyse: bool,
              preload: str | None) -> dict[int, tuple[str, str]]:
    """Read ``items`` in as few children as it takes; the outcome of each, by position."""
    results: dict[int, tuple[str, str]] = {}
    start = 0
    while start < len(items):
        chunk = items[start:]
        job = {"cpu": cpu, "analyse": analyse, "preload": preload,
               "inputs": [{"path": path, "out": str(folder / f"out-{k}-{category}.orgmodel")} for category, k, path in chunk]}
        job_path = folder / "job.json"
        job_path.write_text(json.dumps(job), encoding="utf-8")
        child = subprocess.Popen([sys.executable, str(HERE / "fuzz_child.py"), str(job_path)], stdout=subprocess.PIPE,
                                 stderr=subprocess.DEVNULL, text=True, cwd=folder, preexec_fn=_limits(cpu * 3, memory),
                                 env={**os.environ, "PYTHONPATH": str(CHECKOUT[0])})
        lines: queue.Queue = queue.Queue()
        threading.Thread(target=_reader, args=(child.stdout, lines), daemon=True).start()
        current = None
        while True:
            try:
                line = lines.get(timeout=cpu * 4 + 30)
            except queue.Empty:  # stuck without using CPU (waiting on something): a hang too
                child.kill()
                line = None
            if line is None:
                break
            message = json.loads(line)
            if "start" in message:
                current = message["start"]
                continue
            category, k, path = chunk[message["i"]]
            results[start + message["i"]] = classify(path, job["inputs"][message["i"]]["out"], message["runs"])
            current = None
        code = child.wait()
        if current is not None:  # the child died on this file
            signal_number = -code if code < 0 else 0
            outcome = "hang" if signal_number in (9, 24) else "crash"
            results[start + current] = (outcome, f"child ended by signal {signal_number}" if signal_number else f"child exit {code}")
            start += current + 1
        elif len([i for i in results if i >= start]) < len(chunk):
            start = max(results) + 1 if results else start + 1  # a child that stopped early (MemoryError): go on
        else:
            break
    return results


def folder_of(path: str) -> str:
    return os.path.dirname(path) or "."


def cli_outcome(path: str, out: str, cpu: int, memory: int) -> tuple[str, str]:
    """``python3 -m orgmodel convert path out`` in a process of its own, classified."""
    try:
        done = subprocess.run([sys.executable, "-m", "orgmodel", "convert", path, out], capture_output=True, text=True,
                              cwd=folder_of(out), timeout=cpu * 4 + 30, preexec_fn=_limits(cpu, memory),
                              env={**os.environ, "PYTHONPATH": str(CHECKOUT[0])})
    except subprocess.TimeoutExpired:
        return "hang", "CLI timed out"
    finally:
        if os.path.exists(out):
            os.remove(out)
    if done.returncode < 0:
        return ("hang" if -done.returncode in (9, 24) else "crash"), f"signal {-done.returncode}"
    run = {"cmd": "convert", "code": done.returncode, "out": done.stdout, "err": done.stderr}
    if "MemoryError" in done.stderr:
        run["memory"] = True
    return classify(path, out, [run])


def run(seed: int = 1, per_category: int = 1000, only: tuple[str, ...] = CATEGORIES, keep: Path | None = None,
        cli: int = 10, cpu: int = CPU_SECONDS, memory: int = MEMORY, analyse: bool = True, preload: str | None = None,
        progress=None) -> Report:
    """Make and read the mutants; the counts per category and outcome, and every bug found."""
    report = Report(seed)
    with tempfile.TemporaryDirectory(prefix="fuzz-readers-") as name:
        folder = Path(name)
        items = make_inputs(seed, per_category, only, folder)
        outcomes: dict[int, tuple[str, str]] = {}
        for start in range(0, len(items), BATCH):
            batch = items[start: start + BATCH]
            for i, outcome in run_batch(batch, folder, cpu=cpu, memory=memory, analyse=analyse, preload=preload).items():
                outcomes[start + i] = outcome
            if progress:
                progress(f"{start + len(batch):,}/{len(items):,} read")
        for i, (category, k, path) in enumerate(items):
            outcome, detail = outcomes.get(i, ("crash", "no answer from the child"))
            counts = report.counts.setdefault(category, {"tried": 0})
            counts["tried"] += 1
            counts[outcome] = counts.get(outcome, 0) + 1
            if outcome == "refused" and detail.startswith("["):
                counts["of which >1 line"] = counts.get("of which >1 line", 0) + 1
            if outcome in BUGS:
                report.findings.append(Finding(category, k, outcome, detail, path))
        for category in only:  # the wording a person sees: a sample run as the real command
            mine = [(i, item) for i, item in enumerate(items) if item[0] == category]
            rng = random.Random(f"{seed}:cli:{category}")
            refused = [x for x in mine if outcomes.get(x[0], ("",))[0] == "refused"]
            sample = rng.sample(refused, min(len(refused), (cli + 1) // 2))
            rest = [x for x in mine if x not in sample]
            sample += rng.sample(rest, min(len(rest), cli - len(sample)))
            for i, (_, k, path) in sample:
                got = cli_outcome(path, str(folder / f"cli-{category}-{k}.orgmodel"), cpu, memory)
                report.cli_runs[category] = report.cli_runs.get(category, 0) + 1
                expected = outcomes.get(i, ("crash", ""))
                if got[0] != expected[0] and not (expected[0] in ("non-finite", "bad-exit") and got[0] == "imported"):
                    counts = report.counts[category]
                    counts["cli-mismatch"] = counts.get("cli-mismatch", 0) + 1
                    report.findings.append(Finding(category, k, "cli-mismatch", f"engine {expected[0]}, CLI {got[0]}: {got[1]}", path))
        if keep:
            keep.mkdir(parents=True, exist_ok=True)
            for finding in report.findings:
                target = keep / f"{finding.outcome}-{Path(finding.path).name}"
                target.write_bytes(Path(finding.path).read_bytes())
                Path(str(target) + ".why").write_text(f"{finding.outcome}: {finding.detail}\n", encoding="utf-8")
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--per-category", type=int, default=1000)
    parser.add_argument("--only", choices=CATEGORIES, action="append", help="a category (may be repeated)")
    parser.add_argument("--keep", type=Path, help="write the inputs that found a bug here")
    parser.add_argument("--cli", type=int, default=10, help="inputs per category run again as the real command (default 10)")
    parser.add_argument("--checkout", type=Path, default=ROOT, help="read with the orgmodel of this checkout (default: this one)")
    parser.add_argument("--no-analyse", action="store_true", help="only convert, no commands on the converted model")
    options = parser.parse_args()
    CHECKOUT[0] = options.checkout.resolve()
    began = time.perf_counter()
    report = run(options.seed, options.per_category, tuple(options.only or CATEGORIES), options.keep, options.cli,
                 analyse=not options.no_analyse, progress=lambda text: print(text, file=sys.stderr, flush=True))
    print(f"seed {report.seed}, {options.per_category:,} inputs per category, checkout {CHECKOUT[0]}, "
          f"{time.perf_counter() - began:.0f} s")
    print(report.table())
    shown: dict[tuple[str, str], int] = {}
    for finding in report.findings:
        key = (finding.category, finding.outcome)
        shown[key] = shown.get(key, 0) + 1
        if shown[key] <= 5:
            print(f"  {finding.category}-{finding.index} {finding.outcome}: {finding.detail}")
    return 1 if report.bugs() else 0


if __name__ == "__main__":
    sys.exit(main())
