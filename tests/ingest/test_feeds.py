from storyline.errors import InputError
from storyline.ingest.discover import iter_documents
from storyline.ingest.feeds import fragment_text, read_feed
from storyline.models import RawDocument

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbour News</title><link>https://harbour.example/</link>
<item><title>Bridge reopens after repairs</title>
<link>https://harbour.example/bridge</link><guid>harbour-1</guid>
<pubDate>Fri, 08 Mar 2024 10:00:00 GMT</pubDate>
<description>&lt;p&gt;The harbour bridge reopened on Friday.&lt;/p&gt;&lt;p&gt;Repairs cost 2.4 million euros.&lt;/p&gt;</description>
</item>
<item><title>Ferry timetable changes</title><link>https://harbour.example/ferry</link>
<pubDate>sometime last week</pubDate><description>The ferry runs hourly from Monday.</description>
</item></channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Wire</title>
<entry><id>tag:valley.example,2024:1</id><title>Dam inspection finds cracks</title>
<link href="https://valley.example/dam"/><updated>2024-03-09T08:30:00Z</updated>
<author><name>Ada Brook</name></author>
<content type="html">&lt;p&gt;Inspectors found cracks in the dam, officials said.&lt;/p&gt;</content>
</entry></feed>"""

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0"><channel><item><title>&lol3;</title></item></channel></rss>"""

XXE = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><item><title>&xxe;</title><description>x</description></item></channel></rss>"""


def test_rss_items_become_documents_with_their_metadata():
    first, second = read_feed("news.rss", RSS)
    assert isinstance(first, RawDocument) and first.feed_item
    assert first.title == "Bridge reopens after repairs"
    assert first.url == "https://harbour.example/bridge" and first.external_id == "harbour-1"
    assert first.published == "2024-03-08T10:00:00+00:00"
    assert first.content == "The harbour bridge reopened on Friday.\n\nRepairs cost 2.4 million euros."
    assert first.source == "news.rss#harbour-1"
    # A date that cannot be read is kept as written, for the cleaner to warn about.
    assert second.published == "sometime last week" and second.external_id == second.url


def test_atom_entries_keep_authors_and_update_time():
    (entry,) = read_feed("wire.atom", ATOM)
    assert entry.authors == ("Ada Brook",)
    assert entry.published == "2024-03-09T08:30:00+00:00"
    assert entry.content == "Inspectors found cracks in the dam, officials said."


def test_entity_expansion_and_external_entities_are_refused():
    for name, text in (("bomb.rss", BILLION_LAUGHS), ("xxe.rss", XXE)):
        (item,) = read_feed(name, text)
        assert isinstance(item, InputError) and item.source == name
        assert "entity declarations" in item.problem


def test_xml_that_is_not_a_feed_is_a_clear_error():
    (item,) = read_feed("sitemap.xml", "<urlset><url><loc>https://a.example/</loc></url></urlset>")
    assert isinstance(item, InputError) and "not an RSS or Atom feed" in item.problem


def test_feed_files_are_recognised_by_extension_and_by_content(tmp_path):
    (tmp_path / "a.atom").write_text(ATOM)
    (tmp_path / "feed").write_text(RSS)  # no extension: sniffed
    docs = list(iter_documents([str(tmp_path / "a.atom"), str(tmp_path / "feed")]))
    assert [d.title for d in docs] == ["Dam inspection finds cracks", "Bridge reopens after repairs",
                                       "Ferry timetable changes"]


def test_fragment_text_keeps_paragraphs_and_drops_scripts():
    assert fragment_text("<p>One.</p><script>x()</script><div>Two <b>bold</b>.</div>") == "One.\n\nTwo bold."


def test_feed_text_is_read_as_a_feed_never_as_a_path_or_an_address(tmp_path):
    secret = tmp_path / "secret.rss"
    secret.write_text(RSS)
    for text in (str(secret), "http://127.0.0.1:9/feed.rss", "\r//]("):
        (item,) = read_feed("odd.rss", text)
        assert isinstance(item, InputError) and item.source == "odd.rss"
        assert "not an RSS or Atom feed" in item.problem
