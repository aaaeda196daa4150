"""Recover article text that a page splits into several same-styled containers.

Many publishing systems cut a long body into chunks (one container per few paragraphs, with
ads between them); an extractor that picks the best single container then returns only the
first chunk. The sign is structural: the container holding the extracted paragraphs has
siblings of the same tag and class whose paragraphs sit in elements of the same tag and class
as ours. Their prose paragraphs are added in page order.
"""

from __future__ import annotations

from lxml import html as lxml_html

from storyline.clean.lines import STRONG, Unit, describe

_PARAGRAPHS = ("p", "h2", "h3", "h4", "blockquote", "li")
_SKIP = {"script", "style", "noscript", "aside", "figure", "figcaption", "nav", "footer", "form"}
_PROBE_CHARS = 60
MIN_PROSE_WORDS = 10


def _squash(text: str) -> str:
    return " ".join(text.split())


def _prose(text: str) -> bool:
    unit = Unit(0, 0, len(text), text)
    describe(unit)
    return unit.terminal and unit.n_words >= MIN_PROSE_WORDS and not unit.flags & STRONG


def _paragraphs(container: lxml_html.HtmlElement, parent_tag: str, parent_class: str) -> list[str]:
    found = []
    for node in container.iter(*_PARAGRAPHS):
        holder = node.getparent()
        if holder is None or holder.tag != parent_tag or holder.get("class") != parent_class:
            continue
        if any(a.tag in _SKIP or a.tag in _PARAGRAPHS for a in node.iterancestors()):
            continue
        text = _squash(node.text_content())
        if text and _prose(text):
            found.append(text)
    return found


def _anchor(tree: lxml_html.HtmlElement, longest: str) -> lxml_html.HtmlElement | None:
    probe = _squash(longest)[:_PROBE_CHARS]
    for node in tree.iter("p"):
        if probe in _squash(node.text_content()):
            return node
    return None


def sibling_chunks(
    tree: lxml_html.HtmlElement, paragraphs: list[str]
) -> tuple[list[str], list[str]]:
    """Prose paragraphs in same-styled sibling containers (before, after) of the extracted ones."""
    if not paragraphs:
        return [], []
    anchor = _anchor(tree, max(paragraphs, key=len))
    holder = anchor.getparent() if anchor is not None else None
    parent_class = holder.get("class") if holder is not None else None
    if anchor is None or holder is None or not parent_class:
        return [], []
    for container in anchor.iterancestors():
        klass, outer = container.get("class"), container.getparent()
        if not klass or outer is None:
            continue
        twins = [s for s in outer if s is not container and s.tag == container.tag
                 and s.get("class") == klass]
        if not twins:
            continue
        have = {_squash(p)[:_PROBE_CHARS] for p in paragraphs}
        before: list[str] = []
        after: list[str] = []
        passed = False
        for sibling in outer:
            if sibling is container:
                passed = True
            elif sibling.tag == container.tag and sibling.get("class") == klass:
                new = [p for p in _paragraphs(sibling, holder.tag, parent_class)
                       if p[:_PROBE_CHARS] not in have]
                (after if passed else before).extend(new)
        return before, after
    return [], []
