"""The store's schema as numbered migrations; a store records the version it is at."""

from __future__ import annotations

SCHEMA_VERSION = 6

MIGRATIONS: dict[int, str] = {
    1: """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE articles (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    external_id TEXT,
    url TEXT,
    title TEXT,
    outlet TEXT,
    syndicated INTEGER NOT NULL DEFAULT 0,
    syndicated_from TEXT,
    credits TEXT NOT NULL DEFAULT '[]',
    dateline TEXT,
    published TEXT,
    published_source TEXT,
    language TEXT,
    text TEXT NOT NULL,
    duplicate_of TEXT,
    story_id TEXT,
    sentences TEXT NOT NULL DEFAULT '[]',
    vector TEXT NOT NULL DEFAULT '{}',
    fingerprint TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_story ON articles (story_id);
CREATE INDEX articles_duplicate ON articles (duplicate_of);

CREATE TABLE entities (
    article_id TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL, label TEXT NOT NULL, canonical TEXT NOT NULL
);
CREATE INDEX entities_article ON entities (article_id);
CREATE INDEX entities_canonical ON entities (canonical);

CREATE TABLE quotes (
    article_id TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    speaker TEXT, speaker_canonical TEXT, cue TEXT, speaker_start INTEGER, speaker_end INTEGER
);
CREATE INDEX quotes_article ON quotes (article_id);

CREATE TABLE times (
    article_id TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    value TEXT, type TEXT NOT NULL, mod TEXT
);
CREATE INDEX times_article ON times (article_id);

CREATE TABLE figures (
    article_id TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    value REAL NOT NULL, qualifier TEXT, unit TEXT, attributed_to TEXT NOT NULL, key TEXT
);
CREATE INDEX figures_article ON figures (article_id);

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text, content='articles', content_rowid='seq', tokenize='unicode61'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

CREATE TABLE minhashes (
    article_id TEXT PRIMARY KEY, signature BLOB NOT NULL, n_shingles INTEGER NOT NULL
);
CREATE TABLE lsh_bands (band INTEGER NOT NULL, key BLOB NOT NULL, article_id TEXT NOT NULL);
CREATE INDEX lsh_bands_lookup ON lsh_bands (band, key);
CREATE INDEX lsh_bands_article ON lsh_bands (article_id);

CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    n_articles INTEGER NOT NULL,
    first_date TEXT,
    last_date TEXT,
    centroid TEXT NOT NULL,
    last_seq INTEGER NOT NULL,
    dirty INTEGER NOT NULL DEFAULT 1,
    views TEXT
);
CREATE TABLE story_index (
    term TEXT NOT NULL, story_id TEXT NOT NULL, weight REAL NOT NULL,
    PRIMARY KEY (term, story_id)
) WITHOUT ROWID;
CREATE INDEX story_index_story ON story_index (story_id);
CREATE TABLE story_redirects (old_id TEXT PRIMARY KEY, new_id TEXT NOT NULL);

CREATE TABLE doc_freq (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;

CREATE TABLE site_lines (
    site TEXT NOT NULL, line TEXT NOT NULL, article_id TEXT NOT NULL,
    PRIMARY KEY (site, line, article_id)
) WITHOUT ROWID;
CREATE INDEX site_lines_article ON site_lines (article_id);
""",
    2: """
CREATE TABLE feeds (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    last_polled TEXT,
    last_status TEXT
);

CREATE TABLE feed_items (
    feed_url TEXT NOT NULL,
    item_key TEXT NOT NULL,
    PRIMARY KEY (feed_url, item_key)
);
""",
    3: """
ALTER TABLE stories ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
DROP TABLE story_index;
CREATE TABLE story_index (
    term TEXT NOT NULL, weight REAL NOT NULL, story_id TEXT NOT NULL,
    PRIMARY KEY (term, weight, story_id)
) WITHOUT ROWID;
ALTER TABLE stories ADD COLUMN index_terms TEXT NOT NULL DEFAULT '{}';
DELETE FROM meta WHERE key = 'story_index_layout';
CREATE TABLE doc_freq_pending (seq INTEGER PRIMARY KEY AUTOINCREMENT, terms TEXT NOT NULL);
""",
    4: """
ALTER TABLE quotes ADD COLUMN kind TEXT NOT NULL DEFAULT 'direct';
""",
    5: """
CREATE TABLE story_views (
    story_id TEXT PRIMARY KEY,
    token INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    last_seq INTEGER NOT NULL,
    brief TEXT NOT NULL,
    aliases TEXT NOT NULL,
    views TEXT NOT NULL
);
CREATE INDEX story_views_activity ON story_views (last_seq);
CREATE INDEX story_views_created ON story_views (seq);
CREATE INDEX stories_dirty ON stories (dirty) WHERE dirty = 1;
UPDATE stories SET dirty = 1;
ALTER TABLE stories DROP COLUMN views;
""",
    6: """
ALTER TABLE times ADD COLUMN points_to TEXT;
""",
}
