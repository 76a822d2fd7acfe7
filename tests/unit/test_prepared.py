"""view.prepared: what every page derives from the data once."""

from __future__ import annotations

import pandas as pd

from geodata.loaders import load_dataset
from view.prepared import prepare


def test_prepared_tables_keep_their_text_as_python_strings_with_the_same_values(small_data):
    loaded, prepared = load_dataset(small_data), prepare(small_data).dataset
    for name in ("exercises", "regions", "routes", "sources", "observations"):
        frame = getattr(prepared, name)
        text = [c for c, dtype in frame.dtypes.items() if isinstance(dtype, pd.StringDtype)]
        assert all(frame[c].dtype.storage == "python" for c in text), name
        assert all(frame[c].dtype.na_value is getattr(loaded, name)[c].dtype.na_value for c in text
                   if c in getattr(loaded, name)), name
    assert len(prepared.exercises.select_dtypes("str").columns) >= 10
    shared = [c for c in loaded.exercises.columns if c in prepared.exercises.columns]
    pd.testing.assert_frame_equal(prepared.exercises[shared].astype(object), loaded.exercises[shared].astype(object))
