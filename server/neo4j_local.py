"""A Neo4j Community server run by the project itself, without Docker.

The runtime jars come from Maven Central (org.neo4j:neo4j, runtime scope) into a
cache shared by every instance; each instance has its own home folder holding
neo4j.conf, data, logs, the pid file and the generated password.
"""

from __future__ import annotations

import errno
import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, ClientError, ServiceUnavailable, SessionExpired

from resolvers.statements import statement
from server.settings import Settings
from server.transaction_memory import TransactionMemoryTooSmall, transaction_memory

POM_TEMPLATE = """<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>peergraph.local</groupId>
  <artifactId>neo4j-runtime</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.neo4j</groupId>
      <artifactId>neo4j</artifactId>
      <version>{version}</version>
    </dependency>
  </dependencies>
</project>
"""

# The flags the official launcher adds (see `neo4j console --dry-run` and the
# default neo4j.conf): Netty and the page cache need these on Java 17.
JVM_FLAGS = (
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+DisableExplicitGC",
    "-XX:+ExitOnOutOfMemoryError",
    "-Dfile.encoding=UTF-8",
)
JAVA_NEEDED = (
    "Java 17 (a JDK or JRE) runs the managed Neo4j 5.26; install it, or set NEO4J_URI "
    "to use a Neo4j of your own"
)


class Neo4jLocalError(RuntimeError):
    """The managed server could not be provisioned, started or stopped."""


@dataclass(frozen=True)
class Status:
    running: bool
    uri: str
    pid: int | None
    version: str | None
    data_dir: Path


