"""Messages that stay English here and can be shown in another language by an interface.

The domain layer never imports Qt, yet its messages (a file that cannot be read, a value
out of range, an import row at fault) reach people through the editor, which speaks
Turkish too. So every message is built with :func:`tr`, which returns a :class:`Text`: a
plain ``str`` holding the English sentence — what the command line prints, what tests
compare — that also remembers its template and arguments. The editor looks the template
up in its translation catalogue and formats the translation with the same arguments
(``ui.i18n.localize``).

``pyside6-lupdate`` finds every ``tr("...")`` call of this package and files the template
under the empty context, which is the domain's catalogue. Templates use ``str.format``
fields with names (``{row}``, ``{value!r}``; a literal brace is written twice, as always
with ``str.format``); a translation must use the same fields.

>>> message = tr("row {row}: {problem}", row=3, problem=tr("must not be empty"))
>>> message
'row 3: must not be empty'
>>> message.template, sorted(message.args)
('row {row}: {problem}', ['problem', 'row'])
>>> localize(message, {"row {row}: {problem}": "satır {row}: {problem}", "must not be empty": "boş olamaz"}.get)
'satır 3: boş olamaz'
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping, Sequence
from typing import Any

__all__ = ["Text", "tr", "localize", "fields_of", "joined"]


class Text(str):
    """An English message that keeps its template and arguments for translation."""

    __slots__ = ("template", "args")
    template: str
    args: Mapping[str, Any]

    def __new__(cls, template: str, args: Mapping[str, Any]) -> Text:
        self = super().__new__(cls, template.format(**args))
        self.template = template
        self.args = args
        return self

    def __reduce__(self) -> tuple[Any, ...]:  # pickles (multiprocessing) as what it is
        return (Text, (self.template, dict(self.args)))


#: The most characters of one value a message quotes: a value comes from a file (a name, an
#: id, a list of them) and may be 70,000 characters long; nobody reads such a line.
QUOTED = 100
#: Arguments quoted whole: where the file is, and what the system said about it.
_WHOLE = frozenset({"file", "folder", "reason"})


def tr(template: str, /, **args: Any) -> Text:
    """The message ``template`` with ``args`` filled in: English now, translatable later.

    Arguments that are themselves :class:`Text` are translated along with the message; a
    plain string argument longer than :data:`QUOTED` characters is cut there, with "…"
    (but a file's path and an operating system's reason).

    >>> tr("unknown unit {unit!r}", unit="x" * 5000)[-5:]
    "xxx…'"
    """
    for key, value in args.items():
        if type(value) is str and len(value) > QUOTED and key not in _WHOLE:
            args[key] = value[: QUOTED - 1] + "…"
    return Text(template, args)


def localize(text: object, lookup: Callable[[str], str | None]) -> str:
    """``text`` in the language of ``lookup`` (template → translation, or a false value).

    Anything that is not a :class:`Text` (a unit name, a file name) passes through as it
    is. A translation that is missing, or that names a field the template does not have,
    falls back to the English template, so a slip in a catalogue costs words, never a crash.
    """
    if not isinstance(text, Text):
        return str(text)
    args = {key: localize(value, lookup) if isinstance(value, Text) else value for key, value in text.args.items()}
    translated = lookup(text.template)
    if translated and translated != text.template:
        try:
            return translated.format(**args)
        except (KeyError, IndexError, ValueError):
            pass
    return text.template.format(**args)


def joined(parts: Sequence[Any], pair: Callable[[Any, Any], Text]) -> Any:
    """Several messages as one, ``pair(first, second)`` (a :func:`tr` call such as
    ``tr("{first}, {second}", ...)``) joining them two at a time, so that each part still
    translates. The pairs nest as a balanced tree: thousands of parts stay a shallow Text.
    No parts give ``""``; one part is returned as it is.

    >>> joined(["a", "b", "c"], lambda first, second: tr("{first}, {second}", first=first, second=second))
    'a, b, c'
    """
    if not parts:
        return ""
    if len(parts) == 1:
        return parts[0]
    middle = len(parts) // 2
    return pair(joined(parts[:middle], pair), joined(parts[middle:], pair))


def fields_of(template: str) -> set[str]:
    """The field names a template uses, with their conversions and formats
    (``{value!r}`` and ``{value}`` differ), to check translations against.

    >>> sorted(fields_of("must be between {low:g} and {high:g}, got {value!r}"))
    ['high:g', 'low:g', 'value!r']
    """
    found = set()
    for _, name, spec, conversion in string.Formatter().parse(template):
        if name is not None:
            found.add(name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else ""))
    return found
