"""External RDF engines for the interop tests: Apache Jena (riot, arq), Raptor (rapper), serd
(serdi) and a private Virtuoso server, with the workarounds Debian's packages need (Jena's
explicit classpath and misplaced xerces resources; Virtuoso's ini pointed at a temp folder).

A missing engine skips its tests, unless KG_REQUIRE_ENGINES is set (.ci/run sets it), when it
fails them: CI installs every engine, so a missing one there is a broken install step.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from pathlib import Path
from typing import Optional

import pytest

JAVA_DIR = Path("/usr/share/java")
# Debian's libapache-jena-java: its jars and the jars it depends on, named explicitly
# (`-cp "/usr/share/java/*"` fails with an SLF4J delegation loop). slf4j-nop keeps it quiet.
JENA_DEPENDENCIES = ("commons-cli", "commons-codec", "commons-compress", "commons-csv", "commons-io",
                     "commons-lang3", "dexx.collection", "gson", "guava", "httpclient", "httpcore",
                     "jackson-core", "jackson-databind", "jackson-annotations", "jsonld-java",
                     "jakarta.json-api", "protobuf", "slf4j-api", "slf4j-nop", "thrift", "titanium-json-ld")
VIRTUOSO_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
XERCES_PREFIX = "org/apache/jena/ext/xerces/"


def engines_required() -> bool:
    return bool(os.environ.get("KG_REQUIRE_ENGINES"))


def need(binary: str, package: str) -> str:
    """The binary's path; skip (or fail under KG_REQUIRE_ENGINES) when it is not installed."""
    path = shutil.which(binary)
    if path is None:
        message = f"{binary} not found (apt-get install {package}; .ci/run installs it)"
        if engines_required():
            pytest.fail(message + " and KG_REQUIRE_ENGINES is set", pytrace=False)
        pytest.skip(message)
    return path


