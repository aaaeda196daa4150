"""Bytes to text: UTF-8 first, then a detected encoding; binary and empty input refused by name."""

from __future__ import annotations

import gzip
import io

import charset_normalizer

from storyline.errors import InputError

MAX_INPUT_BYTES = 50 * 1024 * 1024

_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x7fELF": "an executable",
}


def read_bytes(path: str, data: bytes | None = None, limit: int = MAX_INPUT_BYTES) -> bytes:
    """Read a file (transparently gunzipping ``.gz``), refusing more than ``limit`` bytes."""
    if data is None:
        try:
            with open(path, "rb") as fh:
                data = fh.read(limit + 1)
        except OSError as exc:
            raise InputError(path, f"cannot read: {exc.strerror or exc}") from exc
    if data[:2] == b"\x1f\x8b":
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
                data = gz.read(limit + 1)
        except (OSError, EOFError) as exc:
            raise InputError(path, f"broken gzip data: {exc}") from exc
    if len(data) > limit:
        raise InputError(path, f"larger than the {limit // (1024 * 1024)} MB input limit")
    return data


def decode(data: bytes, source: str) -> str:
    """Decode ``data`` to text or raise an InputError that says what is wrong with it."""
    if not data.strip():
        raise InputError(source, "empty input")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(source, f"binary data ({what}), not text")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    head = data[:8192]
    if b"\x00" in head:
        raise InputError(source, "binary data (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        match = charset_normalizer.from_bytes(data).best()
        if match is None:
            raise InputError(source, "not UTF-8 and no other text encoding fits") from None
        text = str(match)
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > 0.05 * min(len(text), 8192):
        raise InputError(source, "binary data (control characters), not text")
    if not text.strip():
        raise InputError(source, "empty input")
    return text
