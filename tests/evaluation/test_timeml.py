import xml.dom.minidom

from storyline.evaluation.timex import timeml_with
from storyline.models import TimeExpression

GOLD = """<?xml version="1.0" ?>
<TimeML>
<DOCID>composed</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22" functionInDocument="CREATION_TIME">2013-03-22</TIMEX3></DCT>
<TEXT>
Banks &amp; brokers <EVENT eid="e1" class="OCCURRENCE">closed</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2013-03-21">Thursday</TIMEX3> and will reopen next week.
</TEXT>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1" />
</TimeML>
"""
TEXT = "\nBanks & brokers closed on Thursday and will reopen next week.\n"


def test_system_times_replace_the_gold_ones_around_the_same_words():
    start = TEXT.index("Thursday")
    week = TEXT.index("next week")
    times = [TimeExpression("Thursday", "2013-03-21", "DATE", start, start + 8),
             TimeExpression("next week", "2013-W13", "DATE", week, week + 9)]
    out = timeml_with(GOLD, times)
    dom = xml.dom.minidom.parseString(out)  # still well-formed XML
    timexes = dom.getElementsByTagName("TEXT")[0].getElementsByTagName("TIMEX3")
    assert [(t.getAttribute("value"), t.firstChild.data) for t in timexes] == [
        ("2013-03-21", "Thursday"), ("2013-W13", "next week")]
    assert 'tid="t1" type="DATE" value="2013-03-21">Thursday' in out
    assert "TLINK" not in out  # it pointed at the gold expression's id
    assert "&amp; brokers <EVENT" in out  # the rest of the file is kept as it was
    assert out.count("CREATION_TIME") == 1


def test_no_system_times_leaves_the_text_bare():
    out = timeml_with(GOLD, [])
    text = xml.dom.minidom.parseString(out).getElementsByTagName("TEXT")[0]
    assert not text.getElementsByTagName("TIMEX3")
    assert text.getElementsByTagName("EVENT")[0].firstChild.data == "closed"
