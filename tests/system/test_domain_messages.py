"""Every message the domain layer makes for people is translatable (``orgmodel.i18n.tr``).

This half scans the source: it fails on a message ``pyside6-lupdate`` cannot extract (an
f-string, a plain literal, a template that is not a literal) and on a ``tr`` call whose
arguments do not match its template. The other half, ``test_domain_texts.py``, provokes real
errors and warnings and checks that every part of the sentence went through the mechanism,
with the English text unchanged.
"""

from __future__ import annotations

import ast
import inspect
import re
import string
import sys
from pathlib import Path

import pytest

import orgmodel
import orgmodel.errors
from orgmodel.errors import OrgModelError

PACKAGE = Path(orgmodel.__file__).resolve().parent
#: Command-line output stays English; i18n.py is the mechanism itself (paths below orgmodel/).
NOT_SCANNED = {"cli.py", "cli_outputs.py", "cli_messages.py", "cli_reports.py", "cli_cost.py", "cli_whatif.py", "cli_classify.py", "__main__.py", "synthetic.py", "i18n.py"}
#: Words of the JSON format itself, the same in every language (like the "NaN" a file wrote).
JSON_TOKENS = {"null", "true", "false"}
#: Parameters that carry a message for people.
MESSAGE_PARAMETERS = {"message", "reason", "problem"}


# -- the source scan ---------------------------------------------------------------------------


def _modules() -> list[Path]:
    """Every module of the core, in every subpackage, but those not scanned."""
    return sorted(path for path in PACKAGE.rglob("*.py") if path.relative_to(PACKAGE).as_posix() not in NOT_SCANNED)


def test_the_scan_reads_every_module_of_every_subpackage():
    scanned = {path.relative_to(PACKAGE).as_posix() for path in _modules()}
    everything = {path.relative_to(PACKAGE).as_posix() for path in PACKAGE.rglob("*.py")}
    assert everything - scanned == NOT_SCANNED
    # The rooms of the core are really read, down to their deepest module.
    assert {"model.py", "formats/__init__.py", "analysis/__init__.py", "layout/__init__.py"} <= scanned
    assert max(name.count("/") for name in scanned) >= 1


def test_a_violation_planted_in_a_subpackage_is_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "orgmodel"
    (package / "formats" / "deep").mkdir(parents=True)
    (package / "cli.py").write_text('def f():\n    raise ValueError("not scanned: command-line words")\n', "utf-8")
    (package / "formats" / "deep" / "planted.py").write_text(
        'from orgmodel.errors import FieldError\ndef f():\n    raise FieldError("office", "must be one of three words")\n', "utf-8"
    )
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", package)
    assert [path.relative_to(package).as_posix() for path in _modules()] == ["formats/deep/planted.py"]
    with pytest.raises(AssertionError, match="planted.py"):
        test_every_domain_message_is_a_tr_call()


