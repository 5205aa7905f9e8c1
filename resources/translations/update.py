"""Keep the translations in step with the code: ``python3 resources/translations/update.py``.

1. ``pyside6-lupdate`` reads every wrapped string of ``ui/`` and ``orgmodel/`` into
   ``orgmodel_tr.ts`` (new strings arrive "unfinished"; strings no longer in the code are
   dropped) and the plural forms into ``orgmodel_en.ts``. ``qt_extra_tr.ts`` (words of
   Qt's own dialogs missing from Qt's Turkish catalogue) is kept by hand.
2. Translate the unfinished entries with Qt Linguist (``pyside6-linguist``) or any editor.
3. Run this again: ``pyside6-lrelease`` compiles each ``.ts`` to the ``.qm`` that ships.

``tests/system/test_translations.py`` fails while a string is unwrapped, an entry unfinished or a
``.qm`` older than its ``.ts``. ``--check`` only reports whether anything would change.
"""

from __future__ import annotations

import filecmp
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
#: Command-line output stays English (it is for scripts): cli.py is not translated.
NOT_TRANSLATED = {"orgmodel/cli.py", "orgmodel/cli_outputs.py", "orgmodel/cli_reports.py", "orgmodel/cli_cost.py", "orgmodel/cli_classify.py", "orgmodel/__main__.py", "ui/launcher.py"}
LANGUAGES = {"tr": [], "en": ["-pluralonly"]}
#: Kept by hand, only compiled: Qt's own words that Qt's catalogue leaves untranslated.
HAND_KEPT = ["qt_extra_tr"]


def sources() -> list[str]:
    """The Python files whose strings are translated, relative to the checkout."""
    found = sorted(path.relative_to(ROOT).as_posix() for folder in ("ui", "orgmodel") for path in (ROOT / folder).rglob("*.py"))
    return [path for path in found if path not in NOT_TRANSLATED]


def tool(name: str) -> str:
    """``pyside6-<name>``, from the same environment as this Python when not on PATH."""
    found = shutil.which(f"pyside6-{name}") or shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent))
    if found is None:
        raise SystemExit(f"pyside6-{name} not found: install the project first (pip install -e .)")
    return found


#: lupdate reads every ``#:`` comment (this code's attribute docs) as a note to translators
#: for the next string; only notes that say "Translators:" are meant as such.
_STRAY_NOTE = re.compile(r"\n\s*<extracomment>(?!Translators:).*?</extracomment>", re.DOTALL)


def lupdate(ts_file: Path, options: list[str]) -> None:
    subprocess.run([tool("lupdate"), "-silent", "-locations", "none", "-no-obsolete", *options, *sources(), "-ts", str(ts_file)],
                   cwd=ROOT, check=True)
    text = ts_file.read_text(encoding="utf-8")
    ts_file.write_text(_STRAY_NOTE.sub("", text), encoding="utf-8")


def lrelease(ts_file: Path, qm_file: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)], cwd=ROOT, check=True)


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    with tempfile.TemporaryDirectory() as work:
        for code, options in LANGUAGES.items():
            ts_file, qm_file = HERE / f"orgmodel_{code}.ts", HERE / f"orgmodel_{code}.qm"
            new_ts, new_qm = Path(work) / ts_file.name, Path(work) / qm_file.name
            if ts_file.exists():
                shutil.copyfile(ts_file, new_ts)
            lupdate(new_ts, options)
            lrelease(new_ts, new_qm)
            for new, old in ((new_ts, ts_file), (new_qm, qm_file)):
                if not old.exists() or not filecmp.cmp(new, old, shallow=False):
                    stale.append(old.name)
                    if not check:
                        shutil.copyfile(new, old)
        for name in HAND_KEPT:
            ts_file, qm_file, new_qm = HERE / f"{name}.ts", HERE / f"{name}.qm", Path(work) / f"{name}.qm"
            lrelease(ts_file, new_qm)
            if not qm_file.exists() or not filecmp.cmp(new_qm, qm_file, shallow=False):
                stale.append(qm_file.name)
                if not check:
                    shutil.copyfile(new_qm, qm_file)
    if stale:
        print(("out of date: " if check else "updated: ") + ", ".join(stale))
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
