"""The office classifier: Turkish-aware matching, the reason and confidence it gives, the
user's own lexicon, person names and places left alone, and its precision and coverage on a
labelled corpus of real department names (tests/core/classify_corpus)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from orgmodel.analysis.classify import CONFIDENT, LEXICON_VARIABLE, LexiconError, load_lexicon, suggest_office, suggestions
from orgmodel.model import OrgModel, Unit, unclassified_unit

CORPUS = Path(__file__).parent / "classify_corpus" / "departments.tsv"
#: Floors: a confident suggestion is taken without asking, so it must nearly never be wrong.
PRECISION_FLOOR = 0.95
COVERAGE_FLOOR = 0.80


@pytest.mark.parametrize(
    ("name", "office", "reason"),
    [
        ("Satış Müdürlüğü", "front", "Satış"),
        ("SATIŞ", "front", "SATIŞ"),
        ("Satislar", "front", "Satislar"),  # typed without Turkish letters
        ("Satışlar", "front", "Satışlar"),
        ("Muhasebe Departmanı", "back", "Muhasebe"),
        ("Muhasebesi", "back", "Muhasebesi"),
        ("Bilgi İşlem Daire Başkanlığı", "back", "Bilgi İşlem"),
        ("BİLGİ İŞLEM", "back", "BİLGİ İŞLEM"),
        ("İnsan Kaynakları Müdürlüğü", "back", "İnsan Kaynakları"),
        ("INSAN KAYNAKLARI", "back", "INSAN KAYNAKLARI"),
        ("Teknik Desteği", "front", "Teknik Desteği"),  # k → ğ before a vowel
        ("Halkla İlişkiler", "front", "Halkla İlişkiler"),
        ("Çağrı Merkezi", "front", "Çağrı Merkezi"),
        ("Risk Yönetimi", "middle", "Risk Yönetimi"),
        ("Fiyatlandırma", "middle", "Fiyatlandırma"),
        ("Customer Service", "front", "Customer Service"),
        ("IT", "back", "IT"),
        ("İK", "back", "İK"),
        ("Product Control", "middle", "Product Control"),
    ],
)
def test_clear_names_get_their_office_confidently_with_the_word_that_matched(name, office, reason) -> None:
    suggestion = suggest_office(name)
    assert suggestion is not None and (suggestion.office, suggestion.reason, suggestion.source) == (office, reason, "name")
    assert suggestion.confident


@pytest.mark.parametrize("name", [
    "Zeynep Arslan", "Ahmet Yılmaz", "Barış Kaya", "Umut Hazinedar", "John Price", "Trabzon", "Istanbul", "İstanbul",
    "ISTANBUL", "Ankara", "London", "CEO office", "Office of the CEO", "Yönetim Kurulu", "Genel Müdürlük", "it",
])
def test_person_names_and_places_never_get_an_office(name) -> None:
    assert suggest_office(name) is None
    assert suggest_office("Team 4", tags=[name], notes=name) is None


def test_a_ministry_branch_directorate_is_a_rank_not_a_branch() -> None:
    assert suggest_office("Evrak ve Arşiv Şube Müdürlüğü").office == "back"
    assert suggest_office("Trabzon Şubesi").office == "front"  # a bank's branch


def test_disagreeing_words_are_never_confident() -> None:
    mixed = suggest_office("Finance and Risk")
    assert mixed is not None and not mixed.confident
    head = suggest_office("Şube Operasyonları")  # branch operations: the head word says back
    assert head is not None and not head.confident


def test_tags_and_notes_speak_only_when_the_name_is_silent_and_never_confidently() -> None:
    by_tag = suggest_office("Ekip 3", tags=["muhasebe"])
    assert (by_tag.office, by_tag.source, by_tag.confident) == ("back", "tags", False)
    assert suggest_office("Sales", notes="works with accounting").office == "front"
    assert suggest_office("Team 7", notes="it depends on the weather") is None  # "it" is no IT


def test_suggestions_cover_the_unclassified_units_only_by_default() -> None:
    model = OrgModel()
    model.add_unit(unclassified_unit("a", "Satış"))
    model.add_unit(Unit("b", "Muhasebe", "front"))
    model.add_unit(unclassified_unit("c", "Zeynep Arslan"))
    assert [(s.unit_id, s.office) if s else None for s in suggestions(model)] == [("a", "front"), None]
    assert [s.office for s in suggestions(model, only_unclassified=False) if s] == ["front", "back"]


def test_a_user_lexicon_adds_words_from_an_option_or_the_environment(tmp_path, monkeypatch) -> None:
    extra = tmp_path / "mine.json"
    extra.write_text(json.dumps({"offices": {"back": {"strong": ["Kırtasiye"]}, "front": {"acronyms": ["KAM"]}}}), "utf-8")
    assert suggest_office("Kırtasiye Birimi") is None
    lexicon = load_lexicon([extra], environment=False)
    assert suggest_office("KIRTASIYE BİRİMİ", lexicon=lexicon).office == "back"
    assert suggest_office("KAM Team", lexicon=lexicon).office == "front"
    monkeypatch.setenv(LEXICON_VARIABLE, str(extra))
    assert str(extra) in load_lexicon().sources


@pytest.mark.parametrize(("text", "words"), [
    ("{", "invalid JSON at line 1"),
    ('{"offices": {"side": {"strong": ["x"]}}}', "offices.side"),
    ('{"offices": {"back": {"often": ["x"]}}}', "offices.back.often"),
])
def test_a_bad_lexicon_is_refused_naming_the_file_and_place(tmp_path, text, words) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(text, "utf-8")
    with pytest.raises(LexiconError) as caught:
        load_lexicon([bad], environment=False)
    assert str(caught.value).startswith(f"{bad}: ") and words in str(caught.value)


def corpus() -> list[tuple[str, str, str]]:
    lines = CORPUS.read_text("utf-8").splitlines()
    return [tuple(line.split("\t")) for line in lines if line and not line.startswith("#")]  # type: ignore[misc]


def test_the_corpus_is_large_enough_and_bilingual() -> None:
    rows = corpus()
    assert len(rows) >= 150 and all(office in ("front", "middle", "back", "none") for _, office, _ in rows)
    lists = {source.split("-")[0] for _, _, source in rows}
    assert {"tr", "en", "neg"} <= lists


def test_precision_and_coverage_on_the_labelled_corpus(capsys) -> None:
    rows = corpus()
    lexicon = load_lexicon(environment=False)
    confident = right = 0
    departments = sum(1 for _, office, _ in rows if office != "none")
    wrong = []
    for name, office, _ in rows:
        suggestion = suggest_office(name, lexicon=lexicon)
        if office == "none":
            assert suggestion is None or not suggestion.confident, name
        if suggestion is not None and suggestion.confidence >= CONFIDENT:
            confident += 1
            right += suggestion.office == office
            if suggestion.office != office:
                wrong.append((name, office, suggestion.office))
    precision, coverage = right / confident, right / departments
    with capsys.disabled():
        print(f"\nclassifier on {len(rows)} names ({departments} departments): precision {precision:.3f} "
              f"({right}/{confident} confident), coverage {coverage:.3f} ({right}/{departments})")
    assert precision >= PRECISION_FLOOR, wrong
    assert coverage >= COVERAGE_FLOOR
