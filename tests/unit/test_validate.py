"""The curators' validator: exit status and messages."""

from __future__ import annotations

import math
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geodata.rules import identifiers_in
from geodata.validate import main


def test_clean_data_exits_zero(small_data, capsys):
    assert main(["--data-dir", str(small_data)]) == 0
    assert "4 exercises, 4 regions" in capsys.readouterr().out


def test_each_problem_is_printed_and_exit_is_one(small_data, capsys):
    path = small_data / "exercises.csv"
    path.write_text(path.read_text().replace("2016-09-19", "2015-01-01").replace("CHN;RUS;IRN", "CHN;Iran"))
    assert main(["--data-dir", str(small_data)]) == 1
    err = capsys.readouterr().err
    assert "error: exercises.csv, line 2, field 'end_date'" in err
    assert "error: exercises.csv, line 3, field 'participants': 'Iran'" in err


def test_a_bad_town_is_named_by_file_line_and_field(small_data, capsys):
    towns = small_data / "reference" / "towns.csv"
    towns.parent.mkdir(exist_ok=True)
    towns.write_text("geonameid,name,country,lat,lon,population,capital\n1,Far,RU,95,60,1,0\n2,Near,RU,55,60,1,0\n")
    assert main(["--data-dir", str(small_data)]) == 1
    captured = capsys.readouterr()
    assert "error: towns.csv, line 2, field 'lat'" in captured.err and "1 towns" in captured.out


def test_unreadable_file_exits_two(small_data, capsys):
    (small_data / "regions.geojson").unlink()
    assert main(["--data-dir", str(small_data)]) == 2
    assert "regions.geojson: file not found" in capsys.readouterr().err


def test_a_data_identifier_in_text_readers_see_is_a_warning_naming_file_line_and_field(small_data, capsys):
    path = small_data / "exercises.csv"
    path.write_text(path.read_text().replace(
        "Sources differ on the end date.",
        "Sources differ on the end date; keep north_sea_box (see https://example.org/a_b_c)."))
    assert main(["--data-dir", str(small_data)]) == 1
    err = capsys.readouterr().err
    assert ("warning: exercises.csv, line 3, field 'notes': names 'north_sea_box' as the data files do; "
            "readers see this text") in err
    assert "a_b_c" not in err  # words of a URL are the URL's


@pytest.mark.parametrize(("text", "found"), [
    ("drawn as the Sea of Japan", []),
    ("keeps sea_of_japan and region_ids.", ["sea_of_japan", "region_ids"]),
    ("(peter_the_great_gulf)", ["peter_the_great_gulf"]),
    ("a _lead and trail_ underscore, and __", []),
    ("https://example.org/x_y?q=a_b and www.example.org/a_b", ["a_b"]),
    ("Пояс_морской 海上_联合", ["Пояс_морской", "海上_联合"]),
])
def test_identifiers_in_finds_words_written_like_identifiers(text, found):
    assert identifiers_in(text) == found


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="a_ :/.\n", max_size=400))
def test_every_identifier_found_is_a_word_of_the_text_with_an_inner_underscore(text):
    for token in identifiers_in(text):
        assert token in text
        assert "_" in token.strip("_")


@pytest.mark.parametrize("unit", ["a_", "_", "a", "a_b ", "http://a_", "_a" * 3 + " "])
def test_identifiers_in_is_linear_on_long_hostile_text(unit):
    def cpu(repeats: int) -> float:
        text = unit * repeats
        best = math.inf
        for _ in range(5):
            start = time.thread_time()
            identifiers_in(text)
            best = min(best, time.thread_time() - start)
        return best

    small, large = cpu(5_000), cpu(20_000)
    assert large <= 8 * small + 0.005  # quadratic growth would be 16 times
