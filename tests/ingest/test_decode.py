import gzip

import pytest

from storyline.errors import InputError
from storyline.ingest.decode import decode, read_bytes


def test_utf8_with_bom_is_read():
    assert decode("Kyiv – “quoted”".encode("utf-8-sig"), "a.txt") == "Kyiv – “quoted”"


def test_latin1_text_is_detected_not_mangled():
    text = "Le président a déclaré à Genève que la réunion était très importante. " * 5
    assert decode(text.encode("latin-1"), "fr.txt") == text


def test_utf16_with_bom():
    assert decode("Hello world, this is text.".encode("utf-16"), "u16.txt").startswith("Hello")


@pytest.mark.parametrize("data, problem", [
    (b"", "empty"),
    (b"   \n\t ", "empty"),
    (b"%PDF-1.7 binary stuff", "PDF"),
    (b"\x89PNG\r\n\x1a\n....", "PNG"),
    (b"abc\x00\x01\x02def" * 10, "NUL"),
])
def test_bad_bytes_are_refused_with_the_reason(data, problem):
    with pytest.raises(InputError) as info:
        decode(data, "input.txt")
    assert info.value.source == "input.txt"
    assert problem in str(info.value)


def test_gzip_is_read_transparently_and_capped(tmp_path):
    path = tmp_path / "a.txt.gz"
    path.write_bytes(gzip.compress(b"x" * 5000))
    assert len(read_bytes(str(path))) == 5000
    with pytest.raises(InputError, match="input limit"):
        read_bytes(str(path), limit=1000)


def test_unreadable_path_names_the_file(tmp_path):
    with pytest.raises(InputError) as info:
        read_bytes(str(tmp_path / "missing.txt"))
    assert "missing.txt" in str(info.value)
