"""One entry point for every format OrgModel reads or writes, chosen by file extension.

=============  ====  =====  ===========================================================
format         read  write  keeps / drops
=============  ====  =====  ===========================================================
.orgmodel      yes   yes    everything (the native format; unknown keys too)
.csv / .xlsx   yes   yes    the unit fields, reporting lines and dependencies; drops
                            positions, colours, dependency weights/labels, unknown keys
.graphml       yes   yes    every field, reporting lines, dependencies with weights,
                            labels and positions (yEd and Gephi read it)
.drawio        no    yes    names, offices (colours), positions, both kinds of line
=============  ====  =====  ===========================================================
"""

from __future__ import annotations

import os

from .errors import ModelFileError, OrgModelError, Problem
from .model import OrgModel

READABLE = (".orgmodel", ".json", ".csv", ".xlsx", ".graphml")
WRITABLE = (".orgmodel", ".json", ".csv", ".xlsx", ".graphml", ".drawio")


def _extension(path: str, allowed: tuple[str, ...], verb: str) -> str:
    extension = os.path.splitext(path)[1].lower()
    if extension not in allowed:
        raise ModelFileError(path, [Problem("", f"cannot {verb} {extension or 'a file without extension'}: use {', '.join(allowed)}")])
    return extension


def read_any(path: str) -> tuple[OrgModel, list[str]]:
    """A model from any readable format, with the messages a person should see (rejected
    spreadsheet rows, GraphML warnings)."""
    extension = _extension(path, READABLE, "read")
    if extension in (".orgmodel", ".json"):
        from .fileformat import load

        return load(path), []
    if extension in (".csv", ".xlsx"):
        from .spreadsheet import import_model

        model, plan = import_model(path)
        return model, [plan.summary()]
    from .graphml import read_graphml

    return read_graphml(path)


def write_any(model: OrgModel, path: str) -> None:
    extension = _extension(path, WRITABLE, "write")
    if extension in (".orgmodel", ".json"):
        from .fileformat import save

        save(model, path)
    elif extension == ".csv":
        from .spreadsheet import write_csv

        _writing(write_csv, model, path)
    elif extension == ".xlsx":
        from .spreadsheet import write_xlsx

        _writing(write_xlsx, model, path)
    elif extension == ".graphml":
        from .graphml import write_graphml

        _writing(write_graphml, model, path)
    else:
        from .drawio import write_drawio

        _writing(write_drawio, model, path)


def _writing(write, model: OrgModel, path: str) -> None:
    try:
        write(model, path)
    except OrgModelError:
        raise
    except OSError as error:
        raise ModelFileError(path, [Problem("", f"cannot write: {error.strerror or error}")]) from None


def merge_spreadsheet(base: OrgModel, path: str):
    """Plan a spreadsheet merge into ``base`` by id (nothing deleted); returns the plan."""
    _extension(path, (".csv", ".xlsx"), "merge")
    from .spreadsheet import guess_mapping, plan_import, read_rows

    headers, rows = read_rows(path)
    return plan_import(headers, rows, guess_mapping(headers), base)
