"""SQLite and PostgreSQL hold the same store: the same input gives the same export."""

from __future__ import annotations

import json

from storyline.api import Storyline
from tests.web.conftest import documents


def test_the_export_of_the_same_input_is_identical_on_both_backends(sqlite_db, postgres_db,
                                                                   analyser):
    exports = []
    for db in (sqlite_db, postgres_db):
        with Storyline(db, analyser) as sl:
            report = sl.ingest_documents(documents())
            assert report.added == 4 and not report.failed
            assert sl.ingest_documents(documents()).unchanged == 4  # idempotent on both
            exports.append(sl.export())
    assert exports[0]["stories"] and exports[0]["articles"]
    assert json.dumps(exports[0], sort_keys=True) == json.dumps(exports[1], sort_keys=True)
