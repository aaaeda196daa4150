"""storyline: turn a pile or a stream of news articles into source-attributed stories.

    import storyline
    with storyline.open("news.db") as sl:
        sl.ingest(["articles/"])
        for story in sl.stories():
            print(story.title, [e.date for e in story.timeline])
"""

from storyline.api import Storyline
from storyline.api import open_storyline as open
from storyline.errors import InputError, StoreError, StorylineError, UnknownStory
from storyline.models import (
    Article,
    Development,
    Entity,
    Figure,
    Quote,
    RawDocument,
    Story,
    TimeExpression,
    TimelineEntry,
)
from storyline.pipeline import IngestReport

__version__ = "0.1.0"

__all__ = [
    "Article", "Development", "Entity", "Figure", "IngestReport", "InputError", "Quote",
    "RawDocument", "StoreError", "Story", "Storyline", "StorylineError", "TimeExpression",
    "TimelineEntry", "UnknownStory", "open",
]
