"""The API against its own OpenAPI spec (schemathesis): generated requests, valid and not, must
get documented statuses and bodies that match the spec, and never a server error."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings

from storyline.web.app import WebConfig, create_app
from tests.web.conftest import TOKEN

EXAMPLES = 30  # per operation; derandomized, so CI sees the same requests every run


def test_api_matches_its_spec(web_db, analyser):
    app = create_app(WebConfig(web_db, token=TOKEN), analyser)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    checked = []
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))
        def check(case) -> None:
            case.call_and_validate()

        check()
        checked.append(operation.label)
    assert len(checked) == 7, checked
