"""Office suggestions from names: which office a unit is probably in, the word that says
so, and how sure that is.

No real file says front, middle or back office; department names do ("Satış Müdürlüğü",
"Accounts Payable", "Bilgi İşlem Daire Başkanlığı"). The words are data, not code: the
lexicon ``resources/lexicons/offices.json`` (English and Turkish), which a person extends
with files of the same shape (:func:`load_lexicon`; the CLI's ``--lexicon FILE`` and the
``ORGMODEL_LEXICON`` environment variable, several paths separated by ``os.pathsep``).

Matching (:func:`suggest_office`):

* names are folded the Turkish-aware way (:func:`orgmodel.collate.fold_turkish`: case,
  accents, dotted and dotless i), then split into words;
* a lexicon word matches a word of the name as it is or with a Turkish suffix or English
  plural after it ("satış" in "Satışlar", "muhasebe" in "Muhasebesi", "destek" in
  "Desteği"); phrases match word by word, the longest first, each word used once;
* acronyms (IT, HR, İK) match only as written, in capitals: "it" in a note is no IT;
* the name decides first; tags, then notes, only when the name says nothing, and never
  confidently. Person names and places contain no office word, so they get no suggestion.

Confidence: 0.95 when the name's strong words all point to one office; 0.8 when a weak word
before them points elsewhere (0.6 after them: it is the head of the phrase); 0.6 for weak
words only; 0.5 when strong words disagree (the last one,
the head of the noun phrase in English and Turkish, is suggested). :data:`CONFIDENT` is the
line the editor ticks by default and ``orgmodel classify`` writes.

>>> lexicon = load_lexicon()
>>> s = suggest_office("Satış Müdürlüğü", lexicon=lexicon)
>>> s.office, s.reason, s.confidence
('front', 'Satış', 0.95)
>>> suggest_office("Bilgi İşlem Daire Başkanlığı", lexicon=lexicon).office
'back'
>>> suggest_office("Zeynep Arslan", lexicon=lexicon) is None
True
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from orgmodel.collate import fold_turkish
from orgmodel.errors import OrgModelError
from orgmodel.fields import OFFICES
from orgmodel.i18n import tr
from orgmodel.model import OrgModel, Unit, is_unclassified

__all__ = ["CONFIDENT", "Lexicon", "LexiconError", "Suggestion", "load_lexicon", "suggest_office", "suggestions"]

#: A suggestion at least this sure is taken without asking (CLI) or ticked (editor).
CONFIDENT = 0.8
#: The environment variable naming extra lexicon files (``os.pathsep`` between them).
LEXICON_VARIABLE = "ORGMODEL_LEXICON"

_WORD = re.compile(r"\w+")
#: What may follow a lexicon word inside a name's word, after folding (ı→i, ü→u, ş→s...):
#: Turkish possessive, plural and case endings and English plurals.
_SUFFIX = re.compile(
    r"(s|es|lar|ler|lari|leri|larin|lerin|larinin|lerinin|i|u|a|e|si|su|in|un|nin|nun|sinin|sunun|ni|nu|na|ne|ya|ye|"
    r"da|de|ta|te|dan|den|tan|ten|nda|nde|ndan|nden|ndaki|ndeki|daki|deki|la|le|yla|yle|ligi|lugu|lik|luk)?\Z"
)
_STRENGTHS = ("strong", "weak")


class LexiconError(OrgModelError, ValueError):
    """A lexicon file that cannot be read, naming the file and what is wrong."""


@dataclass(frozen=True, slots=True)
class _Term:
    words: tuple[str, ...]  # folded
    office: str | None  # None: an "ignore" phrase, no office word (hides the words inside)
    strong: bool


@dataclass(frozen=True)
class Lexicon:
    """The office words: phrases (folded, longest first) and acronyms (as written)."""

    terms: tuple[_Term, ...]
    acronyms: dict[str, str]
    sources: tuple[str, ...]
    #: The numbers of the terms (in :attr:`terms`) by the first three letters of their first
    #: word: a name's word is only compared with the terms it can match (10,000 names: 6.9 s →
    #: 0.16 s CPU, benchmarks/classify.py).
    by_start: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for number, term in enumerate(self.terms):
            key = term.words[0][:3]
            self.by_start[key] = (*self.by_start.get(key, ()), number)


@dataclass(frozen=True, slots=True)
class Suggestion:
    """An office suggested for a unit, with the words that said so and how sure it is."""

    unit_id: str
    office: str
    reason: str
    """The word or phrase that matched, as written in the unit's name (or tag, or note)."""
    source: str
    """Where it was found: ``"name"``, ``"tags"`` or ``"notes"``."""
    confidence: float

    @property
    def confident(self) -> bool:
        return self.confidence >= CONFIDENT


