"""A story holding two look-alike events is split once it has grown enough to show it."""

from datetime import date

from storyline.models import Article
from storyline.store import open_store
from storyline.stories.cluster import StoryClusterer, story_id_for
from storyline.stories.split import CHECK_SIZES, find_split, two_means
from storyline.stories.vectors import normalise

# Two mine collapses: the same kind of event, in two towns, with two rescue chiefs.
SHARED = ("mine", "collapse", "miners", "rescue", "shaft", "trapped", "e:national mining board")
KESTREL = ("kestrel", "e:kestrel valley", "e:ida brandt")
ORRIN = ("orrin", "e:orrin falls", "e:tomas vey")


def vec(*terms):
    return normalise({t: 1.0 for t in terms})


def kestrel(i):
    return vec(*SHARED, *KESTREL, f"detail{i}")


def orrin(i):
    return vec(*SHARED, *ORRIN, f"other{i}")


def test_two_events_sharing_a_story_come_apart_by_their_actors():
    vectors = {f"k{i}": kestrel(i) for i in range(4)} | {f"o{i}": orrin(i) for i in range(3)}
    split = find_split(vectors, {}, founder="o0")
    assert split is not None
    assert sorted(split.kept) == ["o0", "o1", "o2"]  # the founder's part keeps the story
    assert sorted(split.parted) == ["k0", "k1", "k2", "k3"]
    assert "e:orrin falls" in split.actors[0] and "e:kestrel valley" in split.actors[1]


def test_one_event_told_with_varied_words_stays_whole():
    # every article names the same actors; the words around them vary
    vectors = {f"a{i}": vec(*SHARED, *KESTREL, f"w{i}", f"w{i + 1}", f"w{i + 2}")
               for i in range(9)}
    assert two_means(vectors) is not None
    assert find_split(vectors, {}, founder="a0") is None


def test_a_new_actor_on_one_side_only_is_not_enough():
    # later articles name the mine's owner too: a development, not a second event
    vectors = ({f"a{i}": vec(*SHARED, *KESTREL, f"w{i}") for i in range(4)}
               | {f"b{i}": vec(*SHARED, *KESTREL, "e:halvard coal", "owner", "fine", f"v{i}")
                  for i in range(4)})
    assert find_split(vectors, {}, founder="a0") is None


def test_one_actor_under_a_short_and_a_full_name_is_not_two_actors():
    # half the articles call the rescue chief "Brandt", half "Ida Brandt", and they are
    # worded differently: without the name forms matched, each name marks one half
    short = {f"s{i}": vec(*SHARED, "kestrel", "e:brandt", "e:kestrel", "pumps", "air",
                          f"w{i}") for i in range(4)}
    full = {f"f{i}": vec(*SHARED, "kestrel", "e:ida brandt", "e:kestrel valley", "families",
                         "vigil", f"v{i}") for i in range(4)}
    vectors = short | full
    assert sorted(map(sorted, two_means(vectors))) == [sorted(full), sorted(short)]
    assert find_split(vectors, {}, founder="s0") is None


def test_parts_covered_over_the_same_days_stay_one_story():
    vectors = {f"k{i}": kestrel(i) for i in range(3)} | {f"o{i}": orrin(i) for i in range(3)}
    same_days = {k: date(2024, 5, 2 + int(k[1])) for k in vectors}
    assert find_split(vectors, same_days, founder="k0") is None
    years_apart = {k: date(2019 if k[0] == "k" else 2024, 5, 2) for k in vectors}
    assert find_split(vectors, years_apart, founder="k0") is not None


def test_too_small_a_story_is_not_split():
    vectors = {f"k{i}": kestrel(i) for i in range(2)} | {f"o{i}": orrin(i) for i in range(3)}
    assert find_split(vectors, {}, founder="k0") is None
    assert min(CHECK_SIZES) == 6 and {8, 11, 16} <= CHECK_SIZES


def _ingest(store, clusterer, article_id, seq_vector, published=None):
    """What the pipeline does for an article that is not a near-duplicate."""
    article = Article(id=article_id, source=f"{article_id}.txt", text="...", published=published)
    seq = store.put_article(article, seq_vector, "print-" + article_id)
    assignment = clusterer.assign(article_id, seq, seq_vector, published)
    store.add_doc_freq(seq_vector)
    store.set_article_vector(article_id, assignment.vector)
    store.set_article_story(article_id, assignment.story_id)
    return assignment


def test_the_clusterer_splits_a_grown_story_and_later_articles_find_their_part(db):
    store = open_store(db)
    clusterer = StoryClusterer(store)
    ids = {name: name.ljust(16, "0") for name in
           ["k1", "k2", "k3", "o1", "o2", "o3", "o4", "k4"]}
    with store.transaction():
        first = _ingest(store, clusterer, ids["k1"], kestrel(1))
        for name in ["k2", "k3", "o1", "o2"]:
            step = _ingest(store, clusterer, ids[name], kestrel(int(name[1])) if name[0] == "k"
                           else orrin(int(name[1])))
            assert step.story_id == first.story_id  # alike enough to join, at first
        sixth = _ingest(store, clusterer, ids["o3"], orrin(3))
    parted = story_id_for(ids["o1"])  # named by the earliest article of the part
    assert sixth.split_off == [parted] and sixth.story_id == parted
    assert sorted(store.article_ids(first.story_id)) == sorted(ids[n] for n in ["k1", "k2", "k3"])
    assert sorted(store.article_ids(parted)) == sorted(ids[n] for n in ["o1", "o2", "o3"])
    states = store.story_states([first.story_id, parted])
    assert states[first.story_id]["n_articles"] == 3 and states[parted]["n_articles"] == 3
    with store.transaction():
        assert _ingest(store, clusterer, ids["o4"], orrin(4)).story_id == parted
        assert _ingest(store, clusterer, ids["k4"], kestrel(4)).story_id == first.story_id
    assert set(store.dirty_stories()) >= {first.story_id, parted}


def test_a_split_revives_the_id_of_a_story_merged_away_before(db):
    store = open_store(db)
    with store.transaction():
        for name, story in [("a", "sa"), ("b", "sb")]:
            article = Article(id=name * 16, source=f"{name}.txt", text="...", story_id=story)
            store.put_article(article, {}, name)
            store.save_story_state(story, 1, 1, None, None, {"x": 1.0}, 1, {"x": 1.0})
        store.merge_stories("sa", "sb")
        assert store.resolve_story_id("sb") == "sa"
        store.save_story_state("sb", 2, 1, None, None, {"x": 1.0}, 2, {"x": 1.0})
        store.split_story("sa", "sb", ["b" * 16], ["sb"])
    assert store.resolve_story_id("sb") == "sb"
    assert store.article_ids("sb") == ["b" * 16] and store.article_ids("sa") == ["a" * 16]
