"""A real store (SQLite file, real analysis) of articles written for these tests, and the web
app over it: TestClient for the API and pages, a real uvicorn server for the browser."""

from __future__ import annotations

import socket
import threading
import time
import uuid

import pytest

from storyline.api import Storyline
from storyline.models import RawDocument

TOKEN = "test-token-1234"
HOSTILE_TITLE = ('<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
                 'Storm <b>warning</b> for the coast')

SEAWALL_1 = """Harbor council approves new seawall after winter floods

PORTVALE — The Portvale harbor council on Monday approved a new seawall along the old port, \
after winter floods damaged more than 300 homes.

"We cannot wait for the next storm," Mayor Sarah Collins told reporters after the vote. \
The council said the seawall would cost 40 million dollars and take two years to build.

Work on the Portvale seawall is due to start in June, the council said. Police said 12 \
people were hurt in the floods.
"""

SEAWALL_2 = """Portvale seawall vote: council backs flood defence plan

PORTVALE — Portvale's harbor council approved the seawall plan on Monday, weeks after winter \
floods damaged homes along the old port.

Mayor Sarah Collins said the vote was overdue. "We cannot wait for the next storm," she said. \
Opposition councillors said the seawall would cost 55 million dollars, not the figure the \
council gave.

Construction of the Portvale seawall starts in June and the harbor council will review costs \
next year. Police said 15 people were hurt in the floods.
"""

RAIL = """Rail strike halts trains across the northern region

Train drivers in the northern region walked out on Friday in a dispute over pay, halting \
most services between Arden and Millbrook.

"This strike is about fairness," union leader Tomas Berg said at a rally in Arden. \
The rail operator said talks would resume next week.
"""

HOSTILE = """Storm warning for the coast

Forecasters issued a storm warning for the coast on Sunday. \
"<script>window.__pwned = 3</script> Stay indoors," the weather office said.

A note left by the reader: "><img src=x onerror=alert(1)> and <a href="javascript:alert(2)">\
click</a> were in the page.
"""


def documents() -> list[RawDocument]:
    return [
        RawDocument("seawall-1.txt", SEAWALL_1, "text", url="https://coastal.example/seawall",
                    outlet="Coastal Times", published="2024-03-04"),
        RawDocument("seawall-2.txt", SEAWALL_2, "text", url="https://harbor.example/vote",
                    outlet="Harbor Herald", published="2024-03-05"),
        RawDocument("rail.txt", RAIL, "text", url="https://north.example/strike",
                    outlet="Northern Post", published="2024-05-10"),
        RawDocument("hostile.txt", HOSTILE, "text", url="javascript:alert(4)",
                    title=HOSTILE_TITLE, outlet='<i onmouseover="alert(5)">Evil</i> Daily',
                    published="2024-06-01", title_line=False),
    ]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def web_db(request, tmp_path_factory, analyser) -> str:
    """The test articles in a store on each backend: the web tests run against both."""
    schema = None
    if request.param == "sqlite":
        db = str(tmp_path_factory.mktemp("web") / "web.db")
    else:
        schema = f"storyline_web_{uuid.uuid4().hex[:12]}"
        db = f"{request.getfixturevalue('postgres_server')}?schema={schema}"
    with Storyline(db, analyser) as sl:
        report = sl.ingest_documents(documents())
    assert report.added == 4 and not report.failed
    yield db
    if schema:
        import psycopg

        with psycopg.connect(db.split("?")[0], autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture
def client_for(analyser):
    """A TestClient over a store, with WebConfig options."""
    from fastapi.testclient import TestClient

    from storyline.web.app import WebConfig, create_app

    opened = []

    def make(db: str, **options) -> TestClient:
        client = TestClient(create_app(WebConfig(db, **options), analyser))
        client.__enter__()
        opened.append(client)
        return client

    yield make
    for client in opened:
        client.__exit__(None, None, None)


@pytest.fixture
def client(client_for, web_db):
    return client_for(web_db, token=TOKEN)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def live_server(web_db, analyser):
    """``storyline serve`` as users run it: uvicorn on 127.0.0.1, in a thread of this process."""
    import uvicorn

    from storyline.web.app import WebConfig, create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(WebConfig(web_db, token=TOKEN), analyser),
                                           host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
