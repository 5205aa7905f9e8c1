"""OrgModel's core: the organisation model, its file format and the support analysis.

Pure Python and networkx; never imports Qt, so scripts and the command line stay light.
"""

from .errors import (
    DependencyError,
    DuplicateUnitError,
    FieldError,
    ModelFileError,
    OrgModelError,
    Problem,
    ReportingCycleError,
    UnknownUnitError,
)
from .fields import OFFICES
from .model import Dependency, OrgModel, Unit

__all__ = [
    "OFFICES",
    "Dependency",
    "DependencyError",
    "DuplicateUnitError",
    "FieldError",
    "ModelFileError",
    "OrgModel",
    "OrgModelError",
    "Problem",
    "ReportingCycleError",
    "Unit",
    "UnknownUnitError",
]

__version__ = "0.1.0"
