from storyline.analyse.entities import extract_entities
from storyline.analyse.quotes import extract_quotes, find_quote_spans


def quotes(nlp, text, kind="direct"):
    doc = nlp(text)
    return [(q.text, q.speaker, q.speaker_canonical, q.cue)
            for q in extract_quotes(doc, extract_entities(doc)) if q.kind == kind]


def test_quote_marks_of_every_kind_and_across_paragraphs():
    text = ("“Curly works,” she said. \"Straight works\" too. He called it ‘a single one’.\n"
            "“This quote runs on\n“and ends here,” he said.")
    inner = [text[s.start:s.end] for s in find_quote_spans(text)]
    assert inner == ["Curly works", "Straight works", "a single one", "This quote runs on",
                     "and ends here"]
    assert find_quote_spans("It’s Russia’s view and the leaders’ call.") == []


def test_speaker_after_before_and_inverted(nlp):
    got = quotes(nlp, "“We will rebuild the port,” Mayor Anna Berg said on Monday.\n"
                      "Engineer Tom Lake added that the work was going “well ahead of plan.”\n"
                      "“It is a good day,” said Berg.")
    assert [(s, c) for _, s, c, _ in got] == [("Anna Berg", "Anna Berg"), ("Berg", "Anna Berg")]
    assert [cue for *_, cue in got] == ["said", "said"]
    # The partial quotation is part of Lake's reported statement, not a quote of its own.
    (reported,) = quotes(nlp, "Engineer Tom Lake added that the work was going "
                              "“well ahead of plan.”", kind="reported")
    assert reported == ("that the work was going “well ahead of plan.”", "Tom Lake", "Tom Lake",
                        "added")


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
    # Only the quotations with a speaker named next to them carry a speaker mention.
    assert [s for _, s, _, _ in got] == ["Anna Berg", None, None, "Anna Berg"]


def test_scare_quotes_without_a_speaker_are_not_quotes(nlp):
    assert quotes(nlp, "The plan was called a “disaster” in the press last year.") == []


def test_reported_speech_with_its_speaker(nlp):
    got = quotes(nlp, "Port director Lina Moss said on Monday that the ships would return in "
                      "May. The harbour will stay shut until then, she told reporters. "
                      "According to the port authority, repairs will cost more than planned.",
                 kind="reported")
    assert [(t, s, c) for t, s, c, _ in got] == [
        ("that the ships would return in May", "Lina Moss", "Lina Moss"),
        ("The harbour will stay shut until then", "she", "Lina Moss"),
        ("repairs will cost more than planned", "the port authority", None),
    ]


def test_beliefs_questions_and_reports_inside_reports_are_not_separate_quotes(nlp):
    got = quotes(nlp, "Mayor Anna Berg said the minister told her the port would reopen soon. "
                      "She thinks the repairs are too slow. She asked whether the money "
                      "had arrived.", kind="reported")
    assert [t for t, *_ in got] == ["the minister told her the port would reopen soon"]


def test_a_pronoun_skips_people_the_article_shows_to_be_of_the_other_gender(nlp):
    got = quotes(nlp, "Mayor Anna Berg opened the meeting. She said the budget was tight.\n"
                      "Then Mr. Tom Lake spoke for the unions.\n"
                      "“We will not accept cuts,” she said.")
    assert got[0][1:3] == ("she", "Anna Berg")
