"""Kept for one release so that scripts written against it still run: the native format now
lives in :mod:`orgmodel.formats.native`. New code writes ``from orgmodel import load, save``."""

from orgmodel.formats.native import (  # noqa: F401
    EXTENSIONS,
    FORMAT,
    VERSION,
    SaveError,
    backup_path,
    dumps,
    load,
    loads,
    read_text,
    save,
    to_document,
)
from orgmodel.errors import ModelFileError  # noqa: F401
