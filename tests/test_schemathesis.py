"""A bounded schemathesis run over the OpenAPI document: no generated request gets a 5xx answer."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from plangraph.api.app import create_app
from pydantic import SecretStr
from queries_sample import open_sample_store
from schemathesis.checks import not_a_server_error

KEY = "fuzz-key"
EXAMPLES = 8


@pytest.fixture(scope="module")
def app(falkor_settings):
    store = open_sample_store(falkor_settings, "plangraph_fuzz")
    conf = falkor_settings.model_copy(update={"graph_name": "plangraph_fuzz", "api_key": SecretStr(KEY),
                                              "query_timeout_ms": 1000, "max_rows": 50})
    yield create_app(conf, store)
    store.close()


schema = schemathesis.pytest.from_fixture("api_schema")


@pytest.fixture(scope="module")
def api_schema(app):
    return schemathesis.openapi.from_asgi("/openapi.json", app)


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case) -> None:
    case.call_and_validate(headers={"X-API-Key": KEY}, checks=[not_a_server_error])
