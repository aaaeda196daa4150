"""Ingest end to end on a real SQLite file: idempotence, updates, copies, bad input, kills."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

from storyline.api import Storyline
from storyline.models import RawDocument

STORY = ("Dam crack forces evacuation of Kessel\n\n"
         "KESSEL (Valley Wire) – Engineers found a crack in the Marrow Dam late on Sunday, and "
         "about 12,000 residents living below the dam were ordered to leave their homes on "
         "Monday, the Veltra Water Authority said.\n\n"
         "“We are not taking any chances with people's lives,” spokesperson Jonas Meyer said.\n\n"
         "The dam, built in 1968, holds back the river Lune above the town of Kessel, and "
         "engineers will inspect it from the water on Tuesday.\n\n"
         "(Reporting by Ana Petrel; Editing by Tomas Wren)\n")


def write(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def export(db):
    with Storyline(db) as sl:
        return sl.export()


def test_reingesting_changes_nothing(tmp_path, db, analyser):
    path = write(tmp_path, "a.txt", STORY)
    with Storyline(db, analyser) as sl:
        first = sl.ingest([path], published="2024-03-04")
        before = sl.export()
        second = sl.ingest([path], published="2024-03-04")
        assert (first.added, second.added, second.unchanged, second.updated) == (1, 0, 1, 0)
        assert sl.export() == before
        assert sl.store.count_articles() == 1


def test_new_metadata_updates_the_article_in_place(tmp_path, db, analyser):
    path = write(tmp_path, "a.txt", STORY)
    manifest = write(tmp_path, "m.jsonl", json.dumps({"path": "a.txt", "published": "2024-03-04",
                                                      "url": "https://valleywire.example/1"}))
    with Storyline(db, analyser) as sl:
        sl.ingest([path])
        story_id = sl.stories()[0].id
        report = sl.ingest([path], manifest=manifest)
        assert (report.updated, report.added) == (1, 0)
        (art,) = sl.articles()
        assert (art.published, art.url, art.outlet, art.story_id) == (
            "2024-03-04", "https://valleywire.example/1", "Valley Wire", story_id)
        monday = next(t for t in art.times if t.text == "Monday")
        assert monday.value == "2024-03-04"


def test_a_reprint_folds_into_the_earliest_copy_and_joins_its_story(analyser, db):
    reprint = STORY.replace("Dam crack forces evacuation of Kessel", "Thousands flee dam crack")
    reprint = reprint.replace("(Reporting by Ana Petrel; Editing by Tomas Wren)",
                              "(This article appeared first on Valley Wire.)\n\nShare this")
    docs = [RawDocument("late.txt", reprint, "text", published="2024-03-05",
                        url="https://coast.example/a"),
            RawDocument("early.txt", STORY, "text", published="2024-03-04",
                        url="https://valleywire.example/a")]
    with Storyline(db, analyser) as sl:
        sl.ingest_documents(docs[:1])
        report = sl.ingest_documents(docs[1:])
        assert report.duplicates == 1
        late, early = sl.articles()
        assert late.duplicate_of == early.id and early.duplicate_of is None
        assert late.story_id == early.story_id
        assert late.syndicated and late.syndicated_from == "Valley Wire"
        (story,) = sl.stories()
        assert set(story.outlets) == {"Valley Wire", "coast.example"}


def test_the_same_text_at_two_urls_is_two_articles(analyser, db):
    docs = [RawDocument("a.jsonl:1", STORY, "text", url="https://one.example/x"),
            RawDocument("a.jsonl:2", STORY, "text", url="https://two.example/y")]
    with Storyline(db, analyser) as sl:
        report = sl.ingest_documents(docs)
        again = sl.ingest_documents(docs)
        assert (report.added, report.duplicates, again.unchanged) == (2, 1, 2)
        assert {a.url for a in sl.articles()} == {"https://one.example/x", "https://two.example/y"}


def test_bad_inputs_fail_alone_and_nothing_stored_is_lost(tmp_path, db, analyser):
    good = write(tmp_path, "good.txt", STORY)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03garbage" * 20)
    (tmp_path / "latin1.txt").write_bytes(
        "Café owners protest\n\nCafé owners in Kessel said on Monday that the évacuation had "
        "cost them a week of trade, and asked the council for help.".encode("latin-1"))
    (tmp_path / "bad.jsonl").write_text('{"text": "Fine line of text from a feed."}\n{oops\n')
    with Storyline(db, analyser) as sl:
        sl.ingest([good])
        report = sl.ingest([str(tmp_path)])
        problems = {os.path.basename(e.source): e.problem for e in report.failed}
        assert set(problems) == {"empty.txt", "binary.txt", "bad.jsonl:2"}
        assert "empty" in problems["empty.txt"] and "binary" in problems["binary.txt"]
        assert sl.store.count_articles() == 3  # good (unchanged), latin-1, the good JSONL line
        cafe = next(a for a in sl.articles() if a.title == "Café owners protest")
        assert "évacuation" in cafe.text


KILL_SCRIPT = """
import sys
from storyline.api import Storyline
from storyline.models import RawDocument
docs = [RawDocument(f"doc{i}.txt", f"Report number {i}\\n\\nThe council of town {i} met on "
        f"Monday and voted {i} to {i + 1} to repair the old bridge over the river, officials "
        f"said after the meeting.", "text", published="2024-03-04") for i in range(int(sys.argv[2]))]
