"""Walk the paths a user gave (files, folders, ``-``) and read each input with its reader."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import replace

from storyline.errors import InputError
from storyline.ingest.decode import MAX_INPUT_BYTES, decode, read_bytes
from storyline.ingest.manifest import Manifest
from storyline.ingest.readers import READERS, Item, extension_of, sniff
from storyline.models import RawDocument


def iter_documents(
    paths: list[str],
    manifest: Manifest | None = None,
    skipped: list[str] | None = None,
) -> Iterator[Item]:
    """Yield every document found under ``paths``, or an InputError for each one that fails.

    Folders are walked recursively in sorted order (hidden entries skipped), so the same tree
    always gives the same order. Files in folders with an unknown extension are skipped and
    listed in ``skipped``; a file named explicitly is read whatever its extension.
    """
    for given in paths:
        if given == "-":
            yield from _read_one("-", sys.stdin.buffer.read(MAX_INPUT_BYTES + 1), manifest=None)
        elif given.startswith(("http://", "https://")):
            yield InputError(given, "fetching URLs is not supported in this version; save the "
                                    "page and ingest the file")
        elif os.path.isdir(given):
            for path in _walk(given):
                if extension_of(path) in READERS:
                    yield from _read_one(path, None, manifest)
                elif skipped is not None:
                    skipped.append(path)
        elif os.path.exists(given):
            yield from _read_one(given, None, manifest)
        else:
            yield InputError(given, "no such file or directory")


def _walk(folder: str) -> Iterator[str]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield os.path.join(root, name)


def _read_one(path: str, data: bytes | None, manifest: Manifest | None) -> Iterator[Item]:
    try:
        text = decode(read_bytes(path, data), path)
    except InputError as exc:
        yield exc
        return
    read = READERS.get(extension_of(path)) or sniff(text)
    meta = manifest.lookup(path) if manifest is not None else None
    for item in read(path, text):
        yield _with_manifest(item, meta) if meta and isinstance(item, RawDocument) else item


def _with_manifest(doc: RawDocument, meta: dict[str, str]) -> RawDocument:
    """Manifest metadata fills what the input itself does not say."""
    return replace(
        doc,
        published=doc.published or meta.get("published"),
        url=doc.url or meta.get("url"),
        outlet=doc.outlet or meta.get("outlet"),
        title=doc.title or meta.get("title"),
        external_id=doc.external_id or meta.get("id"),
    )


def resolve_paths(paths: list[str], manifest: Manifest | None) -> list[str]:
    """With no paths given, ingest what the manifest lists."""
    if paths or manifest is None:
        return paths
    return manifest.paths()

