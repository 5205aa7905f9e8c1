"""Automation priority: savings = cost × potential, priority = savings × ease, margin uplift
read off the cost attribution, and every unit listed (those that cannot be ranked last)."""

from __future__ import annotations

import dataclasses

import pytest

from conftest import SAMPLES
from orgmodel.analysis import analyse, revenue_at_risk
from orgmodel.analysis.automation import rank_automation, revenue_supported
from orgmodel.analysis.cost import allocate
from orgmodel.formats.native import load
from orgmodel.model import OrgModel, Unit


def model() -> OrgModel:
    m = OrgModel()
    for uid, office, extra in [
        ("emea", "front", {"revenue": 1000, "cost": 100, "automation_potential": 0.1}),
        ("na", "front", {"revenue": 3000}),
        ("risk", "middle", {"cost": 400, "automation_potential": 0.5}),
        ("payroll", "back", {"cost": 200, "automation_potential": 0.8}),
        ("it", "back", {"cost": 1000, "automation_potential": 0.15}),
        ("legal", "back", {"cost": 300}),
        ("archive", "back", {"automation_potential": 0.9}),
    ]:
        m.add_unit(Unit(uid, uid.title(), office, **extra))
    for a, b, w in [("emea", "risk", 1), ("na", "risk", 3), ("risk", "it", 1), ("emea", "it", 1), ("it", "payroll", 1), ("payroll", "it", 1), ("na", "legal", 1)]:
        m.add_dependency(a, b, weight=w)
    return m


def test_savings_priority_and_the_order_of_the_ranking() -> None:
    ranking = rank_automation(model())
    assert [c.id for c in ranking] == ["risk", "payroll", "it", "emea", "archive", "legal", "na"]
    risk = ranking[0]
    assert (risk.savings, risk.priority, risk.office, risk.reason) == (200, 200, "middle", None)
    assert ranking[4].reason == "no cost" and ranking[5].reason == "no automation potential"
    assert ranking[6].reason == "no cost and no automation potential" and ranking[6].savings is None


def test_margin_uplift_is_the_savings_spread_as_the_cost_is() -> None:
    m = model()
    allocation = allocate(m)
    ranking = {c.id: c for c in rank_automation(m, allocation)}
    # Risk hands everything to EMEA and NA in the ratio 1 : 3.
    assert ranking["risk"].margin_uplift == {"emea": 50, "na": 150}
    for uid in ("it", "payroll"):
        shares = allocation.to_revenue(uid)
        own = allocation.service_unit(uid).own_cost
        expected = {rid: amount / own * ranking[uid].savings for rid, amount in shares.items()}
        assert ranking[uid].margin_uplift == pytest.approx(expected, abs=0.02)
        assert sum(ranking[uid].margin_uplift.values()) == pytest.approx(ranking[uid].savings, abs=0.02)
    assert ranking["emea"].margin_uplift == {"emea": 10}  # a revenue unit's savings are its own


def test_ease_scales_the_priority_when_a_unit_has_one() -> None:
    @dataclasses.dataclass(frozen=True)
    class EasyUnit(Unit):
        automation_ease: float | None = None

    m = OrgModel()
    m.add_unit(Unit("shop", "Shop", "front"))
    m.add_unit(EasyUnit("big", "Big", "back", cost=1000, automation_potential=0.5, automation_ease=0.1))
    m.add_unit(Unit("small", "Small", "back", cost=200, automation_potential=0.5))
    m.add_dependency("shop", "big"); m.add_dependency("shop", "small")
    ranking = rank_automation(m)
    assert [(c.id, c.savings, c.priority, c.automation_ease) for c in ranking[:2]] == [("small", 100, 100, None), ("big", 500, 50, 0.1)]


@pytest.mark.parametrize("sample", ["example_co.orgmodel", "ornek_as.orgmodel"])
def test_revenue_supported_is_the_revenue_at_risk_of_every_back_office_unit(sample: str) -> None:
    m = load(SAMPLES / sample)
    supported = revenue_supported(m)
    at_risk = revenue_at_risk(m, analyse(m))
    assert {uid: supported[uid] for uid in at_risk} == pytest.approx(at_risk)
    assert len(rank_automation(m)) == len(m)  # every unit listed, none dropped


def test_without_uplift_the_ranking_is_the_same_and_one_unit_is_answered_on_demand() -> None:
    from orgmodel.analysis.automation import margin_uplift

    m = model()
    full = rank_automation(m)
    lean = rank_automation(m, uplift=False)
    assert [(c.id, c.priority) for c in lean] == [(c.id, c.priority) for c in full]
    assert all(not c.margin_uplift for c in lean)
    allocation = allocate(m)
    assert {c.id: dict(c.margin_uplift) for c in full} == {c.id: margin_uplift(m, allocation, c.id) for c in full}
