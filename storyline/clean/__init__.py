"""Clean: HTML or flattened text -> article body without chrome, plus page metadata."""

from storyline.clean.boilerplate import BoilerplateIndex
from storyline.clean.document import CleanDocument, clean

__all__ = ["BoilerplateIndex", "CleanDocument", "clean"]
