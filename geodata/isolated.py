"""Run work on untrusted input in a child process: GDAL locked down, memory capped, time limited.

Uploaded files are read by GDAL, which picks a driver from a file's *content*: a ``.kml`` that
is really an OGR VRT document reads any file on the server, and the WFS, OAPIF, HTTP and
GDALG drivers reach the network. The main server process needs GDAL's drivers for its own
data and exports, so uploads are never read there. :func:`run_isolated` runs a function in a
child forked from a *locked-down* server process, where:

- GDAL has registered only :data:`READER_DRIVERS` (``OGR_SKIP`` is set before GDAL is loaded;
  :func:`assert_locked_down` fails closed if any other driver is present);
- GDAL's HTTP client goes to a proxy on a closed loopback port (:data:`LOCKDOWN_CONFIG`), so
  even a driver bug cannot reach another host;
- the child's data segment is capped (``RLIMIT_DATA``, :data:`MEMORY_LIMIT_BYTES`), it runs at
  a lower CPU priority, and it is killed after ``timeout`` seconds;
- at most :data:`MAX_CONCURRENT` children run at once across every session, so one visitor
  cannot take both cores from the others.

The locked-down server is a ``multiprocessing`` forkserver: a fresh interpreter started once,
which imports the readers and GDAL under the settings above; each job is a fork of it (about
20 ms), so no state survives from one upload to the next.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import threading
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

READER_DRIVERS = frozenset({"GeoJSON", "KML", "LIBKML", "ESRI Shapefile"})
"""The only GDAL drivers registered where uploads are read (CSV is parsed by Python). LIBKML
reads KML's ExtendedData; it follows ``<NetworkLink>`` only within a KMZ or folder, never for
the single in-memory document it is given here, and :mod:`geodata.uploads` refuses KML that
holds one."""

LOCKDOWN_CONFIG = {
    "GDAL_HTTP_PROXY": "127.0.0.1:9",
    "GDAL_HTTP_TIMEOUT": "1",
    "GDAL_HTTP_MAX_RETRY": "0",
    "CPL_VSIL_CURL_ALLOWED_EXTENSIONS": ".none",
    "GDAL_DISABLE_READDIR_ON_OPEN": "EMPTY_DIR",
    "GDAL_VRT_ENABLE_PYTHON": "NO",
    "OGR_GEOJSON_MAX_OBJ_SIZE": "64",
}
"""GDAL settings of the locked-down server, set before GDAL is loaded there (with ``OGR_SKIP``,
see :func:`lockdown_environment`)."""

MEMORY_LIMIT_BYTES = 900 * 1024 * 1024
"""``RLIMIT_DATA`` of each child: the imported libraries take about 300 MB of it; reading the
largest allowed upload takes about 250 MB more."""
MAX_CONCURRENT = 1
"""Children running at once, across every session (the machine has 2 cores)."""
QUEUE_WAIT_S = 20.0
"""How long a job waits for a free place before it is turned away with :class:`Busy`."""

_T = TypeVar("_T")
_slots = threading.BoundedSemaphore(MAX_CONCURRENT)
_context_lock = threading.Lock()
_context: multiprocessing.context.ForkServerContext | None = None


class IsolationError(Exception):
    """The child did not return a result: it timed out, ran out of memory or failed."""


class TimedOut(IsolationError):
    """The child ran longer than its time limit and was killed."""


class Busy(IsolationError):
    """Every place for a child was taken for longer than :data:`QUEUE_WAIT_S`."""


def lockdown_environment() -> dict[str, str]:
    """Environment that makes GDAL register only :data:`READER_DRIVERS` when it loads.

    ``OGR_SKIP`` names every other vector driver this GDAL registers (the same library is loaded
    in the child). A driver it misses, whatever the reason, is caught by
    :func:`assert_locked_down`, which then refuses to read anything.
    """
    import pyogrio

    skipped = sorted(set(pyogrio.list_drivers()) - READER_DRIVERS)
    return {**LOCKDOWN_CONFIG, "OGR_SKIP": ",".join(skipped)}


def assert_locked_down() -> None:
    """Raise :class:`IsolationError` unless GDAL here has only :data:`READER_DRIVERS`.

    Called in every child before it reads anything, so a GDAL that registered another driver
    (one :data:`KNOWN_DRIVERS` does not name) reads nothing instead of reading it.
    """
    import pyogrio

    extra = set(pyogrio.list_drivers()) - READER_DRIVERS
    if extra:
        raise IsolationError(f"GDAL is not locked down: drivers {sorted(extra)} are registered")


def _server_context() -> multiprocessing.context.ForkServerContext:
    """Return the forkserver, started on first use with the lockdown in its environment."""
    global _context
    with _context_lock:
        if _context is None:
            context = multiprocessing.get_context("forkserver")
            # The forkserver is a fresh interpreter that inherits this environment when it starts:
            # set the lockdown, start it, and restore this process's own settings (its GDAL is
            # already loaded, so they change nothing here).
            lockdown = lockdown_environment()
            saved = {name: os.environ.get(name) for name in lockdown}
            os.environ.update(lockdown)
            try:
                context.set_forkserver_preload(["geodata.isolated_preload"])
                from multiprocessing import forkserver

                forkserver.ensure_running()
            finally:
                for name, value in saved.items():
                    if value is None:
                        os.environ.pop(name, None)
                    else:
                        os.environ[name] = value
            _context = context
        return _context


def _child(connection: multiprocessing.connection.Connection, function: Callable, args: tuple, limit: int) -> None:
    import resource

    try:
        resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))
        os.nice(10)
        assert_locked_down()
        connection.send((True, function(*args)))
    except MemoryError:
        connection.send((False, "memory"))
    except BaseException as error:  # noqa: BLE001 - reported to the parent, never re-raised here
        connection.send((False, "".join(traceback.format_exception_only(type(error), error)).strip()))
    finally:
        connection.close()


def run_isolated(
    function: Callable[..., _T], *args: Any, timeout: float, memory_limit: int = MEMORY_LIMIT_BYTES
) -> _T:
    """Call ``function(*args)`` in a locked-down child process and return its result.

    Parameters
    ----------
    function : callable
        A module-level function (it is pickled by name); its arguments and result are pickled.
    *args
        Its arguments.
    timeout : float
        Seconds the child may run; it is killed after that.
    memory_limit : int, default :data:`MEMORY_LIMIT_BYTES`
        The child's ``RLIMIT_DATA`` in bytes.

    Returns
    -------
    object
        What ``function`` returned.

    Raises
    ------
    Busy
        No place for a child came free within :data:`QUEUE_WAIT_S`.
    TimedOut
        The child ran longer than ``timeout``.
    IsolationError
        The child ran out of memory, crashed or raised (the message says which).
    """
    if not _slots.acquire(timeout=QUEUE_WAIT_S):
        raise Busy("the server is busy reading other files; try again in a minute")
    try:
        context = _server_context()
        receiver, sender = context.Pipe(duplex=False)
        process = context.Process(target=_child, args=(sender, function, args, memory_limit), daemon=True)
        process.start()
        sender.close()
        try:
            if not receiver.poll(timeout):
                raise TimedOut(f"took longer than {timeout:g} s")
            ok, value = receiver.recv()
        except EOFError as error:
            raise IsolationError(f"the reader stopped without an answer (exit code {process.exitcode})") from error
        finally:
            receiver.close()
            if process.is_alive():
                process.kill()
            process.join(5)
        if not ok:
            if value == "memory":
                raise IsolationError(f"needed more than {memory_limit // (1024 * 1024):,} MB of memory")
            raise IsolationError(value)
        return value
    finally:
        _slots.release()
