"""docker-compose.yml against the Compose Specification schema; the Dockerfile installs like the README."""

from __future__ import annotations

import copy
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((REPO / "tests" / "data" / "compose-spec.json").read_text())


def _compose() -> dict:
    return yaml.safe_load((REPO / "docker-compose.yml").read_text())


def _validate(doc: dict) -> None:
    # the upstream schema is written for draft 7 (older copies declare a draft URL jsonschema does not know)
    jsonschema.Draft7Validator(SCHEMA).validate(doc)


def test_compose_file_matches_the_compose_specification():
    _validate(_compose())


def test_the_schema_rejects_a_broken_compose_file():
    doc = copy.deepcopy(_compose())
    doc["services"]["api"]["depends_on"]["neo4j"]["condition"] = "when_ready"
    with pytest.raises(jsonschema.ValidationError):
        _validate(doc)


def neo4j_version_under_test() -> str:
    """The Neo4j version of the test server (tools/neo4j-server/pom.xml)."""
    pom = ET.parse(REPO / "tools" / "neo4j-server" / "pom.xml").getroot()
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    return pom.find("m:properties/m:neo4j.version", ns).text.strip()


def test_services_are_wired_for_neo4j():
    services = _compose()["services"]
    neo4j = services["neo4j"]
    assert neo4j["image"] == f"neo4j:{neo4j_version_under_test()}-community"  # the server the tests run
    assert "healthcheck" in neo4j and neo4j["volumes"]
    assert "NEO4J_AUTH" in neo4j["environment"]
    for name in ("api", "ingest"):
        service = services[name]
        assert service["build"] == "."
        assert service["depends_on"]["neo4j"]["condition"] == "service_healthy"
        assert re.match(r"(neo4j|bolt)://neo4j:7687$", service["environment"]["PLANGRAPH_GRAPH_URI"])
    assert services["ingest"]["command"] == ["plangraph", "ingest", "data/seeds"]


def test_dockerfile_install_step_is_the_readme_install_step():
    steps = [
        line.removeprefix("RUN ").strip()
        for line in (REPO / "Dockerfile").read_text().splitlines()
        if line.startswith("RUN pip install")
    ]
    assert steps == ["pip install ."]
    readme = (REPO / "README.md").read_text()
    for step in steps:
        assert step in readme, f"README.md does not show the Dockerfile's install step `{step}`"