def load_lexicon(extra: Iterable[str | os.PathLike[str]] = (), environment: bool = True) -> Lexicon:
    """The bundled lexicon plus the files ``extra`` (and those ``ORGMODEL_LEXICON`` names when
    ``environment``). Raises :class:`LexiconError` naming a file that cannot be used."""
    bundled = resources.files("resources").joinpath("lexicons/offices.json")
    documents = [("offices.json", bundled.read_text(encoding="utf-8"))]
    paths = [str(p) for p in extra]
    if environment and os.environ.get(LEXICON_VARIABLE):
        paths += [p for p in os.environ[LEXICON_VARIABLE].split(os.pathsep) if p]
    for path in paths:
        try:
            documents.append((path, Path(path).read_text(encoding="utf-8-sig")))
        except (OSError, UnicodeDecodeError) as error:
            raise LexiconError(tr("{file}: cannot read the lexicon: {reason}", file=path, reason=getattr(error, "strerror", None) or str(error))) from None
    terms: dict[tuple[str, ...], _Term] = {}
    acronyms: dict[str, str] = {}
    for name, text in documents:
        for office, strength, word in _entries(name, text):
            if office is None:
                terms[tuple(_WORD.findall(fold_turkish(word)))] = _Term(tuple(_WORD.findall(fold_turkish(word))), None, False)
                continue
            if strength == "acronyms":
                acronyms[word.strip()] = office
                continue
            words = tuple(_WORD.findall(fold_turkish(word)))
            if words:  # a later file overrides an earlier one's word
                terms[words] = _Term(words, office, strength == "strong")
    ordered = sorted(terms.values(), key=lambda t: (-len(t.words), -sum(map(len, t.words))))
    return Lexicon(tuple(ordered), acronyms, tuple(name for name, _ in documents))


