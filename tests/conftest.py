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


@pytest.fixture
def db(tmp_path) -> str:
    return str(tmp_path / "test.db")


@pytest.fixture
def web():
    """A real HTTP server on 127.0.0.1; add routes with ``web.routes[path] = Route(...)``."""
    from tests.webserver import LocalServer

    with LocalServer() as server:
        yield server
