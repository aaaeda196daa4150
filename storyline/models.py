"""Data classes that flow through the pipeline and form the public API.

Offsets are character offsets into an article's cleaned ``text`` (end exclusive), as in the
export contract (export-v1). Unknown values are ``None``; list fields are empty when nothing
was found.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

# The language the analysis models read; articles in others are stored but not analysed.
ANALYSED_LANGUAGE = "en"

ContentKind = Literal["text", "html"]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input item as read, before cleaning. Metadata fields are what the input itself said."""

    source: str
    content: str
    kind: ContentKind
    external_id: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    authors: tuple[str, ...] = ()  # named by the input's own metadata (HTML meta, JSONL)
    # The input's own teaser (a crawler's "description"): the body when the text is only chrome.
    description: str | None = None
    # Plain-text files open with their title; a JSONL body does not (its title is a field).
    title_line: bool = True
    # A feed item: ``content`` is the item's own text, ``url`` the page it links to.
    feed_item: bool = False


@dataclass(frozen=True, slots=True)
class Entity:
    text: str
    label: str
    canonical: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    speaker: str | None
    speaker_canonical: str | None
    cue: str | None
    start: int
    end: int
    speaker_start: int | None = None
    speaker_end: int | None = None
    kind: str = "direct"  # "direct" (the words in quotation marks) or "reported" (indirect)


@dataclass(frozen=True, slots=True)
class TimeExpression:
    text: str
    value: str | None
    type: str
    start: int
    end: int
    mod: str | None = None
    points_to: str | None = None  # the day an offset leads to: "sank two days later" → its day


@dataclass(frozen=True, slots=True)
class Figure:
    text: str
    value: float | int
    qualifier: str | None
    unit: str | None
    attributed_to: list[str]
    start: int
    end: int
    key: str | None = None  # comparable key: the unit's lemma, so two articles' figures can meet


@dataclass(slots=True)
class Article:
    id: str
    source: str
    text: str
    external_id: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    syndicated: bool = False
    syndicated_from: str | None = None
    credits: list[str] = field(default_factory=list)
    dateline: str | None = None
    published: str | None = None
    published_source: str | None = None
    language: str | None = None
    duplicate_of: str | None = None
    story_id: str | None = None
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    # Sentence spans of ``text``; the story views pick sentences by these.
    sentences: list[tuple[int, int]] = field(default_factory=list)

    @property
    def analysed(self) -> bool:
        """Entities, quotes, times and figures are read for English only; others stay bare."""
        return self.language == ANALYSED_LANGUAGE

    def to_dict(self) -> dict[str, Any]:
        """The export-v1 article object (sentences are internal and left out)."""
        return {
            "id": self.id,
            "source": self.source,
            "external_id": self.external_id,
            "url": self.url,
            "title": self.title,
            "outlet": self.outlet,
            "syndicated": self.syndicated,
            "syndicated_from": self.syndicated_from,
            "credits": list(self.credits),
            "dateline": self.dateline,
            "published": self.published,
            "published_source": self.published_source,
            "language": self.language,
            "analysed": self.analysed,
            "text": self.text,
            "duplicate_of": self.duplicate_of,
            "story_id": self.story_id,
            "entities": [asdict(e) for e in self.entities],
            "quotes": [asdict(q) for q in self.quotes],
            "times": [asdict(t) for t in self.times],
            "figures": [asdict(f) for f in self.figures],
        }


@dataclass(slots=True)
class Development:
    id: str
    date: str | None
    article_ids: list[str]
    headline: str | None


@dataclass(slots=True)
class TimelineEntry:
    date: str
    text: str
    article_id: str
    start: int
    end: int
    sources: list[str]
    article_ids: list[str]


@dataclass(slots=True)
class SummarySentence:
    text: str
    article_id: str
    start: int
    end: int
    development_id: str | None = None


@dataclass(slots=True)
class Novelty:
    article_id: str
    new: list[dict[str, Any]]


@dataclass(slots=True)
class Claim:
    value: str  # a figure as printed, or the words of a statement
    attributed_to: list[str]
    article_id: str
    outlet: str | None
    start: int
    end: int
    stance: str | None = None  # for a contested statement: "asserts" or "denies"


@dataclass(slots=True)
class Disagreement:
    subject: str
    claims: list[Claim]
    kind: str = "figure"  # "figure": values for one quantity; "claim": a statement and its denial


@dataclass(slots=True)
class Toll:
    """A count that grows while a story goes on, as reports gave it: each new high, first
    printed, in time order."""
    subject: str  # "people killed"
    kind: str  # "deaths", "injuries", "casualties", "in hospital", "arrests", "infections"
    claims: list[Claim]


@dataclass(slots=True)
class StoryEntity:
    canonical: str
    label: str
    mentions: int


@dataclass(slots=True)
class SpeakerQuotes:
    speaker: str
    quotes: list[dict[str, Any]]
    # The entities who spoke: one, or each of those who said it together ("Kyiv and Washington")
    names: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Story:
    id: str
    title: str | None
    article_ids: list[str]
    developments: list[Development] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    summary: list[SummarySentence] = field(default_factory=list)
    novelty: list[Novelty] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)
    tolls: list[Toll] = field(default_factory=list)
    entities: list[StoryEntity] = field(default_factory=list)
    speakers: list[SpeakerQuotes] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    first_published: str | None = None
    last_published: str | None = None
    # Canonical names as resolved across the story (e.g. "Putin" -> "Vladimir Putin").
    aliases: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The export-v1 story object."""
        return {
            "id": self.id,
            "title": self.title,
            "article_ids": list(self.article_ids),
            "outlets": list(self.outlets),
            "first_published": self.first_published,
            "last_published": self.last_published,
            "developments": [asdict(d) for d in self.developments],
            "timeline": [asdict(t) for t in self.timeline],
            "summary": [asdict(s) for s in self.summary],
            "novelty": [asdict(n) for n in self.novelty],
            "disagreements": [asdict(d) for d in self.disagreements],
            "tolls": [asdict(t) for t in self.tolls],
            "entities": [asdict(e) for e in self.entities],
            "speakers": [asdict(s) for s in self.speakers],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Story:
        return cls(
            id=data["id"],
            title=data.get("title"),
            article_ids=list(data.get("article_ids", [])),
            developments=[Development(**d) for d in data.get("developments", [])],
            timeline=[TimelineEntry(**t) for t in data.get("timeline", [])],
            summary=[SummarySentence(**s) for s in data.get("summary", [])],
            novelty=[Novelty(**n) for n in data.get("novelty", [])],
            disagreements=[
                Disagreement(d["subject"], [Claim(**c) for c in d["claims"]],
                             d.get("kind", "figure"))
                for d in data.get("disagreements", [])
            ],
            tolls=[Toll(t["subject"], t["kind"], [Claim(**c) for c in t["claims"]])
                   for t in data.get("tolls", [])],
            entities=[StoryEntity(**e) for e in data.get("entities", [])],
            speakers=[SpeakerQuotes(**s) for s in data.get("speakers", [])],
            outlets=list(data.get("outlets", [])),
            first_published=data.get("first_published"),
            last_published=data.get("last_published"),
            aliases=dict(data.get("aliases", {})),
        )
