"""Errors that name the input and the problem, so a user can act on them."""

from __future__ import annotations


class StorylineError(Exception):
    """Base class of every error storyline raises on purpose."""


class InputError(StorylineError):
    """One input item could not be read or used; the batch goes on without it."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem

    def __reduce__(self) -> tuple:  # travels back from a worker process intact
        return type(self), (self.source, self.problem)


class StoreError(StorylineError):
    """The store cannot be opened or written (bad URL, newer schema, locked, full disk)."""


class UnknownStory(StorylineError):
    def __init__(self, story_id: str) -> None:
        super().__init__(f"no story with id {story_id!r}")
        self.story_id = story_id

    def __reduce__(self) -> tuple:
        return type(self), (self.story_id,)


class ModelMissing(StorylineError):
    """No usable spaCy English pipeline is installed."""
