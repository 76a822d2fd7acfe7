"""The curators' validator: exit status and messages."""

from __future__ import annotations

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


def test_unreadable_file_exits_two(small_data, capsys):
    (small_data / "regions.geojson").unlink()
    assert main(["--data-dir", str(small_data)]) == 2
    assert "regions.geojson: file not found" in capsys.readouterr().err
