from storyline.errors import InputError
from storyline.ingest import iter_documents
from storyline.ingest.manifest import Manifest
from storyline.models import RawDocument


def test_folders_are_walked_recursively_in_order_hidden_and_unknown_skipped(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.txt").write_text("Title A\n\nBody a.")
    (tmp_path / "b" / "c.html").write_text("<html><body><p>c</p></body></html>")
    (tmp_path / "b" / "d.jsonl").write_text('{"text": "d1"}\n{"text": "d2"}\n')
    (tmp_path / ".git" / "e.txt").write_text("hidden")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    skipped: list[str] = []
    items = list(iter_documents([str(tmp_path)], skipped=skipped))
    assert [i.source.replace(str(tmp_path), "") for i in items] == [
        "/a.txt", "/b/c.html", "/b/d.jsonl:1", "/b/d.jsonl:2"]
    assert [i.kind for i in items] == ["text", "html", "text", "text"]
    assert skipped == [str(tmp_path / "notes.pdf")]


def test_a_named_file_of_unknown_type_is_sniffed(tmp_path):
    path = tmp_path / "page.saved"
    path.write_text("<!DOCTYPE html><html><body><p>x</p></body></html>")
    (item,) = iter_documents([str(path)])
    assert item.kind == "html"


def test_missing_paths_urls_and_bad_files_become_errors_and_the_rest_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Title\n\nBody.")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    items = list(iter_documents([str(tmp_path / "nope.txt"), "http://127.0.0.1:9/a",
                                 str(empty), str(good)]))
    errors = [i for i in items if isinstance(i, InputError)]
    assert [e.problem.split()[0] for e in errors] == ["no", "cannot", "empty"]
    assert isinstance(items[-1], RawDocument) and items[-1].source == str(good)


def test_manifest_fills_metadata_the_input_does_not_give(tmp_path):
    (tmp_path / "a.txt").write_text("Title\n\nBody.")
    (tmp_path / "b.jsonl").write_text('{"text": "x", "published": "2020-01-01"}')
    (tmp_path / "m.jsonl").write_text(
        '{"path": "a.txt", "published": "2021-12-03", "outlet": "Gazette"}\n'
        '{"path": "b.jsonl", "published": "1999-01-01", "url": "https://b.example/"}\n')
    manifest = Manifest.load(str(tmp_path / "m.jsonl"))
    a, b = iter_documents([str(tmp_path / "a.txt"), str(tmp_path / "b.jsonl")], manifest)
    assert (a.published, a.outlet) == ("2021-12-03", "Gazette")
    assert (b.published, b.url) == ("2020-01-01", "https://b.example/")  # the input's own date wins
