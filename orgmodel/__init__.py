"""OrgModel's core: the organisation model, its file formats, its analysis and its layouts.

Pure Python and networkx; never imports Qt, so scripts and the command line stay light.

>>> import orgmodel
>>> model = orgmodel.OrgModel("Acme")
>>> model.add_unit(orgmodel.Unit("sales", "Sales", "front"))
>>> model.add_unit(orgmodel.Unit("it", "IT", "back"))
>>> model.add_dependency("sales", "it")
>>> orgmodel.analyse(model).support("sales")
['it']
"""

__version__ = "0.1.0"

from orgmodel.analysis import (  # noqa: E402
    Findings,
    LiveAnalysis,
    SupportAnalysis,
    analyse,
    chain_subgraph,
    findings,
    highlight,
    revenue_at_risk,
    support_chain,
)
from orgmodel.errors import (  # noqa: E402
    DependencyError,
    DuplicateUnitError,
    FieldError,
    ModelFileError,
    OrgModelError,
    Problem,
    ReportingCycleError,
    UnknownUnitError,
)
from orgmodel.fields import OFFICES  # noqa: E402
from orgmodel.formats import read_any, write_any  # noqa: E402
from orgmodel.formats.native import SaveError, dumps, load, loads, save  # noqa: E402
from orgmodel.layout import bands_layout, orgchart_layout, place_unplaced, unplaced_positions  # noqa: E402
from orgmodel.model import Dependency, OrgModel, Unit, is_unclassified, unclassified_unit  # noqa: E402

__all__ = [
    "OFFICES",
    "Dependency",
    "DependencyError",
    "DuplicateUnitError",
    "FieldError",
    "Findings",
    "LiveAnalysis",
    "ModelFileError",
    "OrgModel",
    "OrgModelError",
    "Problem",
    "ReportingCycleError",
    "SaveError",
    "SupportAnalysis",
    "Unit",
    "UnknownUnitError",
    "__version__",
    "analyse",
    "bands_layout",
    "chain_subgraph",
    "dumps",
    "findings",
    "highlight",
    "is_unclassified",
    "load",
    "loads",
    "orgchart_layout",
    "place_unplaced",
    "read_any",
    "revenue_at_risk",
    "save",
    "support_chain",
    "unclassified_unit",
    "unplaced_positions",
    "write_any",
]
