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
