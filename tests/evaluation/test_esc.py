from storyline.evaluation.timex import load_esc
from tests.evaluation.cat_files import anchors
from tests.evaluation.cat_files import cat_xml as cat_file

SENTENCES = [["http", ":", "//example.com/storm"],  # the article's address
             ["Storm", "closes", "port"],
             ["PUBLISHED", ":", "May", "4", ",", "2010"],
             ["The", "port", "closed", "on", "Monday", "for", "two", "days", "."],
             ["Ships", "waited", "offshore", "."]]  # no markable: not annotated


def cat_xml(markables: str) -> str:
    return cat_file("1_1ecbplus.xml", SENTENCES, markables)


def time(tag: str, tokens: list[int], value: str, dct: bool = False) -> str:
    return (f'<{tag} m_id="{tokens[0]}" DCT="{str(dct).upper()}" value="{value}">'
            f"{anchors(tokens)}</{tag}>")


def test_esc_articles_keep_their_annotated_sentences_dates_and_durations(tmp_path):
    (tmp_path / "1").mkdir()
    (tmp_path / "1" / "1_1ecbplus.xml.xml").write_text(cat_xml(
        time("TIME_DATE", [9, 10, 11, 12], "2010-05-04T10:00Z", dct=True)
        + time("TIME_DATE", [16, 17], "2010-05-03") + time("TIME_DURATION", [19, 20], "P2D")
        + time("TIME_OF_THE_DAY", [17], "2010-05-03T12:00Z")  # told in UTC: left out
        + time("TIME_DATE", [4], "")  # no value: left out
        + '<ACTION_OCCURRENCE m_id="9"><token_anchor t_id="5"/></ACTION_OCCURRENCE>'),
        encoding="utf-8")
    (doc,), skipped = load_esc(tmp_path)
    assert skipped == []
    assert (doc.id, doc.split, doc.dct) == ("1_1ecbplus.xml", "esc", "2010-05-04")
    # the address and the sentence with no markable are left out
    assert doc.text == ("Storm closes port PUBLISHED: May 4, 2010 "
                        "The port closed on Monday for two days.")
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("on Monday", "TIME_DATE", "2010-05-03"), ("two days", "TIME_DURATION", "P2D")]
    assert all(doc.text[t.start:t.end] == t.text for t in doc.timexes)


def test_an_esc_article_without_an_iso_dct_is_left_out(tmp_path):
    (tmp_path / "a.xml").write_text(cat_xml(time("TIME_DATE", [9, 10, 11, 12], "", dct=True)
                                            + time("TIME_DATE", [16, 17], "2010-05-03")),
                                    encoding="utf-8")
    docs, skipped = load_esc(tmp_path)
    assert (docs, skipped) == ([], ["1_1ecbplus.xml"])
