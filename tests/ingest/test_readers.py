from storyline.errors import InputError
from storyline.ingest.readers import extension_of, read_html, read_jsonl, read_text, sniff
from storyline.models import RawDocument


def test_extension_of_sees_through_gzip():
    assert extension_of("a/b/page.HTML.gz") == ".html"
    assert extension_of("dump.jsonl") == ".jsonl"
    assert extension_of("folder.v2/README") == ""


def test_jsonl_maps_our_fields_and_crawler_fields():
    text = "\n".join([
        '{"id": "x1", "title": "T", "text": "Body one.", "url": "https://a.example/1", '
        '"outlet": "A", "published": "2021-12-03"}',
        '{"maintext": "Body two.", "date_publish": "2021-12-04 10:00:00", "authors": ["Jo Ann"]}',
        '{"html": "<p>Three</p>"}',
    ])
    one, two, three = list(read_jsonl("d.jsonl", text))
    assert (one.external_id, one.title, one.url, one.outlet, one.published) == (
        "x1", "T", "https://a.example/1", "A", "2021-12-03")
    assert one.source == "d.jsonl:1" and one.kind == "text"
    assert two.content == "Body two." and two.published == "2021-12-04 10:00:00"
    assert two.authors == ("Jo Ann",)
    assert three.kind == "html"


def test_jsonl_reads_the_field_names_of_news_api_and_other_dumps():
    text = "\n".join([
        # NewsAPI: the outlet nested under "source", the date as "publishedAt"
        '{"source": {"id": null, "name": "Harbour Post"}, "author": "Lin Okafor", '
        '"title": "Ferry strike ends", "url": "https://hp.example/a", '
        '"publishedAt": "2024-03-03T10:00:00Z", "content": "Crews ended the strike."}',
        # a generic dump: "date", "headline", "link", "publisher", schema.org's "articleBody"
        '{"date": "2024-03-04", "headline": "Bridge reopens", "link": "https://b.example/2", '
        '"publisher": "Bay Daily", "articleBody": "The bridge reopened."}',
        # a plain "source" string (an input path in our own export) is not an outlet
        '{"source": "crawl/page.html", "text": "Body.", "pubDate": "Mon, 04 Mar 2024 08:00:00 GMT"}',
    ])
    news_api, generic, exported = list(read_jsonl("d.jsonl", text))
    assert (news_api.outlet, news_api.published, news_api.authors, news_api.content) == (
        "Harbour Post", "2024-03-03T10:00:00Z", ("Lin Okafor",), "Crews ended the strike.")
    assert (generic.title, generic.url, generic.outlet, generic.published, generic.content) == (
        "Bridge reopens", "https://b.example/2", "Bay Daily", "2024-03-04", "The bridge reopened.")
    assert exported.outlet is None and exported.published == "Mon, 04 Mar 2024 08:00:00 GMT"
    (teaser_only,) = read_jsonl("d.jsonl", '{"title": "T", "description": "A ferry hit the wall."}')
    assert teaser_only.content == "A ferry hit the wall." and teaser_only.kind == "text"


def test_bad_jsonl_lines_fail_alone_and_say_where():
    text = '{"text": "ok"}\nnot json\n[1, 2]\n{"title": "no body"}\n\n{"text": "also ok"}'
    items = list(read_jsonl("d.jsonl", text))
    good = [i for i in items if isinstance(i, RawDocument)]
    bad = [i for i in items if isinstance(i, InputError)]
    assert [g.content for g in good] == ["ok", "also ok"]
    assert [b.source for b in bad] == ["d.jsonl:2", "d.jsonl:3", "d.jsonl:4"]
    assert "JSON" in bad[0].problem and "object" in bad[1].problem and '"text"' in bad[2].problem


def test_sniff_tells_html_jsonl_and_text_apart():
    assert sniff("<!DOCTYPE html><html><body><p>x</p></body></html>") is read_html
    assert sniff("  <!-- saved -->\n<div><p>x</p></div>") is read_html
    assert sniff('{"text": "x"}\n{"text": "y"}') is read_jsonl
    assert sniff("Title\n\nBody with <b> in it") is read_text
    assert sniff("{not json at all") is read_text


def test_jsonl_authors_of_an_unexpected_type_are_ignored_not_fatal():
    from storyline.ingest.readers import read_jsonl

    (doc,) = read_jsonl("a.jsonl", '{"text": "Body text here.", "authors": 5}\n')
    assert doc.authors == () and doc.content == "Body text here."
    (doc,) = read_jsonl("a.jsonl", '{"text": "Body.", "author": "Ada Voss"}\n')
    assert doc.authors == ("Ada Voss",)


def test_a_jsonl_file_streams_and_holds_the_limit_per_line(tmp_path):
    import gzip

    from storyline.errors import InputError
    from storyline.ingest.readers import stream_jsonl

    lines = ['{"text": "First article."}', '{"text": "' + "x" * 500 + '"}',
             '{"text": "Third, with a line separator\u2028inside."}', "", "[1, 2]"]
    plain = tmp_path / "dump.jsonl"
    plain.write_text("\n".join(lines) + "\n", encoding="utf-8")
    packed = tmp_path / "dump.jsonl.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    for path in (plain, packed):
        items = list(stream_jsonl(str(path), limit=200))
        assert [type(i).__name__ for i in items] == [
            "RawDocument", "InputError", "RawDocument", "InputError"]
        assert items[0].source == f"{path}:1" and items[0].content == "First article."
        assert items[1].source == f"{path}:2" and "longer than" in items[1].problem
        assert items[2].content == "Third, with a line separator\u2028inside."
        assert isinstance(items[3], InputError) and items[3].source == f"{path}:5"


def test_a_streamed_jsonl_names_bad_bytes_an_empty_file_and_a_cut_gzip(tmp_path):
    import gzip

    from storyline.ingest.readers import stream_jsonl

    latin = tmp_path / "latin.jsonl"
    latin.write_bytes(b'{"text": "ok"}\n{"text": "caf\xe9"}\n')
    ok, bad = stream_jsonl(str(latin))
    assert ok.content == "ok" and bad.source.endswith(":2") and "not UTF-8" in bad.problem
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n")
    (nothing,) = stream_jsonl(str(empty))
    assert nothing.problem == "empty input"
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(gzip.compress(b'{"text": "one"}\n' * 1000)[:-40])
    *docs, broken = stream_jsonl(str(cut))
    assert docs and all(d.content == "one" for d in docs)
    assert "broken gzip data" in broken.problem


def test_a_jsonl_file_is_read_as_a_stream_by_ingest(tmp_path, monkeypatch):
    from storyline.ingest import discover

    path = tmp_path / "big.jsonl"
    path.write_text('{"text": "An article."}\n' * 3)
    def whole_file(*args):
        raise AssertionError("a JSONL file must not be read whole")

    monkeypatch.setattr(discover, "read_bytes", whole_file)
    items = list(discover.iter_documents([str(path)]))
    assert [i.content for i in items] == ["An article."] * 3