def run(cmd: list[str], timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", timeout=timeout)


# ---------------------------------------------------------------- Jena

class Jena:
    """Runs Jena's command classes (riotcmd.riot, arq.arq...) on Debian's jars."""

    def __init__(self, cache: Path):
        need("java", "default-jre-headless")
        jars = sorted(JAVA_DIR.glob("jena-*.jar"))
        unversioned = [j for j in jars if not re.search(r"-\d[\d.]*\.jar$", j.name)]
        if not unversioned:
            message = f"no Jena jars in {JAVA_DIR} (apt-get install libapache-jena-java; .ci/run installs it)"
            if engines_required():
                pytest.fail(message + " and KG_REQUIRE_ENGINES is set", pytrace=False)
            pytest.skip(message)
        deps = []
        for name in JENA_DEPENDENCIES:
            jar = JAVA_DIR / f"{name}.jar"
            if not jar.is_file():
                pytest.fail(f"{jar} missing: libapache-jena-java's dependencies are incomplete", pytrace=False)
            deps.append(jar)
        self.classpath = os.pathsep.join(str(p) for p in [self._xerces_resources(cache), *unversioned, *deps])

    @staticmethod
    def _xerces_resources(cache: Path) -> Path:
        """Debian's jena-core.jar moved the shaded xerces classes to ``xerces/`` but left their
        message files under ``org/apache/jena/ext/xerces/``; every command then fails at start
        (ExceptionInInitializerError in XSSimpleTypeDecl). Lay the files out where the classes
        look for them, in a folder put first on the classpath."""
        folder = cache / "jena-xerces-resources"
        done = folder / ".complete"
        if not done.exists():
            with zipfile.ZipFile(JAVA_DIR / "jena-core.jar") as jar:
                for name in jar.namelist():
                    if name.startswith(XERCES_PREFIX) and not name.endswith((".class", "/")):
                        target = folder / name[len("org/apache/jena/ext/"):]
                        target.parent.mkdir(parents=True, exist_ok=True)
                        target.write_bytes(jar.read(name))
            done.write_text("ok\n")
        return folder

    def run(self, main_class: str, *args: str, timeout: float = 180) -> subprocess.CompletedProcess:
        return run(["java", "-Xshare:auto", "-cp", self.classpath, main_class, *args], timeout=timeout)

    def riot_validate(self, path: Path) -> subprocess.CompletedProcess:
        return self.run("riotcmd.riot", "--validate", str(path))

    def arq_json(self, data: Path, query: Path) -> dict:
        done = self.run("arq.arq", "--data", str(data), "--query", str(query), "--results=json")
        assert done.returncode == 0, f"arq failed on {query.name}:\n{done.stderr}"
        return json.loads(done.stdout)


# ---------------------------------------------------------------- Virtuoso

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Virtuoso:
    """A private Virtuoso 7 on 127.0.0.1 with its database in ``folder``; stop() ends it by PID."""

    user, password = "dba", "dba"  # the Debian package cannot set another here

    def __init__(self, folder: Path):
        self.binary = need("virtuoso-t", "virtuoso-opensource-7")
        self.isql_binary = need("isql-vt", "virtuoso-opensource-7")
        if not VIRTUOSO_INI.is_file():
            pytest.fail(f"{VIRTUOSO_INI} missing: virtuoso-opensource-7 is not installed whole", pytrace=False)
        self.folder = folder
        self.sql_port, self.http_port = free_port(), free_port()
        self.process: Optional[subprocess.Popen] = None
        self.base = f"http://127.0.0.1:{self.http_port}"

    def _ini(self) -> str:
        db = self.folder / "db"
        db.mkdir(parents=True, exist_ok=True)
        text = VIRTUOSO_INI.read_text(encoding="utf-8")
        text = re.sub(r"/var/lib/virtuoso-opensource-7/db/", str(db) + "/", text)
        sections = re.split(r"(?m)^(?=\[)", text)
        out = []
        for section in sections:
            if section.startswith("[Parameters]"):
                section = re.sub(r"(?m)^ServerPort\s*=.*$", f"ServerPort = 127.0.0.1:{self.sql_port}", section)
                section += "\n"
            elif section.startswith("[HTTPServer]"):
                section = re.sub(r"(?m)^ServerPort\s*=.*$", f"ServerPort = 127.0.0.1:{self.http_port}", section)
            elif section.startswith("[SPARQL]"):
                # the canned queries' full answers, not the first 10,000 rows
                section = re.sub(r"(?m)^ResultSetMaxRows\s*=.*$", "ResultSetMaxRows = 1000000", section)
                # Virtuoso's cost estimator refuses `sources` and `flows` (nested OPTIONALs) once the
                # store has seen a few loads and deletes, estimating hours for a query that takes
                # milliseconds; 0 turns the estimate check off (MaxQueryExecutionTime still applies)
                section = re.sub(r"(?m)^MaxQueryCostEstimationTime\s*=.*$", "MaxQueryCostEstimationTime = 0",
                                 section)
            elif section.startswith("[URIQA]"):
                section = re.sub(r"(?m)^DefaultHost\s*=.*$", f"DefaultHost = 127.0.0.1:{self.http_port}", section)
            out.append(section)
        return "".join(out)

    def start(self, timeout: float = 90) -> "Virtuoso":
        ini = self.folder / "virtuoso.ini"
        ini.write_text(self._ini(), encoding="utf-8")
        self.log = open(self.folder / "stdout.log", "wb")
        self.process = subprocess.Popen([self.binary, "+foreground", "+configfile", str(ini)], cwd=self.folder,
                                        stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"virtuoso-t exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                self.select("ASK { ?s ?p ?o }")
                return self
            except (OSError, ValueError, AssertionError):
                time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"Virtuoso did not answer on {self.base}/sparql within {timeout:g} s:\n{self.log_tail()}")

    def log_tail(self) -> str:
        path = self.folder / "db" / "virtuoso.log"
        text = path.read_text(errors="replace") if path.exists() else ""
        return text[-3000:]

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                os.kill(self.process.pid, signal.SIGKILL)
                self.process.wait(10)
        if self.process is not None:
            self.log.close()
        self.process = None

    def isql(self, sql: str) -> str:
        """Run SQL through isql-vt; it exits 0 even when the SQL fails, so read its output."""
        done = run([self.isql_binary, f"127.0.0.1:{self.sql_port}", self.user, self.password, f"exec={sql}"],
                   timeout=120)
        output = done.stdout + done.stderr
        if done.returncode != 0 or re.search(r"\*\*\* Error|^Error", output, re.M):
            raise RuntimeError(f"isql-vt failed on {sql!r}:\n{output}")
        return output

    @property
    def gsp(self) -> str:
        """The Graph Store Protocol endpoint with Digest auth (dba/dba)."""
        return self.base + "/sparql-graph-crud-auth"

    @property
    def gsp_anonymous(self) -> str:
        """The anonymous Graph Store endpoint; writing needs grant_anonymous_update() first."""
        return self.base + "/sparql-graph-crud"

    def grant_anonymous_update(self) -> None:
        self.isql('GRANT SPARQL_UPDATE TO "SPARQL";')

    def select(self, query: str, default_graph: Optional[str] = None, timeout: float = 120) -> dict:
        """A query over HTTP (/sparql), answered as SPARQL JSON results."""
        params = [("query", query)]
        if default_graph:
            params.append(("default-graph-uri", default_graph))
        request = urllib.request.Request(self.base + "/sparql", data=urllib.parse.urlencode(params).encode(),
                                         headers={"Accept": "application/sparql-results+json",
                                                  "Content-Type": "application/x-www-form-urlencoded"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as err:
            body = err.read().decode("utf-8", errors="replace")
            raise AssertionError(f"Virtuoso answered {err.code} to:\n{query}\n{body[:2000]}") from None

    def count(self, graph: Optional[str] = None) -> int:
        """Triples in one named graph (or in all graphs but Virtuoso's own, when graph is None)."""
        if graph:
            query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
        else:
            query = ("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                     "FILTER(!STRSTARTS(STR(?g), 'http://www.openlinksw.com/') "
                     "&& !STRSTARTS(STR(?g), 'http://localhost:') && !STRSTARTS(STR(?g), 'http://127.0.0.1:') "
                     "&& !STRSTARTS(STR(?g), 'http://www.w3.org/') && !STRSTARTS(STR(?g), 'urn:') "
                     "&& !STRSTARTS(STR(?g), 'virtrdf:')) }")
        data = self.select(query)
        return int(data["results"]["bindings"][0]["n"]["value"])

    def clear(self, graph: str) -> None:
        self.isql(f"SPARQL CLEAR GRAPH <{graph}>;")
