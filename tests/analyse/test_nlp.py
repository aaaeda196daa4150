import pytest

from storyline.analyse.nlp import DEFAULT_MODELS, ENV_VAR, load_nlp, model_candidates
from storyline.errors import ModelMissing


def test_the_packaged_english_pipeline_loads_with_parser_and_ner(nlp):
    assert {"parser", "ner"} <= set(nlp.pipe_names)
    doc = nlp("Vladimir Putin spoke to Joe Biden on Friday.")
    assert [e.label_ for e in doc.ents if e.text == "Joe Biden"] == ["PERSON"]


def test_official_name_is_preferred_and_the_user_can_choose(monkeypatch):
    assert DEFAULT_MODELS[0] == "en_core_web_sm"
    monkeypatch.setenv(ENV_VAR, "my_model")
    assert model_candidates() == ("my_model",)
    assert model_candidates("other") == ("other",)


def test_a_missing_model_is_a_clear_error():
    with pytest.raises(ModelMissing, match="no_such_model"):
        load_nlp("no_such_model")


def test_a_line_break_or_a_dateline_ends_a_sentence_but_not_in_wrapped_text(nlp):
    text = ("Australia condemns the latest missile launch over Japan\n"
            "Officials said it was the first such launch.\n\n"
            "SAN JOSE, Costa Rica — Costa Rican investigators said winds caused the crash.")
    starts = [s.text.strip() for s in nlp(text).sents if s.text.strip()]
    assert starts == ["Australia condemns the latest missile launch over Japan",
                      "Officials said it was the first such launch.",
                      "SAN JOSE, Costa Rica —",
                      "Costa Rican investigators said winds caused the crash."]
    # a page's time stamp run into the lead, before or after its dateline
    stamped = ("VELM | Sun Mar 3, 2024 6:47 pm EST VELM (Coast Press) - A storm closed the ports "
               "on Sunday.\nMonday 4 March 2024 09.15 GMT Ferries sailed again on Monday.")
    assert {"A storm closed the ports on Sunday.", "Ferries sailed again on Monday."} <= {
        s.text.strip() for s in nlp(stamped).sents}
    wrapped = ("The minister said on Friday that the talks with\n"
               "Russia would go ahead next week in Geneva, and\n"
               "that both sides had agreed on the agenda for\n"
               "the meeting, which will last two days.\n")
    assert len(list(nlp(wrapped).sents)) == 1
    # A page of caption lines leaves its lines open too, but each next line starts anew.
    captions = ("Fans celebrate the first title in a century\n"
                "Starting pitcher Ann Ruiz starts the party\n"
                "Manager Joe Hale was the man who ended the curse\n"
                "The mayor took time out from her rally to watch the game\n"
                "Even the governor couldn't contain his joy.\n")
    assert len([s for s in nlp(captions).sents if s.text.strip()]) == 5


def test_an_editors_note_in_brackets_is_a_piece_of_its_own_wherever_it_stands(nlp):
    # a flattened live page: each entry's stamp, then a wire's note before its byline/dateline
    live = ("Ferries stayed in port at Velm. (Update 11:28 a.m. Wednesday in Velm, 4:28 a.m. ET) "
            "Crews said Monday that the dam would hold. (Updated 7:40 p.m. (0240 in Norland)) A "
            "senior official said the roads were closed. Six days of rain in Norland (Updated: "
            "1:19 a.m. Monday, Norland; 6:19 p.m. Sunday ET): The mayor warned early Monday "
            "that the river would rise. * Schools shut in three towns (Updates with rescue "
            "figures) By Ann Ruiz and Joe Hale VELM, March 4 (Coast Press) - Boats took 200 "
            "people from their homes.")
    pieces = [s.text.strip() for s in nlp(live).sents]
    for piece in ["(Update 11:28 a.m. Wednesday in Velm, 4:28 a.m. ET)",
                  "Crews said Monday that the dam would hold.",
                  "(Updated 7:40 p.m. (0240 in Norland))",
                  "A senior official said the roads were closed.",
                  "(Updated: 1:19 a.m. Monday, Norland; 6:19 p.m. Sunday ET):",
                  "The mayor warned early Monday that the river would rise.",
                  "(Updates with rescue figures)",
                  "Boats took 200 people from their homes."]:
        assert piece in pieces
    # a page's full time stamp between a flattened page's headline and its body
    page = ("Storm closes ports as Velm braces for floods Ferries stay in port Sunday 3 March "
            "2024 18.45 GMT Ports along the coast closed on Sunday. The storm hit on Sunday 3 "
            "March 2024 18.45 GMT and cut power.")
    pieces = [s.text.strip() for s in nlp(page).sents]
    assert pieces == ["Storm closes ports as Velm braces for floods Ferries stay in port",
                      "Sunday 3 March 2024 18.45 GMT", "Ports along the coast closed on Sunday.",
                      "The storm hit on Sunday 3 March 2024 18.45 GMT and cut power."]
    # brackets that are no note stay in their sentence
    aside = "The dam (updated in 1998) held, and the council (Adams) said so."
    assert [s.text for s in nlp(aside).sents] == [aside]
