"""The bundled samples tell the cost-to-serve story the README quotes: every service cost
reaches a revenue unit, Payroll is cheap and automatable, IT dear and hard to automate."""

from __future__ import annotations

import pytest

from orgmodel.analysis.automation import rank_automation
from orgmodel.analysis.cost import allocate
from orgmodel.cli import sample_path
from orgmodel.formats.native import load

PAYROLL_AND_IT = {"en": ("payroll", "it"), "tr": ("bordro", "bilgi-islem")}


@pytest.mark.parametrize("language", ["en", "tr"])
def test_every_service_cost_reaches_a_revenue_unit(language: str) -> None:
    allocation = allocate(load(sample_path(language)))
    assert allocation.unallocated == 0
    assert allocation.sinks == ()


@pytest.mark.parametrize("language", ["en", "tr"])
def test_every_unit_has_a_cost_a_potential_and_an_ease(language: str) -> None:
    model = load(sample_path(language))
    for unit in model.units():
        assert unit.cost is not None and unit.automation_potential is not None and unit.automation_ease is not None, unit.id


@pytest.mark.parametrize("language", ["en", "tr"])
def test_payroll_is_small_and_automatable_it_large_and_hard(language: str) -> None:
    model = load(sample_path(language))
    payroll, it = (model.unit(uid) for uid in PAYROLL_AND_IT[language])
    assert payroll.automation_potential >= 0.7 and payroll.automation_ease >= 0.9
    assert it.automation_potential <= 0.15 and it.automation_ease <= 0.3
    assert it.cost > 10 * payroll.cost
    costs = sorted((u.cost for u in model.units() if not u.is_revenue_generating), reverse=True)
    assert it.cost == costs[0]  # the largest service cost
    ranked = [c.id for c in rank_automation(model, uplift=False)]
    assert ranked.index(payroll.id) < len(ranked) // 2  # cheap, but high in the ranking
    # IT and Finance serve each other
    finance = "finance" if language == "en" else "finans"
    assert model.has_dependency(it.id, finance) and model.has_dependency(finance, it.id)
