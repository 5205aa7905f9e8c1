"""The command line contracts: outputs, exit codes and one clear line per problem."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES
from orgmodel.analysis import analyse
from orgmodel.cli import main
from orgmodel.formats.native import load, save
from orgmodel.model import OrgModel, Unit

EXAMPLE = SAMPLES / "example_co.orgmodel"
ORNEK = SAMPLES / "ornek_as.orgmodel"


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real command, as a person or a script runs it."""
    return subprocess.run(
        [sys.executable, "-m", "orgmodel", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture
def small(tmp_path: Path) -> Path:
    model = OrgModel("Small")
    for uid, name, office, extra in [
        ("sales", "Satış", "front", {"revenue": 900}),
        ("web", "Web Shop", "front", {"revenue": 100}),
        ("pr", "PR", "front", {"revenue_generating": False}),
        ("risk", "Risk", "middle", {}),
        ("it", "Bilgi İşlem", "back", {"automation_potential": 0.4}),
        ("fin", "Finance", "back", {}),
        ("legal", "Legal", "back", {}),
    ]:
        model.add_unit(Unit(uid, name, office, **extra))
    for a, b in [("sales", "risk"), ("risk", "it"), ("it", "fin"), ("fin", "it"), ("pr", "legal")]:
        model.add_dependency(a, b)
    model.set_parent("web", "sales")
    path = tmp_path / "small.orgmodel"
    save(model, path)
    return path


@pytest.mark.parametrize("sample", [EXAMPLE, ORNEK], ids=["english", "turkish"])
def test_the_bundled_samples_are_valid_realistic_models(sample: Path) -> None:
    result = run("check", str(sample))
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("\n") == 1 and "valid model" in result.stdout
    model = load(sample)
    assert 25 <= len(model) <= 40
    offices = {u.office for u in model.units()}
    assert offices == {"front", "middle", "back"}
    assert all(u.x is not None and u.y is not None and u.headcount is not None for u in model.units())
    analysis = analyse(model)
    assert analysis.cycles, "at least one back-office cycle"
    assert any(all(model.unit(uid).office == "back" for uid in group) for group in analysis.cycles)
    assert all(analysis.support(uid) for uid in analysis.revenue_units)


def test_turkish_sample_speaks_turkish() -> None:
    names = {u.name for u in load(ORNEK).units()}
    assert any(name.endswith("Satış") for name in names)
    assert {"Pazarlama", "Halkla İlişkiler", "Çağrı Merkezi", "Müşteri Hizmetleri", "Teknik Destek"} <= names
    assert {"Risk Yönetimi", "İnsan Kaynakları", "Muhasebe", "Finans", "Bilgi İşlem"} <= names


def test_check_summarises_a_valid_model_on_one_line(small: Path) -> None:
    result = run("check", str(small))
    assert result.returncode == 0
    assert result.stdout == f"{small}: valid model 'Small': 7 units, 5 dependencies, 1 reporting line\n"


def test_check_lists_every_problem_prefixed_by_the_file_name(tmp_path: Path) -> None:
    bad = tmp_path / "bad.orgmodel"
    bad.write_text(
        json.dumps(
            {
                "format": "orgmodel",
                "version": 1,
                "units": [
                    {"id": "a", "name": "A", "office": "frnt"},
                    {"id": "b", "name": "", "office": "back", "headcount": -1},
                ],
                "dependencies": [{"from": "a", "to": "zz"}],
            }
        ),
        encoding="utf-8",
    )
    result = run("check", str(bad))
    assert result.returncode == 1 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines == [
        f'{bad}: units[0].office: expected "front", "middle" or "back", got "frnt"',
        f"{bad}: units[1].name: must not be empty",
        f"{bad}: units[1].headcount: must be >= 0, got -1",
        f"{bad}: dependencies[0].to: unknown unit 'zz'",
    ]


def test_support_json_is_one_sorted_object_of_every_revenue_unit(small: Path) -> None:
    result = run("support", str(small), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"sales": ["fin", "it"], "web": []}
    assert result.stdout == '{"sales": ["fin", "it"], "web": []}\n'


def test_impact_json_maps_every_back_office_unit(small: Path) -> None:
    result = run("impact", str(small), "--json")
    assert json.loads(result.stdout) == {"fin": ["sales"], "it": ["sales"], "legal": []}


def test_support_table_is_readable(small: Path) -> None:
    result = run("support", str(small))
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Revenue-generating", "unit", "Office", "Supporters", "Back-office", "support"]
    assert any(line.startswith("Satış") and line.endswith("Bilgi İşlem, Finance") for line in lines)
    assert any(line.startswith("Web Shop") and "— none —" in line for line in lines)


def test_impact_table_puts_the_largest_revenue_at_risk_first(small: Path) -> None:
    lines = run("impact", str(small)).stdout.splitlines()
    assert lines[2].startswith("Bilgi İşlem") and "900" in lines[2] and "40%" in lines[2]
    assert lines[-1].startswith("Legal") and lines[-1].endswith("— none —")


def test_why_prints_the_chain_of_names(small: Path) -> None:
    result = run("why", str(small), "sales", "fin")
    assert result.returncode == 0
    assert result.stdout == "Satış → Risk → Bilgi İşlem → Finance\n"


@pytest.mark.parametrize(
    ("source", "target", "words"),
    [
        ("web", "it", "no support chain: Web Shop does not depend on Bilgi İşlem"),
        ("sales", "risk", "Risk (risk) is in the middle office"),
        ("sales", "nobody", "no unit with id 'nobody'"),
    ],
)
def test_why_says_when_there_is_no_chain(small: Path, source: str, target: str, words: str) -> None:
    result = run("why", str(small), source, target)
    assert result.returncode == 1 and result.stdout == ""
    assert words in result.stderr and "Traceback" not in result.stderr


def test_why_notes_a_chain_from_a_unit_that_earns_nothing(small: Path) -> None:
    result = run("why", str(small), "pr", "legal")
    assert result.returncode == 0 and result.stdout == "PR → Legal\n"
    assert "not revenue-generating" in result.stderr


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda d: d / "missing.orgmodel", "no such file"),
        (lambda d: _mkdir(d / "folder.orgmodel"), "is a folder"),
        (lambda d: _mkdir(d / "models"), "is a folder, not a model file"),
        (lambda d: _write(d / "empty.orgmodel", b""), "is empty"),
        (lambda d: _write(d / "blank.orgmodel", b"\xef\xbb\xbf\n  \n"), "is empty"),
        (lambda d: _write(d / "binary.orgmodel", b"\x89PNG\r\n\x1a\n\x00\x00"), "not a text file"),
        (lambda d: _write(d / "latin.orgmodel", "{\"name\": \"Satış\"}".encode("cp1254")), "not UTF-8"),
        (lambda d: _write(d / "model.xlsx", b"PK\x03\x04"), "expected a .orgmodel file, got .xlsx"),
        (lambda d: _write(d / "broken.orgmodel", b'{"format": "orgmodel",\n  "version": 1,\n  "units": [}'), "line 3, column 13"),
    ],
    ids=["missing", "folder", "folder-without-extension", "empty", "blank", "binary", "not-utf8", "extension", "syntax"],
)
@pytest.mark.parametrize("command", ["check", "support", "impact"])
def test_unreadable_input_gets_one_clear_line(tmp_path: Path, make, words: str, command: str) -> None:
    path = make(tmp_path)
    result = run(command, str(path))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"{path}: ")
    assert words in result.stderr and "Traceback" not in result.stderr


