"""Ingest: turn files, folders, JSONL and stdin into RawDocuments (one reader per input kind)."""

from storyline.ingest.discover import iter_documents, resolve_paths
from storyline.ingest.manifest import Manifest

__all__ = ["Manifest", "iter_documents", "resolve_paths"]
