"""Analysis of a model: which back-office units support each revenue-generating unit, the
reverse (impact, revenue at risk), the chains that explain it, findings, and the incremental
analysis the editor keeps up to date edit by edit.

Pure functions over the model; none of them changes it.
"""

from orgmodel.analysis.live import LiveAnalysis, LiveSnapshot
from orgmodel.analysis.support import (
    Findings,
    SupportAnalysis,
    analyse,
    chain_subgraph,
    findings,
    highlight,
    impact_map,
    naive_support_map,
    revenue_at_risk,
    strongly_connected,
    support_chain,
    support_map,
)

__all__ = [
    "Findings",
    "LiveAnalysis",
    "LiveSnapshot",
    "SupportAnalysis",
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