def _mkdir(path: Path) -> Path:
    path.mkdir()
    return path


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("args", [["support"], ["check", "a", "b"], ["support", "x", "--csv"], ["why", "x", "a"], ["--bogus"]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2 and "usage:" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("language", "name"), [("tr_TR.UTF-8", "ornek_as.orgmodel"), ("en_GB.UTF-8", "example_co.orgmodel"), ("", "example_co.orgmodel")]
)
def test_the_sample_follows_the_system_language(language: str, name: str) -> None:
    from orgmodel.cli import sample_path

    assert Path(sample_path(language)).name == name


def test_without_arguments_the_editor_opens_the_sample_as_untitled(monkeypatch: pytest.MonkeyPatch) -> None:
    import ui.app
    from ui.launcher import main as launcher_main

    opened = []
    monkeypatch.setattr(ui.app, "show", lambda app, model, path: opened.append((model.name, path)) or 0)
    monkeypatch.setenv("ORGMODEL_LANGUAGE", "tr")
    assert launcher_main([]) == 0
    monkeypatch.setenv("ORGMODEL_LANGUAGE", "en")
    assert launcher_main([]) == 0
    assert opened == [("Örnek A.Ş.", None), ("Example Co.", None)]


def test_without_arguments_the_sample_follows_the_language_chosen_in_the_editor(monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QSettings

    import ui.app
    from ui import i18n
    from ui.launcher import main as launcher_main

    opened = []
    monkeypatch.setattr(ui.app, "show", lambda app, model, path: opened.append(model.name) or 0)
    monkeypatch.delenv("ORGMODEL_LANGUAGE", raising=False)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    i18n.choose_language("tr")
    try:
        assert launcher_main([]) == 0
    finally:
        QSettings().remove(i18n.SETTINGS_KEY)
        i18n.install("en")
    assert opened == ["Örnek A.Ş."]


def test_opening_a_file_checks_it_first(small: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import ui.app
    from ui.launcher import main as launcher_main

    opened = []
    monkeypatch.setattr(ui.app, "run", lambda model, path: opened.append(path) or 0)
    assert launcher_main([str(small)]) == 0 and opened == [str(small)]
    result = run(str(tmp_path / "nope.orgmodel"))  # fails before any window
    assert result.returncode == 1 and "no such file" in result.stderr


def test_python_m_orgmodel_without_a_command_explains_where_the_editor_is() -> None:
    result = run()
    assert result.returncode == 1 and "`orgmodel` command" in result.stderr


def test_main_py_from_a_checkout_is_the_same_command(small: Path) -> None:
    result = subprocess.run(
        [sys.executable, "main.py", "support", str(small), "--json"], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.returncode == 0 and json.loads(result.stdout)["sales"] == ["fin", "it"]


def test_main_can_be_called_in_process(small: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["impact", str(small), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["legal"] == []


@pytest.mark.parametrize("style", ["orgchart", "bands"])
def test_layout_writes_a_model_with_new_positions(small: Path, tmp_path: Path, style: str) -> None:
    out = tmp_path / "laid-out.orgmodel"
    result = run("layout", str(small), str(out), "--style", style)
    assert result.returncode == 0, result.stderr
    before, after = load(small), load(out)
    assert [u.id for u in after.units()] == [u.id for u in before.units()]
    assert after.dependencies() == before.dependencies()
    assert [(u.x, u.y) for u in after.units()] != [(u.x, u.y) for u in before.units()]
    assert run("layout", str(small), str(tmp_path / "x.png")).returncode == 1


def run_console_script(*args: str, env: dict[str, str | None] | None = None) -> subprocess.CompletedProcess[str]:
    """``orgmodel …`` with the editor and ``export`` (``main.py``, the console script's
    twin); ``env`` values of None remove the variable."""
    environment = {**os.environ}
    for name, value in (env or {}).items():
        if value is None:
            environment.pop(name, None)
        else:
            environment[name] = value
    return subprocess.run(
        [sys.executable, "main.py", *args], capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=120, env=environment
    )


@pytest.mark.parametrize(
    ("display", "words"),
    [(None, "DISPLAY is not set"), (":4242", "the X display ':4242' cannot be reached")],
    ids=["no-display", "unreachable-display"],
)
def test_the_editor_without_a_display_says_so_in_one_line(display: str | None, words: str) -> None:
    # Forcing xcb is what a desktop without a display gets; Qt used to abort (exit 134).
    result = run_console_script(str(EXAMPLE), env={"QT_QPA_PLATFORM": "xcb", "DISPLAY": display, "WAYLAND_DISPLAY": None})
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and words in result.stderr
    assert "orgmodel export" in result.stderr and "QT_QPA_PLATFORM=offscreen" in result.stderr
    assert "xcb-cursor" not in result.stderr


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["suport", "model.orgmodel"], "'suport' is neither a command nor a file; did you mean 'support'?"),
        (["exprot"], "did you mean 'export'?"),
        (["help"], "'help' is neither a command nor a file (commands: check, support, impact, why, cost, automation, whatif, spof, layout, export"),
    ],
)
def test_a_mistyped_command_is_a_usage_error_naming_the_commands(args: list[str], words: str) -> None:
    result = run_console_script(*args)
    assert result.returncode == 2 and result.stdout == ""
    assert "usage:" in result.stderr and words in result.stderr and "Traceback" not in result.stderr


def test_a_file_named_like_a_command_is_still_opened(tmp_path: Path) -> None:
    (tmp_path / "suport").write_text("{}", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "suport"], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert result.returncode == 1 and result.stderr == "suport: not an OrgModel file: expected a .orgmodel file, got no extension\n"


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda d: d / "chart.xyz", "use .png, .svg or .pdf"),
        (lambda d: d / "missing" / "chart.png", "no such folder"),
        (lambda d: _mkdir(d / "chart.png"), "is a folder"),
    ],
    ids=["extension", "no-folder", "folder"],
)
def test_an_export_that_cannot_be_written_names_the_output_once(tmp_path: Path, make, words: str) -> None:
    out = make(tmp_path)
    result = run_console_script("export", str(EXAMPLE), str(out))
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and words in result.stderr
    assert result.stderr.startswith(f"{out}: ") and result.stderr.count(out.name) == 1


