"""Trafilatura's body as blocks, post-cleaned with what the markup and the line classifier say.

Trafilatura keeps the main content of a page but lets through, on many sites, the headline and
standfirst, comment threads, link lists ("Related", "Don't miss") and calls to action between
paragraphs. Its XML output keeps block kinds and links, so a block can be judged by its tag,
by the share of its text that is link text, and by the same shape flags as flattened text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from storyline.clean.lines import TERMINAL_RE, Unit, describe
from storyline.textutil import normalise_line

# Elements that hold paragraphs; everything else in trafilatura's XML is inline (hi, ref, lb…).
_STRUCTURAL = {"body", "div", "p", "head", "quote", "code", "list", "item", "table", "row", "cell"}

# A heading that opens a page's comment thread: "12 Comments", "3 thoughts on “…”", "Leave a Reply".
COMMENTS_RE = re.compile(
    r"^(?:\d+\s+)?(?:comments?|responses?|replies|thoughts? on\b|reader comments|"
    r"top rated comments|leave a (?:reply|comment)|join the (?:conversation|discussion)|"
    r"discussion|what do you think)",
    re.IGNORECASE,
)


@dataclass
class Block:
    """One paragraph-like element of the extracted body."""

    kind: str
    text: str
    link_chars: int = 0
    unit: Unit = field(init=False)

    def __post_init__(self) -> None:
        self.unit = Unit(0, 0, len(self.text), self.text)
        describe(self.unit)

    @property
    def link_share(self) -> float:
        return self.link_chars / max(len(self.text), 1)


def blocks_of(body: etree._Element) -> list[Block]:
    """Paragraphs, headings, quotes, list items and table rows, in document order.

    Inline text (links, emphasis) belongs to the nearest structural element; a structural child
    ends the text before it and starts a new block after it.
    """
    blocks: list[Block] = []

    def emit(kind: str, pieces: list[str], links: int) -> None:
        lines = "".join(pieces).split("\n")
        text = "\n".join(" ".join(line.split()) for line in lines).strip()
        if text:
            blocks.append(Block(kind, text, links))

    def inline(element: etree._Element, pieces: list[str]) -> int:
        """Append the text of an inline element and its children; return its link characters."""
        links = 0
        if element.tag == "lb":
            pieces.append("\n")
        if element.text:
            pieces.append(element.text)
            if element.tag == "ref":
                links += len(element.text.strip())
        for child in element:
            if isinstance(child.tag, str):
                inner: list[str] = []
                child_links = inline(child, inner)
                pieces.extend(inner)
                links += len("".join(inner).strip()) if element.tag == "ref" else child_links
            if child.tail:
                pieces.append(child.tail)
        return links

    def structural(element: etree._Element) -> None:
        kind = element.tag
        cells = [c for c in element if isinstance(c.tag, str) and c.tag == "cell"]
        if kind == "row" and not any(c.tag in _STRUCTURAL for cell in cells for c in cell):
            pieces, links = [], 0
            for cell in cells:
                links += inline(cell, pieces)
                pieces.append(" ")
            emit("row", pieces, links)
            return
        pieces: list[str] = [element.text or ""]
        links = 0
        for child in element:
            if not isinstance(child.tag, str):
                pieces.append(child.tail or "")
            elif child.tag in _STRUCTURAL:
                emit(kind, pieces, links)
                pieces, links = [], 0
                structural(child)
                pieces.append(child.tail or "")
            else:
                links += inline(child, pieces)
                pieces.append(child.tail or "")
        emit(kind, pieces, links)

    structural(body)
    return _rejoin(blocks)


_CONTINUES_RE = re.compile(r"^[,.;:)\]!?’”]|^[a-z]")


def _rejoin(blocks: list[Block]) -> list[Block]:
    """Mend sentences that trafilatura split around an inline link it lifted out as a block.

    A run of pieces is joined once at its end (joining piece by piece re-read the growing text
    each time: quadratic on a page of thousands of one-word paragraphs)."""
    runs: list[tuple[Block, list[str], int, str]] = []  # first block, pieces, links, text tail
    for block in blocks:
        if runs and runs[-1][0].kind in ("p", "div") and not TERMINAL_RE.search(runs[-1][3]) \
                and (_CONTINUES_RE.match(block.text)
                     or (block.kind == "div" and block.link_share > 0.9)):
            first, pieces, links, tail = runs[-1]
            glue = "" if block.text[0] in ",.;:)]!?’”" else " "
            pieces += [glue, block.text]
            runs[-1] = (first, pieces, links + block.link_chars,
                        (tail + glue + block.text)[-_TAIL:])
        else:
            runs.append((block, [block.text], block.link_chars, block.text[-_TAIL:]))
    return [first if len(pieces) == 1 else Block(first.kind, "".join(pieces), links)
            for first, pieces, links, _ in runs]


# Enough of a text's end to tell whether it ends a sentence (TERMINAL_RE is anchored there).
_TAIL = 200


# Shape flags that mark chrome even inside an extracted body. Others ("reader", "ui", "label")
# cost more body than they remove on pages an extractor has already narrowed down.
_CHROME_FLAGS = frozenset({"cta", "credit", "caption"})
LINK_SHARE_MAX = 0.6
_BARE_URL_RE = re.compile(r"^(?:https?://|www\.)\S+$")
LINKED_PROSE_WORDS = 20


def is_chrome(block: Block) -> bool:
    """A block that is page furniture wherever it stands: link lists, calls to action, captions."""
    unit = block.unit
    linked_prose = unit.terminal and unit.n_words > LINKED_PROSE_WORDS
    if block.link_share >= LINK_SHARE_MAX and not linked_prose:
        return True
    return bool(unit.flags & _CHROME_FLAGS) or bool(_BARE_URL_RE.match(block.text))


# Imperatives that open a closing call to action: "Click here for more", "Sign up for…".
_APPEAL_VERBS = frozenset({"click", "tap", "subscribe", "sign", "follow", "download", "register",
                           "join", "donate"})
_SENTENCE_RE = re.compile(r"[^.!?]+[.!?]*")
CLOSING_APPEAL_WORDS = 40
APPEAL_SENTENCE_WORDS = 12


def closing_appeal(block: Block) -> bool:
    """A short last paragraph with an imperative call to action in it: a subscription offer or
    a "click here" pointer appended under the article, not part of its story."""
    if block.unit.n_words > CLOSING_APPEAL_WORDS:
        return False
    for sentence in _SENTENCE_RE.findall(block.text):
        words = sentence.split()
        if words and len(words) <= APPEAL_SENTENCE_WORDS and (
            words[0].lower().strip("“\"'‘(") in _APPEAL_VERBS
        ):
            return True
    return False


def keep_blocks(blocks: list[Block], title: str | None) -> list[Block]:
    """The blocks that are article body: no headline or standfirst above the first paragraph,
    nothing from a comment thread on, no chrome blocks, no headings with nothing under them."""
    title_norm = normalise_line(title) if title else None
    kept: list[Block] = []
    for block in blocks:
        if kept and block.kind == "head" and COMMENTS_RE.match(block.text):
            break
        if (block.kind == "head" and not kept) or (
            title_norm and normalise_line(block.text) == title_norm
        ):
            continue
        if not is_chrome(block):
            kept.append(block)
    while kept and (kept[-1].kind == "head" or closing_appeal(kept[-1])):
        kept.pop()
    return kept or [b for b in blocks if not is_chrome(b)] or blocks
