"""The README's promises: every console example runs and prints what it shows, and CI
runs exactly the quick start's install and test commands."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path


from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _quick_start(step: str) -> str:
    match = re.search(rf"^\| {step} \| `([^`]+)` \|", README, re.MULTILINE)
    assert match, f"the quick start has no {step} row"
    return match.group(1)


def _examples() -> list[tuple[str, list[str]]]:
    """``(command, the lines shown after it)`` of every ``$ orgmodel …`` in a console block,
    in order (later commands use what earlier ones wrote)."""
    found: list[tuple[str, list[str]]] = []
    for block in re.findall(r"```console\n(.*?)```", README, re.DOTALL):
        for line in block.splitlines():
            if line.startswith("$ "):
                found.append((line[2:], []))
            elif line and found:
                found[-1][1].append(line)
    return found


def test_ci_runs_the_quick_start_install_and_test_commands_exactly() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    for step in ("install", "test"):
        assert _quick_start(step) in ci, f"the README's {step} command is not a line of .ci/run"
    assert _quick_start("install").startswith("python3 -m venv .venv && . .venv/bin/activate && ")


def test_the_license_is_the_one_the_package_declares() -> None:
    assert 'license = { text = "MIT" }' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n\nCopyright (c) 2026 The OrgModel developers\n")


def test_every_console_example_of_the_readme_runs_and_prints_what_it_shows(tmp_path: Path) -> None:
    (tmp_path / "bin").mkdir()
    shim = tmp_path / "bin" / "orgmodel"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" "{ROOT / "main.py"}" "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    (tmp_path / "resources").symlink_to(ROOT / "resources")
    # "a copy of example_co with two mistakes", as the README says.
    broken = json.loads((ROOT / "resources/samples/example_co.orgmodel").read_text(encoding="utf-8"))
    broken["units"][3]["office"] = "frnt"
    broken["dependencies"][7]["to"] = "it-ops"
    (tmp_path / "broken.orgmodel").write_text(json.dumps(broken), encoding="utf-8")
    env = {**os.environ, "PATH": f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}"}
    examples = _examples()
    assert len(examples) >= 10
    for command, shown in examples:
        result = subprocess.run(
            ["bash", "-c", f"exec 2>&1\n{command}"], capture_output=True, text=True, encoding="utf-8",
            cwd=tmp_path, env=env, timeout=120,
        )
        failing = "broken.orgmodel" in command
        assert result.returncode == (1 if failing else 0), f"{command}\n{result.stdout}{result.stderr}"
        if shown:
            assert result.stdout.splitlines() == shown, command