@pytest.mark.parametrize(("option", "words"), [("--scale=9", "--scale must be between 1 and 4"), ("--dpi=3", "--dpi must be between 24")])
def test_an_export_size_out_of_range_is_a_usage_error(tmp_path: Path, option: str, words: str) -> None:
    result = run_console_script("export", str(EXAMPLE), str(tmp_path / "chart.png"), option)
    assert result.returncode == 2 and "usage:" in result.stderr and words in result.stderr
    assert not (tmp_path / "chart.png").exists()


@pytest.mark.parametrize("merge", [True, False], ids=["merge-into", "convert"])
def test_a_spreadsheet_whose_rows_all_fail_writes_nothing_and_exits_1(small: Path, tmp_path: Path, merge: bool) -> None:
    sheet = tmp_path / "changes.csv"
    sheet.write_text("id,name,office\nx,X,frnt\ny,,back\n", encoding="utf-8")
    out = tmp_path / "out.orgmodel"
    result = run("convert", str(sheet), str(out), *(["--merge-into", str(small)] if merge else []))
    assert result.returncode == 1 and result.stdout == "" and not out.exists()
    # one line a rejected row, then why nothing was written
    assert f"{sheet}: 0 added, 0 updated, 0 unchanged, 2 rejected\n{sheet}: row 2: office:" in result.stderr
    if not merge:
        assert f"{sheet}: no unit could be imported\n" in result.stderr
    assert f"{out}: not written" in result.stderr


