"""Imported once by the locked-down forkserver of :mod:`geodata.isolated`, so each job's fork starts warm.

GDAL registers its drivers when pyogrio is first imported; the forkserver's environment already
holds the lockdown settings at that point, so only the reader drivers are registered.

Each job's child would also re-run the parent's ``__main__`` before its function
(``multiprocessing.spawn.prepare``): under ``streamlit run`` that is ``app.py`` itself, which
Streamlit installs as ``sys.modules["__main__"]`` while the script runs, so every upload would
run the whole page again in the reader. The jobs are functions of importable modules and never
need ``__main__``, so in this process (and only here) the two private hooks that do it are
replaced by no-ops. They exist under these names in CPython 3.8 to 3.14; a version without them
stops the forkserver at start, and :func:`geodata.isolated.run_isolated` then reports the failure.
"""

from multiprocessing import spawn

import geodata.uploads  # noqa: F401  (imported for its side effect: GDAL and the readers loaded)

for _hook in ("_fixup_main_from_path", "_fixup_main_from_name"):
    if not callable(getattr(spawn, _hook, None)):
        raise RuntimeError(f"multiprocessing.spawn.{_hook} is gone: review geodata/isolated_preload.py")
    setattr(spawn, _hook, lambda _main: None)
