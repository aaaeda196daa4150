"""WARC and WARC.gz web archives: one document per HTML response record, read as a stream.

Archives are often gigabytes, so records are read one at a time from the file, each capped
at the input limit. A truncated or corrupt archive yields the records before the damage and
then an error that says where reading stopped.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from storyline.errors import InputError
from storyline.ingest.decode import MAX_INPUT_BYTES, decode
from storyline.models import RawDocument

Item = RawDocument | InputError
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TRAILER_BYTES = 8  # the blank lines after an uncompressed archive's last record


def read_warc(path: str, limit: int = MAX_INPUT_BYTES) -> Iterator[Item]:
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed in the finally below
    except OSError as exc:
        yield InputError(path, f"cannot read: {exc.strerror or exc}")
        return
    records = 0  # response records read
    end = 0  # where the last whole record ends; short of the file's end means it was cut off
    archive = ArchiveIterator(stream)
    try:
        for record in archive:
            item = _document(path, record, records + 1, limit)
            archive.read_to_end(record)
            if getattr(record.raw_stream, "limit", 0) > 0:  # fewer bytes than it declared
                raise ArchiveLoadFailed("the archive ends inside a record")
            end = archive.get_record_offset() + archive.get_record_length()
            if item is not None:
                records += 1
                yield item
        if os.fstat(stream.fileno()).st_size - end > _TRAILER_BYTES:
            raise ArchiveLoadFailed(f"the archive ends inside a record (byte {end})")
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
        yield InputError(path, f"truncated or corrupt WARC after {records} pages "
                               f"({type(exc).__name__}: {exc})")
    finally:
        stream.close()


def _document(path: str, record, number: int, limit: int) -> Item | None:
    """The HTML page in a response record, an error about it, or None for other records."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if not content_type.startswith(_HTML_TYPES):
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI")
    record_id = record.rec_headers.get_header("WARC-Record-ID")
    where = f"{path}#{uri or record_id or number}"
    status = record.http_headers.get_statuscode()
    if status and not status.startswith("2"):
        return None
    body = record.content_stream().read(limit + 1)
    if len(body) > limit:
        return InputError(where, f"record larger than the {limit // 2**20} MB input limit")
    try:
        text = decode(body, where)
    except InputError as exc:
        return exc
    return RawDocument(source=where, content=text, kind="html", external_id=record_id, url=uri)