class ManagedNeo4j:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.home = settings.neo4j_home.resolve()
        self.runtime = (
            settings.neo4j_cache.expanduser().resolve() / f"neo4j-{settings.neo4j_version}"
        )
        self.port = settings.neo4j_bolt_port

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"

    @property
    def lib_dir(self) -> Path:
        return self.runtime / "lib"

    @property
    def data_dir(self) -> Path:
        return self.home / "data"

    @property
    def pid_file(self) -> Path:
        return self.home / "run" / "neo4j.pid"

    @property
    def console_log(self) -> Path:
        return self.home / "logs" / "console.log"

    @property
    def password_file(self) -> Path:
        return self.home / "password"

    def password(self) -> str:
        """Generated once and kept in a 0600 file. Never NEO4J_PASSWORD: that is the password
        of the server NEO4J_URI names, and a .env written for compose sets it too."""
        path = self.password_file
        if path.exists():
            return path.read_text().strip()
        self.home.mkdir(parents=True, exist_ok=True)
        # hex, not urlsafe: neo4j-admin takes a password starting with "-" for an option
        password = secrets.token_hex(24)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as file:
            file.write(password + "\n")
        return password

    # provisioning

    def installed(self) -> bool:
        return (self.lib_dir / f"neo4j-{self.settings.neo4j_version}.jar").exists()

    def install(self) -> bool:
        """Fetch the runtime jars once; True when this call downloaded them."""
        if self.installed():
            return False
        _require_tool("java", JAVA_NEEDED)
        _require_tool("mvn", "Maven is needed to fetch the Neo4j runtime from Maven Central")
        staging = self.runtime.with_name(self.runtime.name + ".partial")
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        (staging / "pom.xml").write_text(POM_TEMPLATE.format(version=self.settings.neo4j_version))
        command = [
            "mvn", "-B", "-q", "-f", str(staging / "pom.xml"),
            "dependency:copy-dependencies",
            "-DincludeScope=runtime",
            f"-DoutputDirectory={staging / 'lib'}",
        ]  # fmt: skip
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            tail = (result.stdout + result.stderr).strip().splitlines()[-15:]
            raise Neo4jLocalError(
                "fetching Neo4j from Maven Central failed:\n  "
                + " ".join(command)
                + "\n"
                + "\n".join(tail)
            )
        shutil.rmtree(self.runtime, ignore_errors=True)
        staging.rename(self.runtime)
        return True

    # lifecycle

    def pid(self) -> int | None:
        try:
            pid = int(self.pid_file.read_text().strip())
        except (FileNotFoundError, ValueError):
            return None
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        return pid

    def start(self) -> bool:
        """Start the server and wait until it answers queries; False when it already ran."""
        if self.pid() is not None:
            self._wait_until_ready(None)
            return False
        self.install()
        _require_tool("java", JAVA_NEEDED)
        if _port_taken(self.port):
            raise Neo4jLocalError(
                f"port {self.port} is taken by another process (another Neo4j?), so the "
                "managed Neo4j cannot listen on it: set PEERGRAPH_NEO4J_BOLT_PORT to a free port"
            )
        self._write_config()
        first_start = not (self.data_dir / "databases").exists()
        if first_start:
            self._set_initial_password()
        self.console_log.parent.mkdir(parents=True, exist_ok=True)
        self.pid_file.parent.mkdir(parents=True, exist_ok=True)
        with self.console_log.open("ab") as log:
            process = subprocess.Popen(
                self._java_command(),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.pid_file.write_text(f"{process.pid}\n")
        self._wait_until_ready(process)
        return True

    def stop(self, timeout: float = 60.0) -> bool:
        """SIGTERM and wait for a clean shutdown; False when it was not running."""
        pid = self.pid()
        if pid is None:
            self.pid_file.unlink(missing_ok=True)
            return False
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not _alive(pid):
                break
            time.sleep(0.2)
        else:
            os.kill(pid, signal.SIGKILL)
        self.pid_file.unlink(missing_ok=True)
        return True

    def import_full(
        self, nodes: list[Path], relationships: list[Path], *, array_delimiter: str
    ) -> None:
        """Replace the stopped server's database with these neo4j-admin CSV files, whose
        string[] properties join their strings with `array_delimiter`."""
        if self.pid() is not None:
            raise Neo4jLocalError("neo4j-admin imports into a stopped server; stop Neo4j first")
        self.install()
        _require_tool("java", JAVA_NEEDED)
        self._write_config()
        options = [
            *(f"--nodes={path}" for path in nodes),
            *(f"--relationships={path}" for path in relationships),
        ]
        command = [
            "java",
            f"-Xmx{self.settings.neo4j_heap}",
            f"-Dbasedir={self.home}",
            "-cp",
            f"{self.lib_dir}/*",
            "org.neo4j.server.startup.Neo4jAdminCommand",
            *("database", "import", "full", self.settings.neo4j_database),
            "--overwrite-destination",
            "--multiline-fields=true",
            f"--array-delimiter=U+{ord(array_delimiter):04X}",
            f"--report-file={self.home / 'logs' / 'import.report'}",
            *options,
        ]
        env = {**os.environ, "NEO4J_CONF": str(self.home / "conf"), "NEO4J_HOME": str(self.home)}
        result = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
        if result.returncode != 0:
            tail = (result.stdout + result.stderr).strip().splitlines()[-15:]
            raise Neo4jLocalError("neo4j-admin database import failed:\n" + "\n".join(tail))

    def status(self) -> Status:
        pid = self.pid()
        version = self._server_version() if pid is not None else None
        return Status(pid is not None, self.uri, pid, version, self.data_dir)

    # internals

    def _java_command(self) -> list[str]:
        heap = self.settings.neo4j_heap
        return [
            "java",
            f"-Xms{heap}",
            f"-Xmx{heap}",
            *JVM_FLAGS,
            "-cp",
            f"{self.lib_dir}/*",
            "org.neo4j.server.CommunityEntryPoint",
            f"--home-dir={self.home}",
            f"--config-dir={self.home / 'conf'}",
            "--console-mode",
        ]

    def _write_config(self) -> None:
        settings = self.settings
        transaction_timeout = settings.transaction_timeouts().write_transaction
        try:
            memory = transaction_memory(
                settings.neo4j_heap, settings.workers * settings.database_turns
            )
        except TransactionMemoryTooSmall as refused:
            raise Neo4jLocalError(str(refused)) from None
        lines = {
            "server.default_listen_address": "127.0.0.1",
            "server.bolt.listen_address": f"127.0.0.1:{self.port}",
            "server.bolt.advertised_address": f"127.0.0.1:{self.port}",
            "server.http.enabled": "false",
            "server.https.enabled": "false",
            "server.memory.heap.initial_size": settings.neo4j_heap,
            "server.memory.heap.max_size": settings.neo4j_heap,
            "server.memory.pagecache.size": settings.neo4j_pagecache,
            "dbms.usage_report.enabled": "false",
            "db.transaction.timeout": f"{max(1, round(transaction_timeout))}s",
            # Timed-out statements stop within 0.1 s, not 2 s: the API reports TIMEOUT before it
            # gives up waiting for an answer (core/timeouts.py, answer_grace).
            "db.transaction.monitor.check.interval": "100ms",
            # One heavy request fails alone (BAD_USER_INPUT) instead of taking the memory of
            # every other one (resolvers/database.py).
            "db.memory.transaction.max": f"{memory.per_transaction}m",
            "dbms.memory.transaction.total.max": f"{memory.total}m",
            "server.directories.data": str(self.data_dir),
            "server.directories.logs": str(self.home / "logs"),
            "server.directories.run": str(self.home / "run"),
            "server.directories.import": str(self.home / "import"),
            "server.directories.plugins": str(self.home / "plugins"),
        }
        conf = self.home / "conf"
        conf.mkdir(parents=True, exist_ok=True)
        (conf / "neo4j.conf").write_text("".join(f"{k}={v}\n" for k, v in lines.items()))

    def _set_initial_password(self) -> None:
        command = [
            "java",
            f"-Dbasedir={self.home}",
            "-cp",
            f"{self.lib_dir}/*",
            "org.neo4j.server.startup.Neo4jAdminCommand",
            "dbms",
            "set-initial-password",
            self.password(),
        ]
        env = {**os.environ, "NEO4J_CONF": str(self.home / "conf"), "NEO4J_HOME": str(self.home)}
        result = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
        if result.returncode != 0:
            raise Neo4jLocalError("setting the Neo4j password failed: " + result.stderr.strip())

    def _wait_until_ready(self, process: subprocess.Popen[bytes] | None) -> None:
        deadline = time.monotonic() + self.settings.neo4j_start_timeout
        last_error: Exception | None = None
        while time.monotonic() < deadline:
            if process is not None and process.poll() is not None:
                raise Neo4jLocalError(
                    f"Neo4j exited with code {process.returncode} while starting: "
                    f"{_last_error(self.console_log)} (the whole log: {self.console_log})"
                )
            try:
                self._query(self.settings.neo4j_database, "ping")
                return
            except (ServiceUnavailable, SessionExpired, OSError) as error:
                last_error = error
            except AuthError as error:
                raise Neo4jLocalError(
                    f"the managed Neo4j at {self.uri} refused the password in "
                    f"{self.password_file}: its data was set up with another one; restore that "
                    f"file, or remove {self.data_dir} to start afresh"
                ) from error
            except ClientError as error:
                if error.code != "Neo.ClientError.Database.DatabaseNotFound":
                    raise
                raise Neo4jLocalError(
                    f"the managed Neo4j has no database '{self.settings.neo4j_database}': "
                    "Neo4j Community serves one, 'neo4j'; unset NEO4J_DATABASE"
                ) from error
            time.sleep(0.5)
        raise Neo4jLocalError(
            f"Neo4j did not answer on {self.uri} within "
            f"{self.settings.neo4j_start_timeout}s ({last_error})"
        )

    def _server_version(self) -> str | None:
        try:
            return str(self._query("system", "server_version")["version"])
        except (ServiceUnavailable, SessionExpired, AuthError, OSError):
            return None

    def _query(self, database: str, name: str) -> dict[str, Any]:
        """One auto-commit query, without the driver's retries: callers poll themselves."""
        with (
            GraphDatabase.driver(
                self.uri,
                auth=("neo4j", self.password()),
                connection_timeout=2.0,
                connection_acquisition_timeout=5.0,
            ) as driver,
            driver.session(database=database) as session,
        ):
            record = session.run(statement(name)).single(strict=True)
            return record.data()


def _alive(pid: int) -> bool:
    try:
        waited, _ = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        waited = 0
    if waited == pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return not _zombie(pid)


def _zombie(pid: int) -> bool:
    """Exited, and waiting for a parent other than this process to reap it."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[-1].split()[:1] == ["Z"]


def _require_tool(name: str, why: str) -> None:
    if shutil.which(name) is None:
        raise Neo4jLocalError(f"'{name}' was not found on PATH: {why}")


def _port_taken(port: int) -> bool:
    with socket.socket() as probe:
        # as servers do: a port whose last connections linger in TIME_WAIT is free
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                return True
            raise
    return False


def _last_error(log: Path) -> str:
    """The log's last line that reports an error, else its last line."""
    try:
        lines = [line.strip() for line in log.read_text(errors="replace").splitlines()]
    except FileNotFoundError:
        return "it wrote no log"
    lines = [line for line in lines if line]
    errors = [line for line in lines if " ERROR " in line or "Exception" in line]
    return (errors or lines or ["its log is empty"])[-1]
