"""An example for every parameter in the OpenAPI document (``/docs`` shows it ready to try).

Parameters declared with their own ``examples`` keep them; the others get the example of this table by name,
so a new endpoint with a usual parameter name is documented without repeating it.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

PARAM_EXAMPLES: dict[str, Any] = {
    "task_id": "d-0123456789ab/T05",
    "agency_id": "浙江省市场监督管理局",
    "doc_id": "d-0123456789ab",
    "name": "tasks",
    "limit": 20,
    "offset": 0,
    "format": "csv",
    "role": "lead",
    "q": "省市场监管局",
    "led_by": "市场监管局",
    "agency": "market_regulation",
    "topic": "carbon-metrology",
    "jurisdiction": "浙江省",
    "year": 2025,
    "text": "计量",
    "metric": "计量标准",
    "level": "provincial",
    "include_stubs": False,
    "min_jurisdictions": 2,
    "min_weight": 2,
    "sort": "-title",
    "facet_size": 10,
    "X-API-Key": "change-me",
    "x-api-key": "change-me",
}


def add_parameter_examples(app: FastAPI) -> None:
    """Wrap ``app.openapi`` so that every parameter without an example gets one from :data:`PARAM_EXAMPLES`."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        schema = build()
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                for param in operation.get("parameters", []):
                    if "example" in param or "examples" in param:
                        continue
                    name = param.get("name")
                    if name in PARAM_EXAMPLES:
                        param["example"] = PARAM_EXAMPLES[name]
                    elif param.get("schema", {}).get("enum"):
                        param["example"] = param["schema"]["enum"][0]
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
