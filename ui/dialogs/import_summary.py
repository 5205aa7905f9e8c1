"""What an import did and what the person should check, shown after File › Import….

The lines are the importer's own messages (``ImportPlan.messages()``, ``read_any``): the
counts first, then what it noticed (the encoding a CSV file was read in, the cells where
bytes did not decode, a column of places kept in the notes, units left unclassified,
positions dropped), then what it left out, each with its row, column or element. They are
listed in full, one an item, never hidden behind a button.
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import (
    QApplication, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QStyle, QTextBrowser, QVBoxLayout, QWidget,
)

#: The list grows with its lines up to this many, then scrolls.
SHOWN_LINES = 14


class ImportSummaryDialog(QDialog):
    """``lines`` (already in the interface's language): the first is the headline, the rest
    the notices; ``sheet`` names the workbook sheet read, if any."""

    def __init__(self, file_name: str, lines: list[str], sheet: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ImportSummaryDialog")
        self.setWindowTitle(self.tr("Imported %1").replace("%1", file_name))
        self.lines = list(lines)
        self.notices = self.lines[1:]
        self.headline = QLabel(self.lines[0] if self.lines else self.tr("Imported."))
        self.headline.setWordWrap(True)
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        source = (self.tr("File: %1, sheet “%2”").replace("%1", file_name).replace("%2", sheet) if sheet
                  else self.tr("File: %1").replace("%1", file_name))
        self.source = QLabel(source)
        self.source.setWordWrap(True)
        icon = QLabel()
        kind = QStyle.StandardPixmap.SP_MessageBoxWarning if self.notices else QStyle.StandardPixmap.SP_MessageBoxInformation
        icon.setPixmap(self.style().standardIcon(kind).pixmap(32, 32))
        top = QHBoxLayout()
        top.addWidget(icon, 0)
        heading = QVBoxLayout()
        heading.addWidget(self.headline)
        heading.addWidget(self.source)
        top.addLayout(heading, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        self.list = QTextBrowser()
        self.list.setOpenLinks(False)
        self.list.setHtml("<ul style='margin-left: 0px; -qt-list-indent: 1;'>"
                          + "".join(f"<li style='margin-bottom: 4px;'>{html.escape(line)}</li>" for line in self.notices)
                          + "</ul>")
        # As tall as its items (wrapped at the dialog's width) up to SHOWN_LINES of them, then it scrolls.
        line_height = self.list.fontMetrics().lineSpacing()
        self.list.setMinimumHeight(min(max(len(self.notices), 2), SHOWN_LINES) * (line_height + 4) + line_height)
        self.list.setSizeAdjustPolicy(QTextBrowser.SizeAdjustPolicy.AdjustToContents)
        if self.notices:
            self.notices_title = QLabel(self.tr("Check these before you go on:"))
            layout.addWidget(self.notices_title)
            layout.addWidget(self.list, 1)
        else:
            self.list.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.buttons.accepted.connect(self.accept)
        if self.notices:
            copy = QPushButton(self.tr("Copy to Clipboard"))
            copy.clicked.connect(self.copy)
            self.buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(620 if self.notices else 460)

    def text(self) -> str:
        """Everything the dialog says, as plain text a line each."""
        return "\n".join([self.headline.text(), self.source.text(), *self.notices])

    def copy(self) -> None:
        """Put :meth:`text` on the clipboard (for a message to whoever keeps the file)."""
        QApplication.clipboard().setText(self.text())
