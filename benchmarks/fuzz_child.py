"""The child of ``benchmarks/fuzz_readers.py``: imports a list of files through the real
command line (``orgmodel.cli.main(["convert", FILE, OUT])``, in this process), then runs a few
commands on each model it wrote (check, impact, spof, whatif, cost, automation), and reports one JSON line per
file on its standard output.

Run: ``python3 benchmarks/fuzz_child.py JOB.json``. The job names the files, the CPU seconds
each may take (the soft CPU limit is moved on before each file: past it the kernel ends this
process, and the parent calls the file a hang) and, for the fuzzer's own tests, Python code
run first (a fake reader). Before each file a ``{"start": i}`` line says which one is being
read, so that the parent knows which file a killed child was on.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import resource
import sys
import traceback
import warnings


def _cpu_used() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _run(argv: list[str]) -> dict:
    """One command, in this process: exit code, what it printed, the exception that escaped."""
    from orgmodel.cli import main

    out, err = io.StringIO(), io.StringIO()
    result: dict = {"cmd": argv[0]}
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            result["code"] = main(argv)
    except SystemExit as stop:
        result["code"] = stop.code if isinstance(stop.code, int) else 1
    except MemoryError:
        result["code"], result["exc"], result["memory"] = None, "MemoryError", True
    except BaseException as error:  # noqa: BLE001 (everything that escapes is what a person would see)
        if isinstance(error, KeyboardInterrupt):
            raise
        result["code"] = None
        result["exc"] = "".join(traceback.format_exception(error))[-4000:]
    text = out.getvalue()
    if "--json" in argv and result.get("code") == 0:
        try:  # strict JSON (RFC 8259): Infinity and NaN are not numbers there
            json.loads(text, parse_constant=_not_json)
        except ValueError as error:
            result["json_error"] = str(error)[:300]
    result["out"] = text[:20000]
    result["err"] = err.getvalue()[:20000]
    return result


def _not_json(word: str) -> None:
    raise ValueError(f"{word} is not JSON")


def _look(path: str) -> tuple[str | None, bool]:
    """A back-office unit of the model at ``path`` (to fail in ``whatif``), and whether a
    unit's name could be read as a non-finite number in a table ("NaN", "-Infinity")."""
    from orgmodel.formats.native import load

    try:
        model = load(path)
    except Exception:  # noqa: BLE001 (check has said why)
        return None, False
    backs = [u.id for u in model.units() if u.office == "back"]
    odd = any(word in u.name.casefold() for u in model.units() for word in ("inf", "nan"))
    return (backs[0] if backs else None), odd


def main() -> int:
    job = json.loads(open(sys.argv[1], encoding="utf-8").read())
    report = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    warnings.simplefilter("always")  # every warning printed, as in a fresh process
    sys.setrecursionlimit(job.get("recursion", sys.getrecursionlimit()))
    if job.get("preload"):
        exec(job["preload"], {"__name__": "fuzz_preload"})  # the fuzzer's tests: a fake reader
    import orgmodel.cli  # noqa: F401 (imported before the clock starts for the first file)

    hard = resource.getrlimit(resource.RLIMIT_CPU)[1]
    for i, item in enumerate(job["inputs"]):
        report.write(json.dumps({"start": i}) + "\n")
        began = _cpu_used()
        soft = int(began) + job["cpu"] + 1
        resource.setrlimit(resource.RLIMIT_CPU, (soft if hard == resource.RLIM_INFINITY else min(soft, hard), hard))
        runs = [_run(["convert", item["path"], item["out"]])]
        if runs[0].get("code") == 0 and job.get("analyse") and os.path.exists(item["out"]):
            out = item["out"]
            runs += [_run(["check", out]), _run(["impact", out]), _run(["spof", out]), _run(["spof", out, "--json"])]
            runs += [_run(["cost", out]), _run(["cost", out, "--json"]), _run(["automation", out]), _run(["automation", out, "--json"])]
            unit, odd_names = _look(out)
            if unit:
                runs += [_run(["whatif", out, "--fail", unit]), _run(["whatif", out, "--fail", unit, "--json"])]
            for run in runs[1:]:
                run["odd_names"] = odd_names
        with contextlib.suppress(OSError):
            os.remove(item["out"])
        report.write(json.dumps({"i": i, "runs": runs, "cpu": round(_cpu_used() - began, 3)}) + "\n")
        if any(run.get("memory") for run in runs):
            return 3  # the parent starts a fresh child for the next file
    return 0


if __name__ == "__main__":
    sys.exit(main())
