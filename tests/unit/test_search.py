"""Ranked search: three scripts, exact names first, year words, why a row matched, and text that cannot stall it."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geodata import schema
from geodata.filters import exercises_in_view
from geodata.loaders import load_dataset
from geodata.query import ViewState
from geodata.search import MATCH_COLUMN, RANK_COLUMN, fold, initials, ranked
from view.scene import scene_for
from view.table import table_frame


@pytest.fixture(scope="module")
def bundled():
    return load_dataset(schema.DATA_DIR)


def first(frame: pd.DataFrame) -> str:
    return frame.iloc[0]["exercise_id"]


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Joint Sea-2024", "joint sea 2024"),
        ("  JOINT   sea—2024 ", "joint sea 2024"),
        ("joint_sea_2024", "joint sea 2024"),
        ("ＪＳ－２０２４", "js 2024"),
        ("JS2024", "js 2024"),
        ("Морское взаимодействие‑2024", "морское взаимодеиствие 2024"),
        ("Ёлка", "елка"),
        ("Café Überfahrt", "cafe uberfahrt"),
        ("海上联合-2024", "海上联合 2024"),
        ("海上联合2024", "海上联合 2024"),
        ("北部·联合-2024", "北部 联合 2024"),
        ("第5次海上联合巡航", "第 5 次海上联合巡航"),
        ("ZAPAD/INTERACTION-2021", "zapad interaction 2021"),
        ("--- ··· ///", ""),
    ],
)
def test_fold_ignores_case_width_diacritics_dashes_and_spacing(text, folded):
    assert fold(text) == folded


def test_initials_of_runs_of_words():
    assert initials("joint sea 2024") == {"js"}
    assert initials("maritime security belt 2024 security bond 2024") == {"msb", "sb"}
    assert initials("ocean 2024") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Joint Sea 2024",
        "joint sea-2024",
        "JOINT SEA–2024",
        "JS-2024",
        "js 2024",
        "joint_sea_2024",
        "Морское взаимодействие-2024",
        "морское взаимодействие 2024",
        "海上联合-2024",
        "海上联合2024",
        "Maritime Interaction-2024",
    ],
)
def test_every_name_of_joint_sea_2024_in_every_script_puts_it_first(bundled, text):
    found = ranked(bundled.exercises, text)
    assert first(found) == "joint_sea_2024", list(found["exercise_id"][:5])
    assert found.iloc[0][RANK_COLUMN] == 1


@pytest.mark.parametrize(
    ("text", "best", "why"),
    [
        ("Joint Sea 2024", "joint_sea_2024", "English name"),
        ("Морское взаимодействие-2024", "joint_sea_2024", "Russian name"),
        ("海上联合-2024", "joint_sea_2024", "Chinese name"),
        ("Maritime Interaction-2024", "joint_sea_2024", "alias: Maritime Interaction-2024"),
        ("Океан-2024", "ocean_2024", "Russian name"),
        ("大洋-2024", "ocean_2024", "Chinese name"),
        ("Восток-2018", "vostok_2018", "Russian name"),
        ("Vostok-2018", "vostok_2018", "English name"),
    ],
)
def test_exact_names_come_first_and_say_which_name(bundled, text, best, why):
    found = ranked(bundled.exercises, text)
    assert first(found) == best
    assert found.iloc[0][MATCH_COLUMN] == why


def test_a_chinese_series_name_finds_the_whole_series_first(bundled):
    found = ranked(bundled.exercises, "海上联合")
    zh = bundled.exercises.set_index("exercise_id")["name_zh"]
    named = [e for e in found["exercise_id"] if zh[e].startswith("海上联合-")]
    assert named and list(found["exercise_id"][: len(named)]) == named  # "海上联合-2024" before "第5次海上联合巡航"
    assert set(found[MATCH_COLUMN]) == {"Chinese name"}
    starts = list(bundled.exercises.set_index("exercise_id").loc[named, "start"])
    assert starts == sorted(starts, reverse=True)  # equals newest first


def test_a_year_word_matches_the_years_an_exercise_was_active(bundled):
    found = ranked(bundled.exercises, "Joint Sea 2019")
    assert first(found) == "joint_sea_2019"
    assert "joint_sea_2024" not in set(found["exercise_id"])
    in_2024 = ranked(bundled.exercises, "2024")
    active = exercises_in_view(bundled.exercises, ViewState((2024, 2024)))
    assert set(active["exercise_id"]) <= set(in_2024["exercise_id"])
    patrol = ranked(bundled.exercises, "strategic air patrol 2019")
    assert first(patrol) == "joint_air_patrol_2019_jul"


def test_summaries_and_participants_are_searched_after_names(bundled):
    found = ranked(bundled.exercises, "Simon's Town")
    assert "will_for_peace_2026" in set(found["exercise_id"])
    iran = ranked(bundled.exercises, "Iran")
    with_iran = set(bundled.exercises.loc[bundled.exercises["participant_codes"].map(lambda c: "IRN" in c),
                                          "exercise_id"])
    assert with_iran <= set(iran["exercise_id"])


def test_every_word_must_match(bundled):
    assert ranked(bundled.exercises, "Joint Sea zzzz").empty
    assert ranked(bundled.exercises, "(").empty
    assert ranked(bundled.exercises, "   ") is bundled.exercises


def test_the_page_orders_a_search_by_rank_and_says_why(bundled):
    scene = scene_for(bundled, ViewState((2005, 2026), search="Joint Sea 2024"))
    assert first(scene.shown) == "joint_sea_2024"
    assert list(scene.shown[RANK_COLUMN]) == list(range(1, len(scene.shown) + 1))
    table = table_frame(scene.shown, bundled.regions)
    assert list(table.columns[:2]) == ["name", "matched"] and table.iloc[0]["matched"] == "English name"
    assert "matched" not in table_frame(scene_for(bundled, ViewState((2005, 2026))).shown, bundled.regions)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_name_written_any_way_ranks_its_exercise_first(bundled, data):
    record = data.draw(st.sampled_from(bundled.exercises.to_dict("records")))
    column = data.draw(st.sampled_from([c for c in ("name", "name_ru", "name_zh") if record[c]]))
    name = record[column]
    separators = st.sampled_from([" ", "-", "–", "—", "_", "  ", "·", "/"])
    written = "".join(
        (data.draw(separators) if not char.isalnum() else
         data.draw(st.sampled_from([char, char.upper(), char.lower()])))
        for char in name
    )
    found = ranked(bundled.exercises, written)
    top = found.loc[found[RANK_COLUMN] == 1].iloc[0]
    assert fold(top[column]) == fold(name) or fold(name) in {fold(top[c]) for c in ("name", "name_ru", "name_zh")}


ADVERSARIAL = st.one_of(
    st.text(min_size=0, max_size=2_000),
    st.builds(lambda unit, n: unit * n,
              st.sampled_from(["a1", "-", "\u0301", "1", "a\u0301-", "海1", " ", "é", "ﬀ", "\u2028", "Ǆ"]),
              st.integers(1, 50_000)),
)


@settings(max_examples=60, deadline=None)
@given(text=ADVERSARIAL)
def test_fold_is_linear_idempotent_and_tidy(text):
    folded = fold(text)
    assert fold(fold(text[:3_000])) == fold(text[:3_000])
    assert "  " not in folded and folded == folded.strip()
    assert len(folded) <= 2 * min(len(text) * 3, 10_000 * 3)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=ADVERSARIAL)
def test_any_search_text_gives_a_ranked_subset(bundled, text):
    found = ranked(bundled.exercises, text[:100])
    assert set(found["exercise_id"]) <= set(bundled.exercises["exercise_id"])
    if RANK_COLUMN in found:
        assert list(found[RANK_COLUMN]) == list(range(1, len(found) + 1))
