"""A manifest: JSONL lines giving metadata (published, url, outlet, title) for files by ``path``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from storyline.errors import InputError
from storyline.ingest.readers import json_objects

FIELDS = ("published", "url", "outlet", "title", "id")


@dataclass
class Manifest:
    """Looks a file up by the path given to ingest, its resolved path, or a unique file name."""

    base: Path
    entries: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    _by_resolved: dict[Path, dict[str, str]] = field(default_factory=dict)
    _by_name: dict[str, dict[str, str] | None] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str) -> Manifest:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(path, f"cannot read manifest: {exc}") from exc
        manifest = cls(base=Path(path).resolve().parent)
        for item in json_objects(path, text):
            if isinstance(item, InputError):
                manifest.errors.append(item)
                continue
            where, record = item
            if not isinstance(record.get("path"), str):
                manifest.errors.append(InputError(where, 'each line needs a "path" string'))
                continue
            meta = {k: str(record[k]) for k in FIELDS if record.get(k) not in (None, "")}
            manifest._add(record["path"], meta)
        return manifest

    def _add(self, given: str, meta: dict[str, str]) -> None:
        self.entries.append((given, meta))
        for candidate in (self.base / given, Path(given)):
            self._by_resolved.setdefault(candidate.resolve(), meta)
        name = Path(given).name
        # A bare file name only identifies a file when no other entry shares it.
        self._by_name[name] = None if name in self._by_name else meta

    def lookup(self, path: str) -> dict[str, str] | None:
        meta = self._by_resolved.get(Path(path).resolve())
        if meta is not None:
            return meta
        return self._by_name.get(Path(path).name)

    def paths(self) -> list[str]:
        """The files the manifest lists, for an ingest that names no paths of its own."""
        out = []
        for given, _ in self.entries:
            beside = self.base / given
            out.append(str(beside) if beside.exists() or not Path(given).exists() else given)
        return out