def _called_name(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _untranslatable(node: ast.AST | None) -> bool:
    """Whether ``node`` builds a message lupdate cannot see: an f-string, a non-empty
    literal, ``"..." % x``, ``"..." + x``, ``"...".format(...)``/``.join`` (also inside
    ``a if c else b`` and ``a or b``)."""
    if node is None:
        return False
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and node.value != ""
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return _untranslatable(node.left) or _untranslatable(node.right)
    if isinstance(node, ast.IfExp):
        return _untranslatable(node.body) or _untranslatable(node.orelse)
    if isinstance(node, ast.BoolOp):
        return any(_untranslatable(value) for value in node.values)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("format", "join"):
        return isinstance(node.func.value, (ast.Constant, ast.JoinedStr))
    return False


def _message_positions(source: ast.Module) -> dict[str, tuple[int | None, set[str]]]:
    """Callable name -> (index of its message argument, message keyword names): the error
    classes of ``orgmodel.errors``, ``ValueError``/``TypeError`` (first argument), and every
    class or function of the scanned source with a ``message``/``reason``/``problem``
    parameter (``Problem``, ``FieldError``, helpers such as ``_field_problem``)."""
    positions: dict[str, tuple[int | None, set[str]]] = {"ValueError": (0, set()), "TypeError": (0, set())}

    def from_parameters(names: list[str]) -> tuple[int | None, set[str]] | None:
        for index, name in enumerate(names):
            if name in MESSAGE_PARAMETERS:
                return index, {name}
        return None

    for name, cls in vars(orgmodel.errors).items():
        if isinstance(cls, type) and issubclass(cls, OrgModelError):
            if "__init__" in vars(cls):
                parameters = list(inspect.signature(cls.__init__).parameters)[1:]
                found = from_parameters(parameters)
                positions[name] = found or (None, set())  # e.g. UnknownUnitError(unit_id): an id
            else:
                positions[name] = (0, set())
    positions["Problem"] = from_parameters([f.name for f in orgmodel.errors.Problem.__dataclass_fields__.values()])
    error_names = set(positions)
    for node in ast.walk(source):
        if isinstance(node, ast.ClassDef):
            bases = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases}
            init = next((n for n in node.body if isinstance(n, ast.FunctionDef) and n.name == "__init__"), None)
            if init is not None:
                found = from_parameters([a.arg for a in init.args.args[1:]])
                if found:
                    positions[node.name] = found
            elif bases & (error_names | {"OrgModelError", "Exception"}):
                positions[node.name] = (0, set())  # SaveError, SpreadsheetError, ValueProblem...
        elif isinstance(node, ast.FunctionDef) and node.name != "__init__":
            arguments = [a.arg for a in node.args.args]
            if arguments[:1] in (["self"], ["cls"]):
                arguments = arguments[1:]
            found = from_parameters(arguments)
            if found:
                positions[node.name] = found
    return positions


def scan_source(text: str, filename: str) -> list[str]:
    """Every offence in one module, as ``file:line: what``."""
    tree = ast.parse(text, filename)
    found: list[str] = []
    positions = _message_positions(tree)
    formatter = string.Formatter()

    def offence(node: ast.AST, what: str) -> None:
        found.append(f"{filename}:{node.lineno}: {what}")

    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _called_name(node)
        if name == "tr" and isinstance(node.func, ast.Name):
            if not node.args or not (isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                offence(node, "tr() needs a plain string literal as its template (lupdate extracts nothing else)")
                continue
            if len(node.args) > 1 or any(isinstance(a, ast.Starred) for a in node.args):
                offence(node, "tr() takes the template and keyword arguments only")
            if any(k.arg is None for k in node.keywords):
                offence(node, "tr(**mapping) hides the arguments from this check; name them")
                continue
            try:
                fields = {f for _, f, _, _ in formatter.parse(node.args[0].value) if f is not None}
            except ValueError as error:
                offence(node, f"tr() template is not a valid format string ({error})")
                continue
            names = {re.split(r"[.\[]", f, maxsplit=1)[0] for f in fields}
            if "" in names or any(n.isdigit() for n in names):
                offence(node, "tr() template uses positional fields; give every field a name")
            given = {k.arg for k in node.keywords}
            if names - given:
                offence(node, f"tr() template fields without an argument: {sorted(names - given)}")
            if given - names:
                offence(node, f"tr() arguments the template does not use: {sorted(given - names)}")
            continue
        if name == "append" and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name):
            if node.func.value.id == "warnings" and node.args and _untranslatable(node.args[0]):
                offence(node, "a warning for people is not a tr() call")
            continue
        if name in positions:
            index, keywords = positions[name]
            if index is None:
                continue
            message = node.args[index] if index < len(node.args) else None
            message = message or next((k.value for k in node.keywords if k.arg in keywords), None)
            if _untranslatable(message):
                offence(node, f"the message of {name}() is not a tr() call")
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and _called_name(node.exc) not in positions:
            if any(isinstance(a, ast.JoinedStr) for a in node.exc.args):
                offence(node, f"{_called_name(node.exc)}() raised with an f-string")
        elif isinstance(node, ast.Call) and _called_name(node) == "__init__" and isinstance(node.func, ast.Attribute):
            owner = node.func.value  # super().__init__(message) in an error class
            if isinstance(owner, ast.Call) and _called_name(owner) == "super" and node.args and _untranslatable(node.args[0]):
                offence(node, "an error's message (super().__init__) is not a tr() call")
        elif isinstance(node, ast.JoinedStr) and _has_words(node):
            offence(node, "an f-string with words for people (make it a tr() call)")
    if Path(filename).name == "fields.py":
        for function in ast.walk(tree):
            if isinstance(function, (ast.FunctionDef, ast.Lambda)):
                body = [function.body] if isinstance(function, ast.Lambda) else list(ast.walk(function))
                for node in body:
                    value = node.value if isinstance(node, ast.Return) else (node if isinstance(function, ast.Lambda) else None)
                    if value is not None and _returns_words(value):
                        offence(node, "a check returns words that are not a tr() call")
    return found


