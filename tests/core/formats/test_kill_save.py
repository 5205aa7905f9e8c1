"""Kill -9 during saves: the file on disk is always one whole model, never a torn one.

tests/core/formats/kill_save.py saves models A and B (~1 MB each) over and over with the editor's
atomic save; this test SIGKILLs it at random moments and checks that TARGET is exactly the
text of A or of B (and so is the backup "TARGET.bak", if save keeps one). Leftover
".TARGET.*.tmp" / ".TARGET.bak.*.tmp" files are the only other files allowed.
Every other forked kill waits for the temp file to appear, so it lands mid-write rather
than while the text is still being made in memory. The number of kills is ORGMODEL_KILLS
(default 12); the first few kill a whole fresh process, the rest kill children forked by the
script's --serve mode (the same save code, without reloading the models each time).

12 kills of ~1 MB saves take a few seconds and still land several kills inside a save (the
run prints how many); for the long version of old, 30 kills of ~5 MB models:
``ORGMODEL_KILLS=30 ORGMODEL_KILL_UNITS=12000 python3 -m pytest -s tests/core/formats/test_kill_save.py``.
"""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from orgmodel.formats.native import dumps, load, loads, save

ROOT = Path(__file__).resolve().parents[3]
SCRIPT = Path(__file__).resolve().parent / "kill_save.py"
KILLS = int(os.environ.get("ORGMODEL_KILLS", "12"))
WHOLE_PROCESS_KILLS = 3


def _build(which: str):
    sys.path.insert(0, str(SCRIPT.parent))
    try:
        import kill_save
    finally:
        sys.path.remove(str(SCRIPT.parent))
    return kill_save.build(which)


def test_killed_saves_never_leave_a_torn_file(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    work = tmp_path / "work"
    sources.mkdir()
    work.mkdir()
    texts = {}
    for which in ("A", "B"):
        model = _build(which)
        save(model, sources / f"{which}.orgmodel")
        texts[which] = dumps(model).encode("utf-8")
        assert len(texts[which]) > 1_000_000
        assert (sources / f"{which}.orgmodel").read_bytes() == texts[which]
        assert dumps(loads(texts[which].decode("utf-8"))).encode("utf-8") == texts[which]  # round trip
    assert texts["A"] != texts["B"]
    target = work / "model.orgmodel"
    leftover = re.compile(r"\.model\.orgmodel(\.bak)?\..+\.tmp\Z")
    backup = work / "model.orgmodel.bak"  # save() keeps the previous version, written atomically too
    rng = random.Random()
    survived = 0
    torn_writes = 0  # kills that left a temp file behind: the kill landed mid-save

    def check_target(n: int) -> None:
        nonlocal survived, torn_writes
        data = target.read_bytes()
        assert data in (texts["A"], texts["B"]), f"kill {n}: TARGET is {len(data)} bytes, neither A nor B"
        if n % 5 == 0 or n == KILLS:
            model = load(target)
            assert model.name in ("A", "B")
            assert dumps(model).encode("utf-8") == texts[model.name]
        if backup.exists():
            assert backup.read_bytes() in (texts["A"], texts["B"]), f"kill {n}: the backup is torn"
        extra = [p.name for p in work.iterdir() if p.name not in (target.name, backup.name)]
        assert all(leftover.match(name) for name in extra), extra
        torn_writes += len(extra)
        for name in extra:  # keep the disk use small
            (work / name).unlink()
        survived += 1

    def wait_for_target(deadline: float) -> None:
        while not target.exists():
            assert time.monotonic() < deadline, "the script never wrote TARGET"
            time.sleep(0.01)

    files = [str(sources / "A.orgmodel"), str(sources / "B.orgmodel")]
    start = time.monotonic()
    # 1. Whole processes, killed while saving.
    for n in range(1, min(WHOLE_PROCESS_KILLS, KILLS) + 1):
        process = subprocess.Popen([sys.executable, str(SCRIPT), str(target), *files], cwd=ROOT, stdout=subprocess.PIPE)
        try:
            assert process.stdout.readline().strip() == b"ready"
            wait_for_target(time.monotonic() + 120)  # a bound for a hang, not a speed target
            time.sleep(rng.uniform(0, 0.3))
        finally:
            process.send_signal(signal.SIGKILL)
            process.wait(10)
            process.stdout.close()
        assert process.returncode == -signal.SIGKILL
        check_target(n)
    # 2. Forked savers, killed while saving.
    server = subprocess.Popen(
        [sys.executable, str(SCRIPT), str(target), *files, "--serve"],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout.readline().strip() == "ready"
        for n in range(WHOLE_PROCESS_KILLS + 1, KILLS + 1):
            server.stdin.write("go\n")
            server.stdin.flush()
            pid = int(server.stdout.readline())
            if n % 2:
                time.sleep(rng.uniform(0, 0.3))
            else:  # aim at the write itself: wait for the temp file to appear, then kill
                deadline = time.monotonic() + 5
                while not any(leftover.match(name) for name in os.listdir(work)) and time.monotonic() < deadline:
                    time.sleep(0.001)
                time.sleep(rng.uniform(0, 0.01))
            os.kill(pid, signal.SIGKILL)
            server.stdin.write(f"wait {pid}\n")
            server.stdin.flush()
            status = int(server.stdout.readline())
            assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, status
            check_target(n)
    finally:
        server.kill()
        server.wait(10)
        server.stdin.close()
        server.stdout.close()
    print(f"kills survived: {survived}, of which {torn_writes} interrupted a save mid-write, in {time.monotonic() - start:.1f} s")
    assert survived == KILLS
