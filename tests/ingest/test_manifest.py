import json

from storyline.ingest.manifest import Manifest


def write(path, rows):
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows))


def test_lookup_by_relative_path_resolved_and_unique_name(tmp_path):
    (tmp_path / "docs").mkdir()
    manifest = tmp_path / "m.jsonl"
    write(manifest, [{"path": "docs/a.txt", "published": "2021-12-03", "url": "https://x.example/a"},
                     {"path": "other/b.txt", "published": "2021-12-04"}])
    m = Manifest.load(str(manifest))
    assert m.lookup(str(tmp_path / "docs" / "a.txt"))["published"] == "2021-12-03"
    # a file found elsewhere is still matched by a unique file name
    assert m.lookup("/somewhere/else/b.txt")["published"] == "2021-12-04"
    assert m.lookup("/somewhere/c.txt") is None


def test_ambiguous_names_do_not_match_by_name(tmp_path):
    manifest = tmp_path / "m.jsonl"
    write(manifest, [{"path": "x/a.txt", "published": "2021-01-01"},
                     {"path": "y/a.txt", "published": "2021-01-02"}])
    m = Manifest.load(str(manifest))
    assert m.lookup("/elsewhere/a.txt") is None
    assert m.lookup(str(tmp_path / "y" / "a.txt"))["published"] == "2021-01-02"


def test_bad_lines_are_reported_and_the_rest_is_used(tmp_path):
    manifest = tmp_path / "m.jsonl"
    write(manifest, ['{"path": "a.txt", "published": "2021-01-01"}', "oops", '{"published": "x"}'])
    m = Manifest.load(str(manifest))
    assert [e.source for e in m.errors] == [f"{manifest}:2", f"{manifest}:3"]
    assert m.paths() == [str(tmp_path / "a.txt")]
