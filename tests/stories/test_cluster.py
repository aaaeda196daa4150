import pytest

from storyline.store import open_store
from storyline.stories.cluster import StoryClusterer, impact, story_id_for, time_factor
from storyline.stories.vectors import normalise


def vec(*terms):
    return normalise({t: 1.0 for t in terms})


BRIDGE = ("bridge", "harbour", "repair", "council", "e:dunmore", "e:mara quist", "storm", "pier")
TRAM = ("tram", "line", "station", "vote", "e:calder", "e:marta kovalenko", "budget", "route")


def test_articles_join_their_story_and_stay_apart_from_others(db):
    store = open_store(db)
    clusterer = StoryClusterer(store)
    first = clusterer.assign("a" * 16, 1, vec(*BRIDGE), "2024-03-04")
    store.add_doc_freq(vec(*BRIDGE))
    other = clusterer.assign("b" * 16, 2, vec(*TRAM), "2024-03-05")
    store.add_doc_freq(vec(*TRAM))
    again = clusterer.assign("c" * 16, 3, vec(*BRIDGE[:6], "crew"), "2024-03-06")
    assert first.story_id == story_id_for("a" * 16) == again.story_id
    assert other.story_id != first.story_id
    assert store.story_states([first.story_id])[first.story_id]["n_articles"] == 2


def test_a_bridging_article_merges_two_stories_and_the_old_id_redirects(db):
    store = open_store(db)
    clusterer = StoryClusterer(store)
    kessel = ("flood", "river", "kessel", "e:kessel", "boats", "rain", "dyke")
    dorn = ("flood", "river", "dorn", "e:dorn", "schools", "gyms", "levee")
    a = clusterer.assign("a" * 16, 1, vec(*kessel), "2024-03-04")
    store.add_doc_freq(vec(*kessel))
    b = clusterer.assign("b" * 16, 2, vec(*dorn), "2024-03-04")
    store.add_doc_freq(vec(*dorn))
    assert a.story_id != b.story_id
    # one flood, reported from two towns: an article about both shows the stories are one
    bridge = clusterer.assign("c" * 16, 3, vec(*kessel[:4], "dyke", "dorn", "e:dorn", "levee"),
                              "2024-03-05")
    assert bridge.story_id == a.story_id and bridge.merged == [b.story_id]
    assert store.resolve_story_id(b.story_id) == a.story_id
    assert store.story_ids() == [a.story_id]
    assert store.story_states([a.story_id])[a.story_id]["n_articles"] == 3


def test_time_damps_but_does_not_forbid_a_resumed_story():
    assert time_factor("2024-03-05", "2024-03-01", "2024-03-10") == 1.0
    assert time_factor(None, "2024-03-01", "2024-03-10") == 1.0
    assert 0.8 < time_factor("2024-05-09", "2024-03-01", "2024-03-10") < 0.9


def test_a_story_changed_by_another_writer_is_read_again_not_taken_from_memory(db):
    mine, other = open_store(db), open_store(db)
    clusterer, other_clusterer = StoryClusterer(mine), StoryClusterer(other)
    first = clusterer.assign("a" * 16, 1, vec(*BRIDGE), "2024-03-04")
    mine.add_doc_freq(vec(*BRIDGE))
    # the other process adds tram words to the bridge story (through a bridging article)
    joined = other_clusterer.assign("b" * 16, 2, vec(*BRIDGE[:5], *TRAM[:5]), "2024-03-05")
    other.add_doc_freq(vec(*BRIDGE[:5], *TRAM[:5]))
    assert joined.story_id == first.story_id
    (story,) = clusterer.stories.get([first.story_id])
    assert story.n_articles == 2 and "tram" in story.centroid
    # a cached copy that is edited and then rolled back does not leak into later reads
    with pytest.raises(RuntimeError), mine.transaction():
        clusterer.assign("c" * 16, 3, vec(*BRIDGE), "2024-03-06")
        raise RuntimeError("crash before commit")
    (story,) = clusterer.stories.get([first.story_id])
    assert story.n_articles == 2


def test_candidates_come_from_each_term_s_strongest_stories_only(db):
    store = open_store(db)
    with store.transaction():
        for i, weight in enumerate((0.9, 0.2, 0.5, 0.7)):
            store.save_story_state(f"s{i}", i, 1, None, None, {"flood": weight}, i,
                                   {"flood": weight})
        store.save_story_state("s9", 9, 1, None, None, {"dyke": 1.0}, 9, {"dyke": 1.0})
    assert store.story_candidates({"flood": 1.0}, 10, 2) == ["s0", "s3"]
    assert store.story_candidates({"flood": 0.1, "dyke": 1.0}, 2, 10) == ["s9", "s0"]
    # a story's rewrite replaces its postings: none of its old terms or weights stay behind
    with store.transaction():
        store.save_story_state("s0", 0, 2, None, None, {"levee": 1.0}, 10, {"levee": 1.0})
    assert store.story_candidates({"flood": 1.0}, 10, 2) == ["s3", "s2"]
    assert store.conn.execute("SELECT count(*) FROM story_index").fetchone()[0] == 5
    # a partial rewrite keeps the postings that did not change and replaces those that did
    with store.transaction():
        store.save_story_state("s3", 3, 2, None, None, {"flood": 0.7, "dyke": 0.4}, 11,
                               {"flood": 0.7, "dyke": 0.4})
        store.save_story_state("s3", 3, 3, None, None, {"flood": 0.6, "dyke": 0.4}, 12,
                               {"flood": 0.6, "dyke": 0.4})
    assert sorted(tuple(r) for r in store.conn.execute(
        "SELECT term, weight FROM story_index WHERE story_id = 's3'")) == [
        ("dyke", 0.4), ("flood", 0.6)]
    assert store.story_candidates({"dyke": 1.0}, 10, 10) == ["s9", "s3"]


def test_index_weights_are_binned_finely_enough_to_rank_and_coarsely_enough_to_stay_put():
    weights = [0.5 * 0.99 ** k for k in range(200)]
    binned = [impact(w) for w in weights]
    assert all(abs(b - w) / w < 0.045 for b, w in zip(binned, weights, strict=True))
    assert binned == sorted(binned, reverse=True)  # order is kept (ties aside)
    assert len(set(binned)) < len(weights) / 4  # a 1% move mostly leaves the posting as it is
