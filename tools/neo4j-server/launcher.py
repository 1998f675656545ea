"""Start and stop the Neo4j 5 test server (``tools/neo4j-server``) from Python: tests and benchmarks.

``build()`` runs Maven once (``mvn -q -B package``; dependencies cached in ``~/.m2``) unless the jar is
newer than the pom and the source; ``start(dir)`` launches ``java -jar`` with a pipe as stdin, waits for
the ``bolt://`` line and returns a ``Neo4jServer`` whose ``stop()`` closes the pipe (the server then shuts
down cleanly). The server also stops by itself when this process dies.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
JAR = HERE / "target" / "neo4j-server.jar"
SOURCES = [HERE / "pom.xml", *sorted((HERE / "src").rglob("*.java"))]
START_TIMEOUT_S = 180.0


class LauncherError(RuntimeError):
    """Java or Maven is missing, the build failed, or the server did not start."""


def _need(tool: str, package: str) -> str:
    path = shutil.which(tool)
    if not path:
        raise LauncherError(
            f"`{tool}` is not installed: the Neo4j test server needs it "
            f"(Debian: apt-get install {package}; or set PLANGRAPH_TEST_NEO4J_URI to an existing Neo4j 5 server)"
        )
    return path


def jar_is_current() -> bool:
    """True when the jar and its dependency folder exist and are newer than the pom and sources."""
    if not JAR.exists() or not (JAR.parent / "lib").is_dir():
        return False
    built = JAR.stat().st_mtime
    return all(src.stat().st_mtime <= built for src in SOURCES)


def build(*, quiet: bool = True) -> Path:
    """Build the launcher jar with Maven if it is missing or stale; returns its path."""
    _need("java", "openjdk-17-jdk-headless")
    if jar_is_current():
        return JAR
    mvn = _need("mvn", "maven")
    cmd = [mvn, "-B", "package"] + (["-q"] if quiet else [])
    done = subprocess.run(cmd, cwd=HERE, capture_output=True, text=True)
    if done.returncode != 0 or not JAR.exists():
        tail = "\n".join((done.stdout + done.stderr).splitlines()[-30:])
        raise LauncherError(f"`{' '.join(cmd)}` in {HERE} failed (exit {done.returncode}):\n{tail}")
    return JAR


@dataclass
class Neo4jServer:
    """A running launcher process and its Bolt URI."""

    uri: str
    process: subprocess.Popen
    log: list[str] = field(default_factory=list)

    def stop(self, timeout: float = 60.0) -> int:
        """Close the server's stdin (it shuts down cleanly) and wait; kill it if it hangs."""
        if self.process.poll() is None:
            if self.process.stdin:
                self.process.stdin.close()
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode

    def __enter__(self) -> Neo4jServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start(directory: Path | str, *, heap: str = "1g", pagecache_mb: int = 256) -> Neo4jServer:
    """Build if needed, then start Neo4j with its data in ``directory``; returns once Bolt answers."""
    jar = build()
    java = _need("java", "openjdk-17-jdk-headless")
    cmd = [java, f"-Xmx{heap}", f"-Dneo4j.pagecache.mb={pagecache_mb}", "-XX:+UseSerialGC", "-jar", str(jar),
           str(directory)]  # fmt: skip
    proc = subprocess.Popen(
        cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=dict(os.environ), start_new_session=True,
    )  # fmt: skip
    log: list[str] = []

    def drain_stderr() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            log.append(line.rstrip())
            del log[:-200]

    threading.Thread(target=drain_stderr, daemon=True).start()
    uri: list[str] = []

    def read_uri() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:  # keep draining: a full pipe would block the server
            if not uri and line.startswith("bolt://"):
                uri.append(line.strip())
            else:
                log.append(line.rstrip())

    threading.Thread(target=read_uri, daemon=True).start()
    deadline = time.monotonic() + START_TIMEOUT_S
    while not uri and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    if not uri:
        proc.kill()
        proc.wait()
        tail = "\n".join(log[-20:])
        raise LauncherError(f"Neo4j did not start (exit {proc.returncode}, limit {START_TIMEOUT_S:.0f} s) ({' '.join(cmd)}):\n{tail}")
    return Neo4jServer(uri[0], proc, log)
