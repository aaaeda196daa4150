from storyline.models import Article
from storyline.store import open_store
from storyline.stories import dedup

BASE = ("The harbour bridge will reopen to traffic on Friday after three weeks of repairs to storm "
        "damage, the town council said on Tuesday. Engineers have signed off the work and the "
        "council is confident the bridge is safe, council leader Mara Quist told reporters. "
        "Repairs cost about 2.4 million euros, more than twice the first estimate. Fishing crews, "
        "who lost access to the outer pier during the closure, welcomed the news and said they "
        "would hold a party on the quay. The storm destroyed two boats and flooded the market "
        "hall, which reopened last week after the floors were dried and the power was restored.")


def near(a, b):
    sa, sb = dedup.shingles(a), dedup.shingles(b)
    return dedup.is_near_duplicate(dedup.signature(sa).hashvalues, len(sa),
                                   dedup.signature(sb).hashvalues, len(sb))


def test_light_edits_still_fold():
    sentences = BASE.split(". ")
    trimmed = ". ".join(sentences[:4]) + "."  # a reprint that cut the last paragraphs
    retitled = "Bridge reopens Friday\n\n" + BASE + "\n\nFollow us on social media"
    dropped = ". ".join(sentences[:2] + sentences[3:])
    for copy in (trimmed, retitled, dropped):
        assert near(BASE, copy)


def test_same_topic_different_story_does_not_fold():
    other = ("The harbour bridge stays closed for another month because engineers found new "
             "cracks in the supports, the council said, and fishing crews said they would "
             "protest outside the town hall on Friday unless the outer pier reopens earlier. "
             "Council leader Mara Quist said safety came first and that repairs might cost more.")
    assert not near(BASE, other)


def test_band_keys_are_stable_and_round_trip_through_bytes():
    signature = dedup.signature(dedup.shingles(BASE))
    restored = dedup.from_bytes(dedup.to_bytes(signature))
    assert dedup.band_keys(signature) == dedup.band_keys(restored)
    assert len(dedup.band_keys(signature)) == dedup.BANDS


def _store_copy(store, article_id, text, published):
    fp = dedup.Fingerprint.of(text)
    with store.transaction():
        original = dedup.find_original(store, article_id, fp)
        store.put_article(Article(id=article_id, source=article_id, text=text,
                                  published=published), {}, "")
        store.put_minhash(article_id, dedup.to_bytes(fp.signature), fp.n_shingles, fp.bands)
        if original is not None:
            dedup.link_copy(store, article_id, published, original)
    return original


def test_a_copy_cut_to_half_its_length_points_at_the_earliest_original(db):
    store = open_store(db)
    long_text = BASE + " " + BASE.replace("bridge", "ferry").replace("harbour", "river")
    half = long_text[: len(long_text) // 2]
    assert _store_copy(store, "reprint", half, "2024-03-06") is None
    # The wire original arrives later but is dated earlier: it becomes the root.
    assert _store_copy(store, "wire", long_text, "2024-03-05") == "reprint"
    assert store.article_brief("reprint")["duplicate_of"] == "wire"
    assert store.article_brief("wire")["duplicate_of"] is None
    # A third copy links to the root, not to the copy it happens to match first.
    assert _store_copy(store, "third", half + " Updated at noon.", "2024-03-07") == "wire"


def test_a_store_banded_under_another_layout_is_rebanded(db, monkeypatch):
    store = open_store(db)
    monkeypatch.setattr(dedup, "BANDS", 32)
    monkeypatch.setattr(dedup, "ROWS", 4)
    _store_copy(store, "old", BASE, "2024-03-05")
    store.set_meta("lsh_layout", "32x4")
    monkeypatch.undo()
    dedup.ensure_band_layout(store)
    assert store.meta("lsh_layout") == dedup.LAYOUT
    bands = store.conn.execute("SELECT count(*) FROM lsh_bands WHERE article_id = 'old'")
    assert bands.fetchone()[0] == dedup.BANDS
    assert _store_copy(store, "new", "Bridge reopens\n\n" + BASE, "2024-03-06") == "old"
