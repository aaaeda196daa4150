from storyline.analyse.entities import extract_entities
from storyline.analyse.quotes import extract_quotes, find_quote_spans


def quotes(nlp, text):
    doc = nlp(text)
    return [(q.text, q.speaker, q.speaker_canonical, q.cue)
            for q in extract_quotes(doc, extract_entities(doc))]


def test_quote_marks_of_every_kind_and_across_paragraphs():
    text = ("“Curly works,” she said. \"Straight works\" too. He called it ‘a single one’.\n"
            "“This quote runs on\n“and ends here,” he said.")
    inner = [text[s.start:s.end] for s in find_quote_spans(text)]
    assert inner == ["Curly works", "Straight works", "a single one", "This quote runs on",
                     "and ends here"]
    assert find_quote_spans("It’s Russia’s view and the leaders’ call.") == []


def test_speaker_after_before_and_inverted(nlp):
    got = quotes(nlp, "“We will rebuild the port,” Mayor Anna Berg said on Monday.\n"
                      "Engineer Tom Lake said the work was “well ahead of plan.”\n"
                      "“It is a good day,” said Berg.")
    assert [(s, c) for _, s, c, _ in got] == [("Anna Berg", "Anna Berg"), ("Tom Lake", "Tom Lake"),
                                             ("Berg", "Anna Berg")]
    assert [cue for *_, cue in got] == ["said", "said", "said"]


def test_pronoun_speaker_is_the_person_who_was_speaking_not_the_last_name_seen(nlp):
    got = quotes(nlp, "Port director Lina Moss told reporters the ships would return after "
                      "Mayor Anna Berg visits the harbour next week.\n"
                      "“We have a date for the first ship,” she said.")
    assert got[0][1:3] == ("she", "Lina Moss")


def test_titles_and_bodies_as_speakers(nlp):
    got = quotes(nlp, "Ministry spokesman Karl Ode spoke first.\n"
                      "“There is no crisis,” the spokesman said.\n"
                      "“We are watching closely,” the ministry said.")
    assert got[0][1:3] == ("the spokesman", "Karl Ode")
    assert got[1][1] == "the ministry"


def test_a_turn_continues_and_an_unattributed_paragraph_takes_the_next_speaker(nlp):
    got = quotes(nlp, "“The storm passed,” said Anna Berg. “Now we clean up.”\n"
                      "“Nobody was hurt. The dykes held everywhere,”\n"
                      "“We were lucky this time,” the mayor Anna Berg said.")
    assert [c for _, _, c, _ in got] == ["Anna Berg"] * 4


def test_scare_quotes_without_a_speaker_are_not_quotes(nlp):
    assert quotes(nlp, "The plan was called a “disaster” in the press last year.") == []
