"""Shared fixtures: one spaCy pipeline per session, real SQLite files, the shared data folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from storyline.analyse import Analyser
from storyline.analyse.nlp import load_nlp

REPO = Path(__file__).resolve().parents[1]


def shared_dir() -> Path | None:
    """../shared (seeds, eval sets): read at run time, never copied into the repository."""
    env = os.environ.get("STORYLINE_SHARED")
    if env:
        return Path(env)
    for parent in REPO.parents:
        candidate = parent / "shared"
        if (candidate / "seeds").is_dir():
            return candidate
    return None


SHARED = shared_dir()
requires_shared = pytest.mark.skipif(SHARED is None, reason="../shared (seeds, eval data) not found; "
                                                           "set STORYLINE_SHARED")


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


@pytest.fixture(scope="session")
def analyser(nlp):
    return Analyser(nlp)


POSTGRES_URL = os.environ.get("STORYLINE_TEST_POSTGRES", "postgresql://127.0.0.1:5432/test")


@pytest.fixture(scope="session")
def postgres_server() -> str:
    """The machine's PostgreSQL (trust auth, database ``test``). Without one, the PostgreSQL
    half of the suite is skipped on a developer's machine and fails under CI."""
    try:
        import psycopg

        psycopg.connect(POSTGRES_URL, connect_timeout=5).close()
    except Exception as exc:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL at {POSTGRES_URL} is needed under CI: {exc}")
        pytest.skip(f"no PostgreSQL at {POSTGRES_URL} ({exc}); set STORYLINE_TEST_POSTGRES")
    return POSTGRES_URL


@pytest.fixture
def postgres_db(postgres_server) -> str:
    """A store URL in a schema of its own, dropped afterwards."""
    import uuid

    import psycopg

    schema = f"storyline_test_{uuid.uuid4().hex[:12]}"
    yield f"{postgres_server}?schema={schema}"
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture
def sqlite_db(tmp_path) -> str:
    return str(tmp_path / "test.db")


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request) -> str:
    """A store on each backend: tests that take ``db`` run against both."""
    return request.getfixturevalue(f"{request.param.replace('postgresql', 'postgres')}_db")


@pytest.fixture
def web():
    """A real HTTP server on 127.0.0.1; add routes with ``web.routes[path] = Route(...)``."""
    from tests.webserver import LocalServer

    with LocalServer() as server:
        yield server