Storyline(sys.argv[1]).ingest_documents(docs)
"""


def test_a_killed_ingest_loses_nothing_and_a_rerun_completes_it(tmp_path, sqlite_db):
    db = sqlite_db
    script = tmp_path / "ingest.py"
    script.write_text(KILL_SCRIPT)
    total = 320  # ten chunks: the poll sees the first ones land long before the last
    proc = subprocess.Popen([sys.executable, str(script), db, str(total)])
    deadline = time.time() + 120
    count = 0
    while time.time() < deadline:
        time.sleep(0.2)
        try:
            count = sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.Error:
            continue
        if count >= 5:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 0 < count < total, "the ingest finished before it could be killed"
    subprocess.run([sys.executable, str(script), db, str(total)], check=True)
    with Storyline(db) as sl:
        assert sl.store.integrity_ok()
        ids = [a.id for a in sl.articles()]
        assert len(ids) == len(set(ids)) == total
        stories = sl.stories()
        assert sum(len(s.article_ids) for s in stories) == total
        assert all(a.story_id for a in sl.articles())


def test_a_component_that_breaks_on_one_article_does_not_stop_the_batch(db, analyser, monkeypatch):
    """Fault injection: the figures component fails on one article only."""
    import storyline.analyse.analyser as module

    real = module.extract_figures

    def fragile(doc, entities, times, quoted=()):
        if "fragile" in doc.text:
            raise ValueError("boom")
        return real(doc, entities, times, quoted)

    monkeypatch.setattr(module, "extract_figures", fragile)
    docs = [RawDocument(f"d{i}.txt", STORY.replace("Monday", f"Monday{' fragile' * (i == 1)}")
                        + f"\n\nItem {i}.", "text", published="2024-03-04") for i in range(3)]
    with Storyline(db, analyser) as sl:
        report = sl.ingest_documents(docs)
        assert [e.source for e in report.failed] == ["d1.txt"]
        assert "internal error during analysis (ValueError: boom)" in report.failed[0].problem
        assert sl.store.count_articles() == 2
        monkeypatch.setattr(module, "extract_figures", real)
        again = sl.ingest_documents(docs)
        assert (again.added, again.unchanged) == (1, 2) and sl.store.count_articles() == 3


def test_an_article_that_fails_while_stored_leaves_nothing_and_its_chunk_goes_on(
        db, analyser, monkeypatch):
    """The chunk is one transaction; the failing article's own writes (article row, search
    index, signature, story) are undone by its savepoint and the others are committed."""
    from storyline.stories.cluster import StoryClusterer

    real = StoryClusterer.assign

    def fragile(self, article_id, seq, vector, published):
        assignment = real(self, article_id, seq, vector, published)
        if "Ferry" in self.store.articles([article_id])[0].text:
            raise OSError("disk hiccup")
        return assignment

    monkeypatch.setattr(StoryClusterer, "assign", fragile)
    docs = [RawDocument("dam.txt", STORY, "text", published="2024-03-04"),
            RawDocument("ferry.txt", "Ferry service resumes\n\nThe Lune Ferry sailed again on "
                        "Friday after a month of repairs, the operator said.", "text",
                        published="2024-03-05"),
            RawDocument("dam2.txt", STORY.replace("12,000", "13,000"), "text",
                        published="2024-03-05")]
    with Storyline(db, analyser) as sl:
        report = sl.ingest_documents(docs)
        assert [e.source for e in report.failed] == ["ferry.txt"]
        assert "internal error during storing (OSError: disk hiccup)" in report.failed[0].problem
        assert sorted(a.source for a in sl.articles()) == ["dam.txt", "dam2.txt"]
        assert [r["id"] for r in sl.store.search("ferry")] == []
        assert len(sl.store.minhash_ids()) == 2 and len(sl.stories()) == 1
        assert sl.store.integrity_ok()


def test_hostile_inputs_in_one_batch_are_named_and_the_rest_is_stored(db, analyser, tmp_path):
    from tests.ingest.test_feeds import BILLION_LAUGHS, RSS
    from tests.ingest.test_warc import PAGE, write_warc

    (tmp_path / "bomb.rss").write_text(BILLION_LAUGHS)
    (tmp_path / "huge.txt").write_bytes(b"word " * (12 * 1024 * 1024))  # 60 MB
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "nobody.html").write_text("<html><head><title>x</title></head></html>")
    (tmp_path / "news.rss").write_text(RSS)  # its second item has an unreadable date
    write_warc(tmp_path / "cut.warc.gz", [("https://port.example/storm", PAGE.encode(), "text/html")] * 2)
    data = (tmp_path / "cut.warc.gz").read_bytes()
    (tmp_path / "cut.warc.gz").write_bytes(data[: int(len(data) * 0.7)])
    with Storyline(db, analyser) as sl:
        report = sl.ingest([str(tmp_path)])
        problems = {e.source.rsplit("/", 1)[-1]: e.problem for e in report.failed}
        assert "entity declarations" in problems["bomb.rss"]
        assert "input limit" in problems["huge.txt"]
        assert "binary data" in problems["image.txt"]
        assert "no body" in problems["nobody.html"] or "no article text" in problems["nobody.html"]
        assert "truncated or corrupt WARC" in problems["cut.warc.gz"]
        assert any("sometime last week" in w for w in report.warnings)
        stored = {a.title for a in sl.articles()}
        assert {"Bridge reopens after repairs", "Ferry timetable changes", "Storm closes port"} <= stored
        again = sl.ingest([str(tmp_path)])
        assert again.added == 0 and len(sl.articles()) == len(stored)


def test_non_english_articles_are_stored_searchable_and_not_analysed(db, analyser, tmp_path):
    (tmp_path / "pont.txt").write_text(
        "Le pont rouvre\n\nLe pont du port a rouvert à la circulation vendredi après trois semaines "
        "de travaux, a indiqué le conseil municipal. Les réparations ont coûté environ 2,4 millions "
        "d'euros, selon la mairie de Dunmore.")
    with Storyline(db, analyser) as sl:
        report = sl.ingest([str(tmp_path / "pont.txt")])
        assert report.added == 1 and not report.failed
        (article,) = sl.articles()
        assert article.language == "fr" and not article.analysed
        assert article.entities == [] and article.quotes == []
        assert [hit["id"] for hit in sl.search("travaux")] == [article.id]
        exported = sl.export()["articles"][0]
        assert exported["language"] == "fr" and exported["analysed"] is False


def test_nul_characters_are_dropped_before_anything_reads_the_text(db, analyser):
    from storyline.api import Storyline
    from storyline.models import RawDocument

    text = ("Council votes\n\nThe council met on Monday\x00 and voted for the plan, officials "
            "said in a statement to reporters on Tuesday.")
    with Storyline(db, analyser) as sl:
        report = sl.ingest_documents([RawDocument("nul.txt", text, "text", title="Vote\x00s",
                                                  published="2024-05-06")])
        assert report.added == 1 and not report.failed
        (article,) = sl.store.articles()
        assert "\x00" not in article.text and article.title == "Votes"
        assert article.text[article.times[0].start:article.times[0].end] == "Monday"
        assert sl.search("council\x00") and sl.store.article_briefs(["x\x00"]) == {}


def test_a_sites_pages_are_credited_under_one_name_in_views_and_export(analyser, db):
    follow_up = STORY.replace("KESSEL (Valley Wire) – ", "").replace("Dam crack forces", "Crack "
                                                                      "forces")
    docs = [RawDocument("a.txt", STORY, "text", url="https://www.valleywire.example/dam",
                        published="2024-03-04"),
            RawDocument("b.txt", follow_up, "text", url="https://news.valleywire.example/2",
                        published="2024-03-05")]
    with Storyline(db, analyser) as sl:
        sl.ingest_documents(docs)
        stored = {a.source: a.outlet for a in sl.articles()}
        assert stored == {"a.txt": "Valley Wire", "b.txt": "valleywire.example"}
        (story,) = sl.stories()
        assert story.outlets == ["Valley Wire"]
        assert {a.outlet for a in sl.articles(story.id)} == {"Valley Wire"}
        assert {a["outlet"] for a in sl.export(story.id)["articles"]} == {"Valley Wire"}
