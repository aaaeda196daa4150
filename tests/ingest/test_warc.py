import gzip
import io

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyline.errors import InputError
from storyline.ingest.discover import iter_documents
from storyline.models import RawDocument

PAGE = ("<html><head><title>Storm closes port</title></head><body><article><h1>Storm closes port</h1>"
        "<p>The port closed on Tuesday as a storm brought winds of 120 km/h, the harbour master said.</p>"
        "<p>Ferries will resume on Thursday if the wind drops, he said.</p></article></body></html>")


def write_warc(path, records, compress=True):
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=compress)
        for uri, body, ctype in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers))
        # A request record, which is not an article.
        writer.write_record(writer.create_warc_record("https://port.example/", "request",
                                                      payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))


def test_html_responses_in_a_warc_gz_become_documents(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [("https://port.example/storm", PAGE.encode(), "text/html; charset=utf-8"),
                      ("https://port.example/logo.png", b"\x89PNG...", "image/png")])
    (doc,) = iter_documents([str(path)])
    assert isinstance(doc, RawDocument) and doc.kind == "html"
    assert doc.url == "https://port.example/storm" and doc.external_id.startswith("<urn:uuid:")
    assert doc.source == f"{path}#https://port.example/storm"


def test_uncompressed_warc_is_read_too(tmp_path):
    path = tmp_path / "crawl.warc"
    write_warc(path, [("https://port.example/storm", PAGE.encode(), "text/html")], compress=False)
    assert [d.url for d in iter_documents([str(path)])] == ["https://port.example/storm"]


def test_truncated_warc_keeps_the_records_before_the_damage(tmp_path):
    path = tmp_path / "cut.warc.gz"
    write_warc(path, [(f"https://port.example/{n}", PAGE.encode(), "text/html") for n in range(3)])
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * 0.7)])
    items = list(iter_documents([str(path)]))
    docs = [i for i in items if isinstance(i, RawDocument)]
    assert 1 <= len(docs) < 3
    assert isinstance(items[-1], InputError) and "truncated or corrupt WARC" in items[-1].problem


def test_garbage_under_a_warc_name_is_an_error(tmp_path):
    path = tmp_path / "fake.warc.gz"
    path.write_bytes(gzip.compress(b"this is not an archive at all\n" * 20))
    (item,) = iter_documents([str(path)])
    assert isinstance(item, InputError) and item.source == str(path)
