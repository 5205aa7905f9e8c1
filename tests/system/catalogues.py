"""What the translation tests share: the catalogues read as XML, and patterns that match a
catalogue entry in a text shown on screen."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
SAMPLE = ROOT / "resources" / "samples" / "ornek_as.orgmodel"


def messages(name: str) -> list[tuple[str, ET.Element]]:
    """``(context, <message>)`` of every entry of a catalogue."""
    root = ET.parse(TRANSLATIONS / f"{name}.ts").getroot()
    return [(context.findtext("name") or "", message) for context in root.iter("context") for message in context.iter("message")]


def translations(message: ET.Element) -> list[str]:
    element = message.find("translation")
    forms = element.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [element.text or ""]


def strip(text: str) -> str:
    """As Qt derives tool tips and icon texts: no mnemonic ampersands, no trailing ellipsis."""
    return re.sub(r"&(?=\S)", "", text).removesuffix("…").removesuffix("...").strip()


def pattern(text: str) -> re.Pattern[str]:
    parts = re.split(r"(%L?(?:\d|n)|\{[^{}]*\})", strip(text))
    regex = "".join(".+?" if i % 2 else re.escape(part) for i, part in enumerate(parts))
    return re.compile(regex, re.DOTALL)


def catalogue_patterns(side: str) -> list[re.Pattern[str]]:
    patterns = []
    for _, message in messages("orgmodel_tr"):
        texts = [message.findtext("source")] if side == "source" else translations(message)
        # an entry that is only a placeholder ("{Esc}") would match any text at all
        patterns += [pattern(text) for text in texts if re.sub(r"%L?(?:\d|n)|\{[^{}]*\}", "", text).strip()]
    return patterns


def qt_button_words() -> set[str]:
    """Qt's own words (OK, Cancel...) in the installed language: qtbase translates them."""
    box = QDialogButtonBox()
    words = set()
    for button in QDialogButtonBox.StandardButton:
        if button != QDialogButtonBox.StandardButton.NoButton:  # FirstButton, LastButton: aliases
            words.add(strip(box.addButton(button).text()))
    details = QMessageBox()
    details.setDetailedText("…")  # adds Qt's "Show Details…" button
    words.update(strip(button.text()) for button in details.buttons())
    return words


SEPARATORS = re.compile(r"\s*(?:,|⇄|→|—|\[\*\]|<[^>]+>)\s*")


def known(text: str, data: set[str], patterns: list[re.Pattern[str]]) -> bool:
    """Data (names, numbers), a catalogue entry, or pieces each of which is one: a list of
    names, "Untitled[*] — OrgModel"."""
    def one(piece: str) -> bool:
        piece = strip(piece)
        return (not any(ch.isalpha() for ch in piece) or piece in data or piece.endswith(".orgmodel")
                or any(p.fullmatch(piece) for p in patterns))
    return one(text) or all(one(piece) for piece in SEPARATORS.split(strip(text)))