def test_commands_without_amounts_leave_numpy_unloaded(small: Path) -> None:
    """numpy is a tenth of a second of every command's start: only the cost commands (and
    analyses that need it) load it, not the parser that lists them."""
    script = (
        "import sys\n"
        "from orgmodel.cli import main\n"
        f"assert main(['check', {str(small)!r}]) == 0\n"
        "assert 'numpy' not in sys.modules, 'numpy was loaded'\n"
        f"assert main(['cost', {str(small)!r}, '--json']) == 0\n"
        "assert 'numpy' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)),
                   stdout=subprocess.DEVNULL)


def test_a_merge_names_the_rows_whose_manager_is_not_there(small: Path, tmp_path: Path) -> None:
    """A manager outside the list costs the reporting line, not the row; a merge prints every
    such row (it printed one summary line, which had no room for them)."""
    sheet = tmp_path / "changes.csv"
    sheet.write_text("id,name,office,reports_to\nnew-a,New A,back,Somebody Else\nnew-b,New B,back,new-a\n", encoding="utf-8")
    out = tmp_path / "out.orgmodel"
    result = run("convert", str(sheet), str(out), "--merge-into", str(small))
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[:2] == [
        f"{sheet}: 2 added, 0 updated, 0 unchanged, 0 rejected",
        f'{sheet}: row 2: reports_to: unknown unit "Somebody Else"; reporting line left out',
    ]
    merged = load(out)
    assert merged.parent("new-a") is None and merged.parent("new-b") == "new-a"
