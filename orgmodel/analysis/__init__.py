"""Analysis of a model: which back-office units support each revenue-generating unit, the
reverse (impact, revenue at risk), the chains that explain it, findings, and the incremental
analysis the editor keeps up to date edit by edit.

Pure functions over the model; none of them changes it.
"""

from orgmodel.analysis.chains import chain_subgraph, highlight, support_chain
from orgmodel.analysis.kernel import strongly_connected
from orgmodel.analysis.live import LiveAnalysis, LiveSnapshot
from orgmodel.analysis.queries import SupportMaps, SupportQueries
from orgmodel.analysis.reference import naive_support_map
from orgmodel.analysis.support import (
    Findings,
    SupportAnalysis,
    analyse,
    findings,
    impact_map,
    revenue_at_risk,
    support_map,
)

__all__ = [
    "Findings",
    "LiveAnalysis",
    "LiveSnapshot",
    "SupportAnalysis",
    "SupportMaps",
    "SupportQueries",
    "analyse",
    "chain_subgraph",
    "findings",
    "highlight",
    "impact_map",
    "naive_support_map",
    "revenue_at_risk",
    "strongly_connected",
    "support_chain",
    "support_map",
]
