"""CAT XML files (the format of NewsReader's annotation tool) composed for the loader tests."""


def cat_xml(name: str, sentences: list[list[str]], markables: str) -> str:
    """A document of the given sentences, its tokens numbered from 1, with its markables."""
    tokens, tid = [], 0
    for number, words in enumerate(sentences):
        for word in words:
            tid += 1
            tokens.append(f'<token t_id="{tid}" sentence="{number}" number="{tid - 1}">{word}'
                          "</token>")
    return (f'<Document doc_name="{name}">{"".join(tokens)}'
            f"<Markables>{markables}</Markables></Document>")


def anchors(tokens: list[int]) -> str:
    return "".join(f'<token_anchor t_id="{t}"/>' for t in tokens)
