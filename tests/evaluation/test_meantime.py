from storyline.evaluation.timex import load_meantime
from tests.evaluation.cat_files import anchors
from tests.evaluation.cat_files import cat_xml as cat_file

SENTENCES = [["Storm", "closes", "port"],  # the headline
             ["May", "4", ",", "2010"],  # the date line
             ["The", "port", "closed", "on", "Monday", "(", "local", "time", ")", "."],
             ["It", "had", "been", "open", "for", "30", "years", "."],
             ["Ships", "waited", "offshore", "."]]  # past the annotated sentences


def cat_xml(timexes: str) -> str:
    return cat_file("storm_closes_port", SENTENCES, timexes)


def timex(tokens: list[int], value: str, kind: str = "DATE", function: str = "NONE") -> str:
    return (f'<TIMEX3 functionInDocument="{function}" type="{kind}" value="{value}">'
            f"{anchors(tokens)}</TIMEX3>")


def test_meantime_articles_keep_their_annotated_body_and_read_the_dct(tmp_path):
    (tmp_path / "corpus_storm").mkdir()
    (tmp_path / "corpus_storm" / "1_storm.xml").write_text(cat_xml(
        timex([4, 5, 6, 7], "2010-05-04", function="CREATION_TIME")
        + timex([12], "2010-05-03") + timex([23, 24], "P30Y", "DURATION")), encoding="utf-8")
    (doc,), skipped = load_meantime(tmp_path)
    assert skipped == []
    assert (doc.id, doc.split, doc.dct) == ("storm_closes_port", "meantime", "2010-05-04")
    # the headline, the date line and the sentences after the last markable are left out
    assert doc.text == "The port closed on Monday (local time). It had been open for 30 years."
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("Monday", "DATE", "2010-05-03"), ("30 years", "DURATION", "P30Y")]
    assert all(doc.text[t.start:t.end] == t.text for t in doc.timexes)


def test_a_date_line_stands_for_an_unmarked_dct_and_a_non_iso_one_is_skipped(tmp_path):
    (tmp_path / "a.xml").write_text(cat_xml(timex([4, 5, 6, 7], "2010-05-04")
                                            + timex([12], "2010-05-03")), encoding="utf-8")
    (tmp_path / "b.xml").write_text(cat_xml(
        timex([4, 5, 6, 7], "05-04-2010", function="CREATION_TIME")), encoding="utf-8")
    docs, skipped = load_meantime(tmp_path)
    assert [(d.dct, len(d.timexes)) for d in docs] == [("2010-05-04", 1)]
    assert skipped == ["storm_closes_port"]