def _has_words(node: ast.JoinedStr) -> bool:
    """Whether the literal parts of an f-string hold two words or more (a sentence), as
    opposed to ids, paths and keys such as ``f"units[{index}]"`` or ``f"{base}-{counter}"``."""
    literal = " ".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
    return sum(1 for token in literal.split() if re.fullmatch(r"[A-Za-z]{2,}[,;:.]?", token)) >= 2


def _returns_words(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and node.value not in JSON_TOKENS and node.value != ""
    if isinstance(node, ast.IfExp):
        return _returns_words(node.body) or _returns_words(node.orelse)
    if isinstance(node, ast.BoolOp):
        return any(_returns_words(value) for value in node.values)
    return _untranslatable(node) and not isinstance(node, ast.Constant)


def test_every_domain_message_is_a_tr_call():
    offences = []
    for path in _modules():
        offences += scan_source(path.read_text("utf-8"), path.relative_to(PACKAGE.parent).as_posix())
    assert not offences, "messages lupdate cannot extract or tr() calls that do not fit:\n" + "\n".join(offences)


def test_the_scan_finds_what_it_must():
    """The scan itself can fail: each line below is one offence."""
    bad = '''
from .errors import Problem
def check_a(value):
    return f"expected {value}"
def check_b(value):
    return "must not be empty"
def check_c(value):
    return tr(template)
def check_d(value):
    return tr("got {value}", value)
def check_e(value):
    return tr("got {value}")
def f(path, x):
    raise FieldError("name", f"bad {x}")
def g(source):
    raise DependencyError(source, source, "cannot depend on itself")
def h(path, x):
    problems = [Problem(path, "no such file")]
    problems.append(Problem("", message="permission " + x))
def i(x):
    raise ValueError(f"not a number: {x}")
def j(warnings, x):
    warnings.append(f"node {x}: left out")
def k(column, problem):
    pass
def m(x):
    k("reports_to", f"unknown unit {x}")
def n(x):
    return "null" if x is None else tr("a string", extra=1)
class Oops(Exception):
    def __init__(self, unit_id):
        super().__init__(f"unknown unit {unit_id!r}")
def describe(pid, host):
    return f"process {pid} on {host}"
'''
    offences = scan_source(bad, "orgmodel/fields.py")
    lines = sorted({int(o.split(":")[1]) for o in offences})
    assert lines == [4, 6, 8, 10, 12, 14, 16, 18, 19, 21, 23, 27, 29, 32, 34], offences
    good = '''
from .errors import Problem
def check_a(value):
    return tr("expected {what}, got {value!r}", what=tr("a string"), value=value)
def check_b(value):
    return "true" if value else "false"
def f(path, x):
    raise FieldError("name", tr("must be >= {low:g}", low=x))
    return Problem(path, tr("first " "second {x}", x=x))
def paths(index, base, counter):
    return f"units[{index}].parent", f"{base}-{counter}", f"{base}.{counter}"
'''
    assert scan_source(good, "orgmodel/fields.py") == []