def _entries(name: str, text: str) -> Iterable[tuple[str | None, str, str]]:
    """``(office, "strong" | "weak" | "acronyms", word)`` of one lexicon file, checked; the
    "ignore" phrases with the office ``None``."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise LexiconError(tr("{file}: not a lexicon: invalid JSON at line {line}", file=name, line=error.lineno)) from None
    offices = document.get("offices") if isinstance(document, dict) else None
    if not isinstance(offices, dict):
        raise LexiconError(tr('{file}: not a lexicon: expected an object with "offices"', file=name))
    ignore = document.get("ignore", [])
    if not isinstance(ignore, list) or not all(isinstance(w, str) for w in ignore):
        raise LexiconError(tr('{file}: ignore: expected a list of words', file=name))
    for word in ignore:
        yield None, "ignore", word
    for office, groups in offices.items():
        if office not in OFFICES or not isinstance(groups, dict):
            raise LexiconError(tr('{file}: offices.{office}: expected "front", "middle" or "back" with lists of words', file=name, office=office))
        for strength, words in groups.items():
            if strength not in (*_STRENGTHS, "acronyms") or not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                raise LexiconError(tr('{file}: offices.{office}.{group}: expected "strong", "weak" or "acronyms" with a list of words', file=name, office=office, group=strength))
            for word in words:
                yield office, strength, word


def _word_matches(term_word: str, word: str) -> bool:
    if word == term_word:
        return True
    if word.startswith(term_word) and len(term_word) >= 3:
        return _SUFFIX.match(word, len(term_word)) is not None
    # Turkish softens a final k before a vowel: destek → desteği (folded "destegi").
    if term_word.endswith("k") and len(term_word) >= 4 and word.startswith(term_word[:-1] + "g"):
        return _SUFFIX.match(word, len(term_word)) is not None and len(word) > len(term_word)
    return False


def _matches(text: str, lexicon: Lexicon) -> list[tuple[int, str, bool, str]]:
    """``(position, office, strong, words as written)`` of every match in ``text``, in order."""
    spans = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    written = [text[a:b] for a, b in spans]
    folded = [fold_turkish(w) for w in written]
    used = [False] * len(folded)
    found: list[tuple[int, str, bool, str]] = []
    for i, word in enumerate(written):
        office = lexicon.acronyms.get(word)
        if office is not None and word.isupper():
            used[i] = True
            found.append((i, office, True, word))
    # Longest terms first ("customer service" before "customer"), each where it may start.
    candidates = sorted((number, i) for i, word in enumerate(folded) for number in lexicon.by_start.get(word[:3], ()))
    for number, i in candidates:
        term = lexicon.terms[number]
        n = len(term.words)
        if i + n <= len(folded) and not any(used[i : i + n]):
            if all(_word_matches(t, w) for t, w in zip(term.words, folded[i : i + n])):
                used[i : i + n] = [True] * n
                if term.office is not None:
                    found.append((i, term.office, term.strong, text[spans[i][0] : spans[i + n - 1][1]]))
    return sorted(found)


def _judge(found: Sequence[tuple[int, str, bool, str]]) -> tuple[str, str, float] | None:
    strong = [m for m in found if m[2]]
    if strong:
        office, reason = strong[-1][1], strong[-1][3]
        if len({m[1] for m in strong}) > 1:
            return office, reason, 0.5
        if all(m[1] == office for m in found):
            return office, reason, 0.95
        # A weak word of another office after the strong one is the head of the phrase
        # ("Branch Operations"): not sure. Before it, a modifier ("Operations Risk").
        return office, reason, 0.6 if found[-1][1] != office else 0.8
    if found:
        office, reason = found[-1][1], found[-1][3]
        return office, reason, 0.6 if len({m[1] for m in found}) == 1 else 0.4
    return None


def suggest_office(
    name: str, tags: Sequence[str] = (), notes: str | None = None, *, lexicon: Lexicon | None = None, unit_id: str = ""
) -> Suggestion | None:
    """The office ``name`` (else its tags, else its notes) points to, or ``None``.

    >>> suggest_office("Muhasebe Departmanı").office, suggest_office("Satışlar").office
    ('back', 'front')
    >>> suggest_office("Trabzon") is None, suggest_office("CEO office") is None
    (True, True)
    >>> s = suggest_office("Team 7", notes="handles the payroll")
    >>> s.office, s.source, s.confident
    ('back', 'notes', False)
    """
    lexicon = lexicon or default_lexicon()
    judged = _judge(_matches(name, lexicon))
    if judged is not None:
        return Suggestion(unit_id, judged[0], judged[1], "name", judged[2])
    for source, texts, cap in (("tags", list(tags), 0.7), ("notes", [notes or ""], 0.5)):
        judged = _judge([m for text in texts for m in _matches(text, lexicon)])
        if judged is not None:
            return Suggestion(unit_id, judged[0], judged[1], source, min(judged[2], cap))
    return None


def suggestions(model: OrgModel, *, only_unclassified: bool = True, lexicon: Lexicon | None = None) -> list[Suggestion | None]:
    """For each unit of ``model`` in model order (only the unclassified ones when
    ``only_unclassified``), its :class:`Suggestion` or ``None`` (no office word found)
    paired by position with :func:`candidate_units`."""
    lexicon = lexicon or default_lexicon()
    return [suggest_office(u.name, u.tags, u.notes, lexicon=lexicon, unit_id=u.id) for u in candidate_units(model, only_unclassified)]


def candidate_units(model: OrgModel, only_unclassified: bool = True) -> list[Unit]:
    """The units :func:`suggestions` looks at, in model order."""
    return [u for u in model.units() if not only_unclassified or is_unclassified(u)]


_DEFAULT: list[Lexicon] = []


def default_lexicon() -> Lexicon:
    """The bundled lexicon plus ``ORGMODEL_LEXICON``'s files, read once."""
    if not _DEFAULT:
        _DEFAULT.append(load_lexicon())
    return _DEFAULT[0]
