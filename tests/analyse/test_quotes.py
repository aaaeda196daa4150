from storyline.analyse.entities import extract_entities
from storyline.analyse.quotes import extract_quotes, find_quote_spans


def quotes(nlp, text, kind="direct"):
    doc = nlp(text)
    return [(q.text, q.speaker, q.speaker_canonical, q.cue)
            for q in extract_quotes(doc, extract_entities(doc)) if q.kind == kind]


def reported(nlp, text):
    """Each reported statement with its speaker as written."""
    return [(t, s) for t, s, _, _ in quotes(nlp, text, kind="reported")]


def test_quote_marks_of_every_kind_and_across_paragraphs():
    text = ("“Curly works,” she said. \"Straight works\" too. He called it ‘a single one’.\n"
            "“This quote runs on\n“and ends here,” he said.")
    inner = [text[s.start:s.end] for s in find_quote_spans(text)]
    assert inner == ["Curly works", "Straight works", "a single one", "This quote runs on",
                     "and ends here"]
    assert find_quote_spans("It’s Russia’s view and the leaders’ call.") == []
    # an HTML attribute left in the text opens no quotation
    html = '<tweet author="@jane" datetime="2016-09-01">Sept. 1</tweet> and “this one”'
    assert [html[s.start:s.end] for s in find_quote_spans(html)] == ["this one"]


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
    # Only the quotations with a speaker named next to them carry a speaker mention (GGT
    # marks the others "floating"); the speaker they resolve to is carried over.
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
    assert [cue for *_, cue in got] == ["said", "told", "according to"]


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


def _attributed(nlp, text):
    doc = nlp(text)
    return [(q.text, q.speaker, q.speaker_canonical)
            for q in extract_quotes(doc, extract_entities(doc))]


def test_a_subject_inside_the_marks_is_not_the_speaker(nlp):
    got = _attributed(nlp, "Election night was long.\n“Hillary Clinton’s campaign is in panic "
                           "mode. Full panic mode,” said Lena Fisk, a party organiser.")
    assert got[0][1:] == ("Lena Fisk", "Lena Fisk")


def test_a_speaker_signed_after_a_dash(nlp):
    got = _attributed(nlp, "Residents were asked about the buses.\n"
                           "“We need better buses on the east side of town.” ― Maria Lopez\n"
                           "“The trains are always late.” ― Tom Reed")
    assert [g[1] for g in got] == ["Maria Lopez", "Tom Reed"]
    # Names the tagger misses or calls an organisation still sign their line.
    got = _attributed(nlp, "Residents were asked about the buses.\n"
                           "“The ferry should run all winter.” ― Marisol Quispe\n"
                           "“We need better buses on the east side.” ― Helena Brask.\n"
                           "“The trains are always late, and the buses are worse.” ― the mayor")
    assert [g[1] for g in got] == ["Marisol Quispe", "Helena Brask", None]


def test_a_cue_the_parser_put_in_the_next_sentence(nlp):
    got = _attributed(nlp, "Graham criticised the party’s platform.\n“Does anybody know what "
                           "the environmental platform of the party is?” Graham asked. "
                           "“Neither do I.”\nEditor’s note: the party did not reply.")
    assert [g[1:] for g in got] == [("Graham", "Graham"), (None, "Graham")]


def test_a_paragraph_ending_in_a_colon_introduces_the_next(nlp):
    got = _attributed(nlp, "The New York Times reports:\n“Just 24 percent of the contributors "
                           "to the campaign so far have given $200 or less.”")
    assert got[0][1] == "New York Times"


def test_a_clause_with_a_role_or_body_for_subject_introduces_a_quotation_after_its_colon(nlp):
    got = quotes(nlp, "Mayor Anna Berg toured the harbour on Monday. The mayor was blunt: “We "
                      "will not pay for the ministry's mistakes.”\n"
                      "The message was clear: “Stay home if you are sick.”")
    # A role can speak; a message is not someone, and its short quotation is nobody's turn.
    assert [(t, s, c) for t, s, c, _ in got] == [
        ("We will not pay for the ministry's mistakes.", "The mayor", "Anna Berg")]
    # Names right before the colon say it, not the subject of a heading's verb before them.
    got = quotes(nlp, "VOTERS CARE MORE ABOUT SCHOOLS THAN TAXES - Lena Fisk and Tom Lake: “We "
                      "found that most voters would rather see better schools.”")
    assert [s for _, s, _, _ in got] == ["Tom Lake"]
    got = quotes(nlp, "Mayor Anna Berg delivered a blunt message to Tom Lake: “It is time to "
                      "stop attacking the harbour staff.”")
    assert [s for _, s, _, _ in got] == ["Anna Berg"]


def test_a_statement_reads_its_words_and_stands_for_whoever_issued_it(nlp):
    got = quotes(nlp, "Nordic Ferries issued a statement on Monday. “We had no idea,” the "
                      "statement read.\n"
                      "Mayor Anna Berg sent a letter to parents. The letter said that the "
                      "schools would open in May.\n"
                      "The sign on the gate reads: “Closed until further notice.”")
    assert [(t, s, c, cue) for t, s, c, cue in got] == [
        ("We had no idea", "the statement", "Nordic Ferries", "read")]
    (letter,) = quotes(nlp, "Mayor Anna Berg sent a letter to parents. The letter said that "
                            "the schools would open in May.", kind="reported")
    assert letter[1:3] == ("The letter", "Anna Berg")


def test_continued_and_transcript_turns(nlp):
    got = _attributed(nlp, "Senator Ana Ruiz spoke to students on Monday. She continued, “We "
                           "will fund every school in this state.”\n"
                           "Mike Pence spoke to Chris Wallace on Sunday.\n"
                           "\"WALLACE: Do you really see those two as equivalent?\"")
    assert got[0][1:] == ("She", "Ana Ruiz")
    assert got[1][1:] == ("WALLACE", "Chris Wallace")


def test_pronoun_and_group_speakers_as_written(nlp):
    got = _attributed(nlp, "Two senators wrote to the agency.\n“The program has been plagued "
                           "by fraud and abuse,” they wrote.")
    assert got[0][1:] == ("they", None)
    got = quotes(nlp, "Lena Fisk, who in 2010 said the bridge plan was doomed, now backs it.",
                 kind="reported")
    assert got[0][1:3] == ("who", "Lena Fisk")
    got = quotes(nlp, "Those close to the mayor say that she will run again next year.",
                 kind="reported")
    assert got[0][1] == "Those close to the mayor"
    got = quotes(nlp, "Mayor Tom Reed pitched himself to voters by telling them that the "
                      "economy would boom.", kind="reported")
    assert got[0][1:3] == ("Tom Reed", "Tom Reed")


def test_a_time_stamp_line_is_not_the_speaker(nlp):
    got = quotes(nlp, "Campaign notes.\n2:00 p.m.\nA court document filed Thursday says that "
                      "the campaign manager will not be prosecuted.", kind="reported")
    assert got[0][1] == "A court document"
    got = quotes(nlp, "4:43 p.m.\n\nFlorida election officials say the candidate's name was "
                      "not left off ballots in a town in south Florida.", kind="reported")
    assert got[0][1] == "Florida election officials"


def test_a_report_ending_in_a_quotation_left_open_ends_with_its_paragraph(nlp):
    text = ("The mayor told reporters the new rules are not perfect but “getting better and "
            "better.\n“No government is ever going to get it perfect,” Lake said.")
    got = quotes(nlp, text, kind="reported")
    assert got[0][:2] == ("the new rules are not perfect but “getting better and better.",
                          "The mayor")


def test_titles_in_quotation_marks_are_not_quotes_but_a_headline_quote_is(nlp):
    text = ("“We will win this,” the senator said on NBC’s “Meet the Press.”\n"
            "The mayor told “Face the Nation” on Sunday that the race was over.")
    assert [t for t, *_ in quotes(nlp, text)] == ["We will win this"]
    # in a title-case headline every quotation looks like a title
    text = "Senator Says Mayor “Makes You Want To Retch.”\n\nThe row went on."
    assert [t for t, *_ in quotes(nlp, text)] + [
        t for t, *_ in quotes(nlp, text, kind="reported")] == [
        "Mayor “Makes You Want To Retch.”"]


def test_figures_of_speech_report_nothing(nlp):
    got = quotes(nlp, "Let's say you think the plan will cost more than the city expects next "
                      "year. Needless to say, the mayor said that the plan was fine.",
                 kind="reported")
    assert [g[1] for g in got] == ["the mayor"]


def test_an_owner_or_a_client_is_not_the_speaker(nlp):
    got = quotes(nlp, "Kasich’s chief strategist John Weaver said that the race would now be a "
                      "contest between four men. The lawyer for John Smith said that the case "
                      "was closed.", kind="reported")
    # the lawyer speaks for his client; the phrase says whose lawyer, and names no one else
    assert [g[1:3] for g in got] == [("John Weaver", "John Weaver"),
                                     ("The lawyer for John Smith", None)]


def test_typewriter_quotation_marks_of_archive_text(nlp):
    got = _attributed(nlp, "Kirk broke with the party on Tuesday.\n''I cannot and will not "
                           "support my party's nominee,'' said Senator Mark Kirk of Illinois.\n"
                           "``We will see,'' he added.")
    assert got == [("I cannot and will not support my party's nominee", "Mark Kirk", "Mark Kirk"),
                   ("We will see", "he", "Mark Kirk")]


def test_a_reporting_clause_set_into_the_statement(nlp):
    got = quotes(nlp, "The new bridge, the engineer said, will carry twice the traffic of the old "
                      "one.\n\nThe ferry will keep running for a year, the council said, because "
                      "many villagers depend on it.\n\nThough the first repair was quick, she "
                      "said, rebuilding the pier would take much longer.\n\nThough the old "
                      "system was reliable, he said, replacing it would be far more expensive.",
                 kind="reported")
    assert [(t, s) for t, s, _, _ in got] == [
        ("The new bridge, the engineer said, will carry twice the traffic of the old one",
         "the engineer"),
        ("The ferry will keep running for a year, the council said, because many villagers "
         "depend on it", "the council"),
        ("Though the first repair was quick, she said, rebuilding the pier would take much "
         "longer", "she"),
        ("Though the old system was reliable, he said, replacing it would be far more "
         "expensive", "he"),
    ]
    # Read alone, the parser makes "said" the head of this sentence.
    got = quotes(nlp, "Though the old system was reliable, he said, replacing it would be far "
                      "more expensive.", kind="reported")
    assert [t for t, *_ in got] == ["Though the old system was reliable, he said, replacing it "
                                    "would be far more expensive"]


def test_an_opening_phrase_is_not_a_statement(nlp):
    got = quotes(nlp, "At the hearing on Tuesday, the minister mentioned the report.\n\n"
                      "In a short post, the mayor said: “We will rebuild the school.”",
                 kind="reported")
    assert got == []


def test_a_statement_ending_a_paragraph_and_one_with_a_quoted_word(nlp):
    got = quotes(nlp, "Officials met on Monday. According to the weather service, the storm will "
                      "reach the coast by Friday.\n\nThe governor says the flood response was "
                      "“slow, even for a small county.”\n\nRescue teams arrived later.",
                 kind="reported")
    assert [(t, s) for t, s, _, _ in got] == [
        ("the storm will reach the coast by Friday", "the weather service"),
        ("the flood response was “slow, even for a small county.”", "The governor"),
    ]


def test_the_clause_after_the_verb_is_what_it_reports(nlp):
    got = quotes(nlp, "A strike is unlikely; the union says its members will vote on the offer "
                      "next week.", kind="reported")
    assert [t for t, *_ in got] == ["its members will vote on the offer next week"]


def test_a_clause_ending_in_a_colon_introduces_the_quotation(nlp):
    got = quotes(nlp, "Mayor Anna Berg then turned to the crowd: “We will rebuild every house on "
                      "this street.”")
    assert got[0][1:] == ("Anna Berg", "Anna Berg", "turned")
    # The colon ends the paragraph above; "asked" inside the quotation is not its cue.
    got = quotes(nlp, "Port director Lina Moss faced the council:\n“The questions asked today "
                      "show that nobody on this council read the report.”")
    assert got[0][1:] == ("Lina Moss", "Lina Moss", "faced")


def test_a_name_and_a_colon_before_the_quotation(nlp):
    got = quotes(nlp, "The delay did not surprise harbour engineer Tom Lake: “Storms like this "
                      "one break every schedule we make.”")
    assert got[0][1:3] == ("Tom Lake", "Tom Lake")
    got = quotes(nlp, "Anna Berg: ‘Every house on this street will be rebuilt by the spring’\n"
                      "The mayor spoke on Monday.")
    assert got[0][1:3] == ("Anna Berg", "Anna Berg")


def test_speakers_the_parser_attaches_elsewhere(nlp):
    # The apposition read as part of "the Herald": the name right before the verb speaks.
    got = quotes(nlp, "In a statement to the Herald, her senior policy adviser, Tom Lake, said: "
                      "“The mayor believes the harbour must reopen before the summer.”")
    assert got[0][1] == "Tom Lake"
    # Two subjects read for one verb: the nearer one.
    got = reported(nlp, "Speaking at a town hall in Salem, New Hampshire, Anna Berg went after "
                        "her rival, calling him “a total stiff.”")
    assert got == [("him “a total stiff.”", "Anna Berg")]
    # The participle read into the quotation: not its object ("the crowd"), the sentence's
    # subject.
    got = quotes(nlp, "Anna Berg seemed ready to take on the critics in Salem, telling the crowd, "
                      "“Some people get a little carried away, have you noticed that?”")
    assert got[0][1] == "Anna Berg"


def test_reported_speakers_of_participles_and_likelihoods(nlp):
    speakers = [q[1] for text in (
        "The council released a letter saying that the port would stay closed until May.",
        "Older voters are more likely to say that the port should stay closed until May.",
        "About 4 in 10 say they want the next mayor to build more homes.",
    ) for q in quotes(nlp, text, kind="reported")]
    # the one who released the letter speaks through it
    assert speakers == ["The council", "Older voters", "About 4 in 10"]


def test_a_transcript_without_quotation_marks(nlp):
    text = ("Mayor Anna Berg spoke to the host, Tom Lake, on Sunday.\n"
            "LAKE: Will the harbour open in May as planned?\n"
            "BERG: Every berth will be ready by the first week of May.\n"
            "UPDATE: The interview has been edited for length.")
    got = quotes(nlp, text)
    assert [(q[0], q[1], q[2]) for q in got] == [
        ("Will the harbour open in May as planned?", "LAKE", "Tom Lake"),
        ("Every berth will be ready by the first week of May.", "BERG", "Anna Berg")]
    # One labelled paragraph is no dialogue.
    assert quotes(nlp, "Mayor Anna Berg spoke on Sunday.\nBERG: Every berth will be ready.") == []


def test_no_speaker_rather_than_a_wrong_one(nlp):
    # An inserted phrase ends in a noun before "said", a participle hangs on a preposition's
    # object: neither noun speaks.
    speakers = [q[1] for text in (
        "Suleiman, the longtime intelligence chief Mubarak picked as his vice president over the "
        "weekend, said a reform package should be drawn up soon.",
        "The driver broke into tears saying that his children had not eaten any meat for months.",
    ) for q in quotes(nlp, text, kind="reported")]
    assert speakers == [None, None]


def test_unnamed_officials_are_not_the_last_person_named(nlp):
    got = quotes(nlp, "Port director Lina Moss said the ships would return in May.\n"
                      "“We have no date yet for the first ship,” a company spokesman said.\n"
                      "“The berths are not ready,” officials said.\n"
                      "“We will know more next week,” the port official said.")
    assert [(s, c) for _, s, c, _ in got] == [("a company spokesman", None),
                                              ("officials", None),
                                              ("the port official", "Lina Moss")]


def test_a_statement_ends_where_its_speaker_reports_again(nlp):
    got = quotes(nlp, "The mayor said the ferry would run through the winter and warned of "
                      "delays in the spring.\nThe engineer said she did not believe the bridge "
                      "was safe, arguing that its cables had rusted through.", kind="reported")
    assert [(t, s) for t, s, _, _ in got] == [
        # "and warned of …" is the mayor speaking again, not what she said would happen
        ("the ferry would run through the winter", "The mayor"),
        ("she did not believe the bridge was safe", "The engineer"),
        # the participle's report is the engineer's, not a report inside her statement
        ("that its cables had rusted through", "The engineer")]


def test_that_clauses_the_parser_hangs_elsewhere(nlp):
    text = ("Trump tweeted in the early morning hours that the former contestant was a fraud. "
            "In Honolulu last week, he told a meeting of island leaders that few people "
            "understood the stakes better than they did. But the senator claims that he should "
            "be the exception.")
    assert reported(nlp, text) == [
        ("that the former contestant was a fraud", "Trump"),
        ("that few people understood the stakes better than they did", "he"),
        ("that he should be the exception", "the senator")]


def test_a_block_quotation_and_a_hearer_in_a_set_in_clause(nlp):
    text = ("The governor added:\n\nIt is typical of her. She knows nothing about the state.\n\n"
            "The difference now, he told me on Friday, is that he is the anchor of a news "
            "program.")
    assert reported(nlp, text) == [
        ("It is typical of her. She knows nothing about the state.", "The governor"),
        ("The difference now, he told me on Friday, is that he is the anchor of a news program",
         "he")]


def test_a_statement_opening_with_a_partial_quotation_is_reported_whole(nlp):
    text = ("The senator says “the wind is at our backs” despite his loss in the Nevada "
            "caucuses. The mayor said “we will win this race” on Friday.")
    assert reported(nlp, text) == [
        ("“the wind is at our backs” despite his loss in the Nevada caucuses", "The senator")]
    # a quotation with a short tail is what was said, a direct quotation, and so is one the
    # speaker follows with another act
    assert [(t, s) for t, s, _, _ in quotes(nlp, text)] == [
        ("we will win this race", "The mayor")]
    text = ("Berg replied, “The vote is over,” and left the room. The minister said “budget "
            "reforms” and the collection of unpaid taxes would pay for the bridge.")
    assert [t for t, *_ in quotes(nlp, text)] == ["The vote is over"]
    assert reported(nlp, text) == [
        ("“budget reforms” and the collection of unpaid taxes would pay for the bridge",
         "The minister")]


def test_ways_of_putting_things_are_not_reports(nlp):
    text = ("It is fair to say the council is divided. It is too soon to say whether the policy "
            "will work. The mayor was quick to say that the plan had failed badly.")
    assert reported(nlp, text) == [
        ("that the plan had failed badly", "The mayor")]


def test_more_ways_of_putting_a_statement_into_words(nlp):
    text = ("The mayor pointed out that the plan had failed twice before. She reminded voters "
            "that the tax would fall on the rich. The senator joked that the capital was his "
            "second home. The White House made it clear that the president would veto the "
            "bill. They made a cake that was huge.")
    got = quotes(nlp, text, kind="reported")
    assert [(t, s, c) for t, s, _, c in got] == [
        ("that the plan had failed twice before", "The mayor", "pointed out"),
        ("that the tax would fall on the rich", "She", "reminded"),
        ("that the capital was his second home", "The senator", "joked"),
        ("that the president would veto the bill", "White House", "made it clear")]


def test_a_report_set_in_with_as_and_a_clause_the_parser_split(nlp):
    text = ("As the local paper noted, the council raised more than a million dollars from "
            "developers. Economists, like their rivals, say taxing consumption encourages "
            "savings and growth. Prices rose, as analysts had predicted.")
    assert reported(nlp, text) == [
        ("the council raised more than a million dollars from developers", "the local paper"),
        ("taxing consumption encourages savings and growth", "Economists")]


def test_a_subject_the_parser_read_as_the_speech_verbs_object(nlp):
    text = ("Kremlin aide Yuri Ushakov also said foreign ministers Anna Berg and Tom Hale, who "
            "held a two-hour meeting on Dec. 3, could meet again before Christmas. Most farmers "
            "said life for the next generation would be harder than life today. The mayor told "
            "the workers, who had waited since May, that the plant would reopen next week.")
    assert reported(nlp, text) == [
        ("foreign ministers Anna Berg and Tom Hale, who held a two-hour meeting on Dec. 3, "
         "could meet again before Christmas", "Yuri Ushakov"),
        ("life for the next generation would be harder than life today", "Most farmers"),
        # the object of "told" is who heard it
        ("that the plant would reopen next week", "The mayor")]
    # a pronoun and a second subject the parser read as a verb joined to "said"
    got = reported(nlp, "Coach Bruce Arians once said he and quarterback Carson Palmer would "
                        "ride away into the sunset together like a pair of old cowboys.")
    assert got == [("he and quarterback Carson Palmer would ride away into the sunset together "
                     "like a pair of old cowboys", "Bruce Arians")]


def test_a_clause_joined_by_no_word_and_a_report_kept_to_its_paragraph(nlp):
    text = ("Doctors Rip Clinic Closure As A ‘Disgraceful Decision’\n\n"
            "VALLEY CITY ― The council’s plan to close the clinic is an insult to every family in "
            "the valley, local doctors said Friday.\n\n"
            "The senator said after the debate he would not accept the party's endorsement if it "
            "were offered.")
    assert reported(nlp, text) == [
        # the headline above and the dateline are not what the doctors said
        ("The council’s plan to close the clinic is an insult to every family in the valley",
         "local doctors"),
        ("after the debate he would not accept the party's endorsement if it were offered",
         "The senator")]


def test_a_quotation_broken_by_its_reporting_clause_is_one_quotation(nlp):
    text = ("“If the ferry stops,” Mayor Anna Berg said on Monday, “the island is cut off.”\n"
            "“The bridge is safe,” said Sen. Tom Lake, “and it will stay open all winter.”\n"
            "“We are ready,” Berg said, adding later, “but the storm may change that.”\n"
            "“It is done,” Berg said. “Next we rebuild the harbour wall.”")
    got = quotes(nlp, text)
    assert [(t, s, c) for t, s, c, _ in got] == [
        ("If the ferry stops,” Mayor Anna Berg said on Monday, “the island is cut off.",
         "Anna Berg", "Anna Berg"),
        ("The bridge is safe,” said Sen. Tom Lake, “and it will stay open all winter.",
         "Tom Lake", "Tom Lake"),
        # a second saying, and a new sentence, stay quotations of their own
        ("We are ready", "Berg", "Anna Berg"),
        ("but the storm may change that.", "Berg", "Anna Berg"),
        ("It is done", "Berg", "Anna Berg"),
        ("Next we rebuild the harbour wall.", None, "Anna Berg")]
    assert [q for q in quotes(nlp, text, kind="reported")] == []


def test_speakers_joined_by_and_say_it_together(nlp):
    text = ("Norway and the European Union say the fishing quota will be cut by half next year. "
            "The Norwegian fisheries minister and deputy prime minister Ola Dahl said the cut "
            "would hurt the northern ports badly.")
    assert [(s, c) for _, s, c, _ in quotes(nlp, text, kind="reported")] == [
        ("Norway and the European Union", "Norway and European Union"),
        # one man with two offices, not two speakers
        ("Ola Dahl", "Ola Dahl")]


def test_a_report_that_runs_into_a_quotation_ends_with_it(nlp):
    text = ("Lake said the rules on fishing “are set… And I think we have to leave it that "
            "way.”\nBerg said there was a commitment “to making this a showcase for the island "
            "and the harbour.”")
    assert [(t, s) for t, s, _, _ in quotes(nlp, text, kind="reported")] == [
        ("the rules on fishing “are set… And I think we have to leave it that way.”", "Lake"),
        ("there was a commitment “to making this a showcase for the island and the harbour.”",
         "Berg")]
    # the quotations are part of the statements, not quotes of their own
    assert quotes(nlp, text) == []


def test_verbs_of_how_the_words_were_spoken(nlp):
    text = ("The chairman Tom Lake lost his temper.\n“Go back to your seat,” Lake barked at the "
            "reporter.\nMayor Anna Berg was asked who would win.\n“Denver,” Berg answered.")
    assert [(t, s, cue) for t, s, _, cue in quotes(nlp, text)] == [
        ("Go back to your seat", "Lake", "barked"), ("Denver", "Berg", "answered")]


def test_a_curly_opening_closed_by_a_straight_mark(nlp):
    text = ('“I was clear and I said so on many occasions," Lake continued. '
            '“The vote is over," Berg replied.')
    assert [(t, s) for t, s, _, _ in quotes(nlp, text)] == [
        ("I was clear and I said so on many occasions", "Lake"), ("The vote is over", "Berg")]


def test_a_name_given_in_quotation_marks_is_said_of_the_verbs_object(nlp):
    text = ("On Monday, Mayor Anna Berg called the council’s plan “reckless.” Tom Lake branded the "
            "vote “a farce” and left. Berg said the port was “finished.”")
    assert reported(nlp, text) == [
        ("the council’s plan “reckless.”", "Anna Berg"),
        ("the vote “a farce”", "Tom Lake"),
        ("the port was “finished.”", "Berg")]
    assert quotes(nlp, text) == []


def test_a_statement_going_on_with_a_modal_and_one_opened_by_a_gerund(nlp):
    text = ("Helena Brask said she hoped to reopen the bakery by the spring, and then would hire "
            "two more bakers from the village. Teodor Lind, chairman of the regional fishing "
            "council, said keeping the harbour closed through the summer puts every boat in the "
            "fleet at risk. Ms. Brask said closing the clinic before another doctor could be "
            "hired, and without asking the families, could needlessly hurt the village.")
    assert reported(nlp, text) == [
        ("she hoped to reopen the bakery by the spring, and then would hire two more bakers "
         "from the village", "Helena Brask"),
        ("keeping the harbour closed through the summer puts every boat in the fleet at risk",
         "Teodor Lind"),
        ("closing the clinic before another doctor could be hired, and without asking the "
         "families, could needlessly hurt the village", "Brask")]


def test_an_interview_printed_as_questions_and_answers(nlp):
    text = ("Harbour master Anna Berg has run the port of Valley City for twelve years. She spoke "
            "with our reporter about the new ferry line.\n\n"
            "Q: Will the ferry run in the winter?\n\n"
            "A: Only when the ice allows it, and this year it may not.\n\n"
            "Q: Who pays for the new pier?\n\n"
            "A: The town and the province share the cost.")
    got = quotes(nlp, text)
    assert [(q[0], q[1], q[2]) for q in got] == [
        ("Will the ferry run in the winter?", "Q", None),
        ("Only when the ice allows it, and this year it may not.", "A", "Anna Berg"),
        ("Who pays for the new pier?", "Q", None),
        ("The town and the province share the cost.", "A", "Anna Berg")]
    # Answers alone are no interview: "A:" may open a list or a caption.
    assert quotes(nlp, "Anna Berg runs the port.\n\nA: The town pays for the pier.") == []
    # An explainer's questions and answers are the outlet's own words, not Anna Berg's.
    explainer = ("Harbour master Anna Berg opened the new pier on Monday. Here are some "
                 "questions and answers about the ferry line.\n\n"
                 "Q: Will the ferry run in the winter?\n\n"
                 "A: Only when the ice allows it, the timetable says.")
    assert quotes(nlp, explainer) == []


def test_a_name_after_the_quotation_and_a_participle_after_the_verb(nlp):
    text = ("The council met on Monday. “We will rebuild the pier before the summer,” Teodor "
            "Lind, chairman of the fishing council, said. “We are ready,” Berg said in an "
            "interview with the Valley Times aired Monday on its radio station. Helena Brask "
            "said “the harbour is our future” despite the losses of the past two winters.")
    # The parser hangs "Teodor Lind, chairman …" inside the quotation; it is the speaker.
    assert [(q[0], q[1]) for q in quotes(nlp, text)] == [
        ("We will rebuild the pier before the summer", "Teodor Lind"),
        ("We are ready", "Berg")]
    # "aired Monday" describes the interview: nothing reported; a statement that goes on past
    # its quotation is reported whole.
    assert reported(nlp, text) == [
        ("“the harbour is our future” despite the losses of the past two winters",
         "Helena Brask")]


def test_a_that_clause_on_the_medium_or_occasion_of_the_words(nlp):
    text = ("The mayor said in a statement released Monday that the harbour would open in May. "
            "The mayor responded on Friday to reports that the harbour would close.")
    # "reports that …" are the reports' words, not the mayor's.
    assert reported(nlp, text) == [("that the harbour would open in May", "The mayor")]


def test_according_to_keeps_to_its_paragraph(nlp):
    text = ("“The harbour is our future,” the mayor said. “We will not give it up.”\n"
            "Entering the final week of the count, the Harbour Party leads the council race "
            "with 41%, according to a poll by the Valley Times.")
    # spaCy runs the sentence over the line break; the poll reports its own paragraph only,
    # to its last sign.
    assert reported(nlp, text) == [
        ("Entering the final week of the count, the Harbour Party leads the council race with "
         "41%", "a poll")]


def test_a_long_speaker_between_an_exclamation_and_its_verb(nlp):
    text = ("The museum waived its admission fee during the festival.\n\n"
            "“Perpetual motion!” Councillor Helena Brask, the festival's chair, said of the "
            "crowds.")
    # The parser ends the sentence at "!"; only the speaker stands between it and "said".
    assert [(q[0], q[1]) for q in quotes(nlp, text)] == [("Perpetual motion!", "Councillor Helena Brask")]


def test_a_mistyped_opening_mark(nlp):
    text = ("Readers wrote to us after the debate.\n\n"
            "”The new pier is the best thing the town has built in twenty years.” ― Anna Berg\n"
            "Councillor Helena Brask said the vote so early ”looked like an attempt to settle it "
            "before the meeting.”")
    # A closing mark at the start of a word can only be an opening one.
    assert [(q[0], q[1]) for q in quotes(nlp, text)] == [
        ("The new pier is the best thing the town has built in twenty years.", "Anna Berg")]
    assert reported(nlp, text) == [
        ("the vote so early ”looked like an attempt to settle it before the meeting.”",
         "Councillor Helena Brask")]


def test_orders_statements_not_made_and_a_clause_the_parser_took_for_the_report(nlp):
    text = ("It goes without saying that the council will have to raise the tax. He left "
            "without saying that he would come back to the city. Now tell us this is not a "
            "witch hunt of the highest order. Don't tell me the plan has failed again. "
            "Everything the mayor says is a lie unless proven otherwise. The port faces a "
            "probe the ministry said was still going on in the spring. There is no evidence "
            "that suggests the ferry caused the damage. We have seen nothing that says the "
            "plan will fail.")
    assert reported(nlp, text) == [("was still going on in the spring", "the ministry")]


def test_made_clear_without_that(nlp):
    text = ("The White House made clear the president would veto the bill. In an interview, "
            "the general made it clear he had major misgivings about the new army plan. She "
            "made it clear when she would leave the city.")
    got = quotes(nlp, text, kind="reported")
    assert [(t, s, c) for t, s, _, c in got] == [
        ("the president would veto the bill", "White House", "made clear"),
        ("he had major misgivings about the new army plan", "the general", "made it clear")]


def test_that_said_is_no_report_and_a_far_clause_is_not_what_was_told(nlp):
    text = ("The film was shot in 2017. That said, the fact that it was filmed then had an "
            "impact on the whole cast. Having said that, the studio will release it next "
            "year. The episode tells the story of a programmer who imprisons those he feels "
            "have wronged him in a game. A spokesman said the vote was over and done.")
    assert reported(nlp, text) == [("the vote was over and done", "A spokesman")]


def test_an_agency_told_and_the_name_after_it(nlp):
    text = ("The minister told Reuters Russia would not invade. Heigo Sato told CNN Abe was "
            "first and foremost a conservative. She told CNN Tuesday the talks had failed "
            "badly. He told CNN's Jake Tapper the talks had failed badly.")
    assert reported(nlp, text) == [
        ("Russia would not invade", "The minister"),
        ("Abe was first and foremost a conservative", "Heigo Sato"),
        ("the talks had failed badly", "She"), ("the talks had failed badly", "He")]


def test_a_speaker_the_tagger_missed_is_the_person_of_that_name(nlp):
    text = ("Jesse Plemons plays the captain. “Then I made it to the second scene, and "
            "immediately got it, and loved it,” Plemons said.\n"
            "Speaking to CNN, South Korean President Moon Jae-in said there would be no "
            "nuclear weapons in his country.")
    got = quotes(nlp, text) + quotes(nlp, text, kind="reported")
    assert [(s, c) for _, s, c, _ in got] == [("Plemons", "Jesse Plemons"),
                                             ("Moon Jae-in", "Moon Jae-in")]


def test_a_role_named_with_whose_it_is_goes_to_no_other_holder(nlp):
    text = ("U.S. President Donald Trump spoke on Monday. Russian President Vladimir Putin met "
            "him. South Korea's president said the country could destroy its neighbour. "
            "The Russian president said the talks were useful for both countries.\n"
            "Moon Jae-in also said dialogue with the regime was impossible for now.")
    got = quotes(nlp, text, kind="reported")
    assert [(s, c) for _, s, c, _ in got] == [("South Korea's president", None),
                                             ("The Russian president", "Vladimir Putin"),
                                             ("Moon Jae-in", "Moon Jae-in")]


def test_a_person_named_as_what_a_noun_is_about_is_not_its_speaker(nlp):
    text = ("The Michael Jackson tribute concert organisers said the show was cancelled for "
            "good. Trump aides said the rally would go ahead on Saturday. Britain's "
            "ambassador, Karen Pierce, said the council would meet again soon.")
    got = quotes(nlp, text, kind="reported")
    assert [(s, c) for _, s, c, _ in got] == [
        ("The Michael Jackson tribute concert organisers", None), ("Trump aides", None),
        ("Karen Pierce", "Karen Pierce")]


def test_who_after_a_description_is_the_person_described(nlp):
    text = ("The firm must show a more human face, said Dan McGinn, a communications expert at "
            "TMG Strategies, who suggested the chief executive should speak more freely.")
    got = quotes(nlp, text, kind="reported")
    assert [(s, c) for _, s, c, _ in got] == [("Dan McGinn", "Dan McGinn"),
                                             ("who", "Dan McGinn")]


def test_a_number_or_a_part_of_a_group_is_said_with_the_group(nlp):
    text = ("Two of the gunman's three brothers said they were not close. Most of the residents "
            "said the water was unsafe to drink.")
    assert [s for _, s in reported(nlp, text)] == ["Two of the gunman's three brothers",
                                                   "Most of the residents"]


def test_pointed_out_and_a_name_after_the_quotation_whatever_the_verb_was_parsed_as(nlp):
    text = ("“From a banking perspective, it should not be called that,” Alvaro Aleman Healy, "
            "the president’s chief of staff, pointed out.\n"
            "“It should be named the Offshore Papers,” Eyda Varela, Panama’s vice minister of "
            "finance, insisted.")
    got = quotes(nlp, text)
    assert [(s, cue) for _, s, _, cue in got] == [("Alvaro Aleman Healy", "pointed out"),
                                                 ("Eyda Varela", "insisted")]


def test_a_role_that_spoke_is_who_he_means_next(nlp):
    text = ("Prime Minister Sigmundur Gunnlaugsson faces a vote. Foreign ministry spokesman Hong "
            "Lei said: “For such groundless accusations, I have no comment.”\n"
            "But the prime minister insisted he had never hidden money abroad.\n"
            "“I have not considered quitting because of this matter,” he told television.")
    got = quotes(nlp, text) + quotes(nlp, text, kind="reported")
    assert [(s, c) for _, s, c, _ in got] == [("Hong Lei", "Hong Lei"),
                                             ("he", "Sigmundur Gunnlaugsson"),
                                             ("the prime minister", "Sigmundur Gunnlaugsson")]


def test_the_writers_asides_and_a_verb_with_its_own_sentence_report_nothing(nlp):
    text = ("The new bridge opened on Monday. It is worth noting that the old one was closed "
            "for six years. It is revealing that no one asked why. Divers kept searching, but "
            "with no further signs of life reported the coast guard declared the search over. "
            "As previously mentioned, the toll has also been cut in half. But "
            "so far, the council has not responded, perhaps hoping that the anger would pass. "
            "In a long interview with the local radio, the engineer tells all about his work "
            "on the bridge, including the night the crane fell. As the mayor noted, the "
            "traffic has already moved off the old road.")
    # "reported" after "with no further signs of life" reports nothing; the declaration does
    assert reported(nlp, text) == [("the search over", "the coast guard"),
                                   ("the traffic has already moved off the old road",
                                    "the mayor")]


def test_a_participle_speaks_for_the_subject_of_the_verb_it_follows(nlp):
    got = quotes(nlp, 'Information minister Mohammed denied that the 21 girls were exchanged for '
                      'Boko Haram prisoners, saying "this is not a swap."')
    assert [(t, s) for t, s, _, _ in got] == [("this is not a swap.", "Mohammed")]


def test_the_name_right_after_the_closing_mark_when_the_parser_missed_it(nlp):
    got = quotes(nlp, "“All my thoughts for the girl, the family and relatives of Peter Muller "
                      "who just died,” Estrosi, former mayor of Nice, tweeted.")
    assert [s for _, s, _, _ in got] == ["Estrosi"]


def test_gender_comes_from_subject_and_owner_pronouns_outside_quotations(nlp):
    # "instructed her" is someone else; "He" inside Dana Lee's quotation is not Dana Lee
    text = ("Tom Weller says the crash is the biggest regret of his life. Weller instructed "
            "her to drive faster. Dana Lee told the Times: “He was furious because I had cost "
            "them a lot of time.” Weller later admitted the car was faulty.\n\nShe approached "
            "him to tell him she was afraid of the car.")
    got = quotes(nlp, text, kind="reported")
    assert [(s, c) for t, s, c, _ in got if t.startswith("she was afraid")] == [
        ("She", "Dana Lee")]


def test_a_scene_setting_clause_and_words_in_marks_that_name_things_are_not_quotes(nlp):
    text = ("Last week, as criticism of the board grew louder, the council announced the "
            "creation of a task force. Fans stood on cars and waved “W” flags after the game. "
            "A “Wanted” poster for the robber warned that he was armed and dangerous.")
    assert quotes(nlp, text) == []
    assert reported(nlp, text) == [("that he was armed and dangerous",
                                    "A “Wanted” poster for the robber")]


def test_the_words_after_an_inverted_said_are_the_speaker_not_a_statement(nlp):
    text = ("“There's no more curse now, the goat is history,” said Cubs fan Rodrigo "
            "Gonzales, 24, moments after the game ended.")
    assert reported(nlp, text) == []
    assert [(t, c) for t, _, c, _ in quotes(nlp, text)] == [
        ("There's no more curse now, the goat is history", "Rodrigo Gonzales")]


def test_a_given_name_tells_the_gender_when_the_article_does_not(nlp):
    text = ("Prime Minister Shinzo Abe met the envoy in Tokyo on Monday. Lisa Holland, a "
            "spokeswoman for the envoy, told reporters the talks had gone well.\n\n"
            "“We will meet again in the spring,” he said.")
    assert [c for t, _, c, _ in quotes(nlp, text) if t.startswith("We will")] == ["Shinzo Abe"]


def test_a_name_after_the_quotation_is_the_speaker_not_the_country_that_owns_the_title(nlp):
    text = ("“I certainly hope that we’ll be able to have a strong resolution following up this "
            "... statement,” Japan’s Ambassador to the United Nations, Koro Bessho, told "
            "reporters after the meeting.")
    assert [(s, c) for _, s, c, _ in quotes(nlp, text)] == [("Koro Bessho", "Koro Bessho")]


def test_what_was_not_said_is_no_report_and_a_reassurance_is(nlp):
    text = ("The school declined to comment on reports that the coach had been fired. The "
            "mayor would not say whether the deal was done. The minister sought to reassure "
            "farmers that the subsidies would stay in place.")
    assert reported(nlp, text) == [("that the subsidies would stay in place", "The minister")]


def test_a_sentence_adverb_is_not_part_of_the_speakers_name(nlp):
    got = reported(nlp, "Earlier Trump declared that the world had heard the message loud "
                        "and clear.")
    assert got == [("that the world had heard the message loud and clear", "Trump")]


def test_a_speech_verb_the_tagger_took_for_a_plural_noun_still_cues(nlp):
    text = ("“Get this man a shield!” Black Panther growls. At the cue, he pretends to be a "
            "bandleader and shouts, “Hold up, stop!” It is a promise kept in all” the rest of "
            "the states.")
    assert [(t, s, c) for t, s, _, c in quotes(nlp, text)] == [
        ("Get this man a shield!", "Black Panther", "growls"),
        ("Hold up, stop!", "he", "shouts")]


def test_the_one_quoted_as_saying_speaks_not_the_agency_that_quotes(nlp):
    got = quotes(nlp, "“The harbour will reopen soon,” port director Lina Moss was quoted by "
                      "the Coastal News agency as saying.\n"
                      "The Coastal News agency quoted Tom Lake as saying: “The works are on "
                      "time.”")
    assert [(s, c) for _, s, c, _ in got] == [("Lina Moss", "Lina Moss"),
                                               ("Tom Lake", "Tom Lake")]
    assert reported(nlp, "Lina Moss was quoted as saying that the harbour would reopen "
                         "within a week.") == [
        ("that the harbour would reopen within a week", "Lina Moss")]


def test_the_name_after_the_body_a_role_heads_is_the_speaker(nlp):
    got = reported(nlp, "Head of the Harbour Board's Safety Committee Lina Moss said on Friday "
                        "that the pier was unsafe.\n"
                        "The head of the Port Authority, Tom Lake, said the ferries would "
                        "run again.\n"
                        "The wife of Tom Lake said the family was relieved.")
    assert [s for _, s in got] == ["Lina Moss", "Tom Lake", "The wife of Tom Lake"]


def test_a_medium_that_reports_a_statement_only_relays_it(nlp):
    got = reported(nlp, "Port director Lina Moss said that the ferries had been halted for "
                        "safety checks, the Coastal News agency reported.\n"
                        "Mayor Tom Lake told the council that the pier would be rebuilt, "
                        "the mayor's office said.")
    assert got == [("that the ferries had been halted for safety checks", "Lina Moss"),
                   ("Mayor Tom Lake told the council that the pier would be rebuilt",
                    "the mayor's office")]


def test_a_quotation_left_open_at_its_paragraph_end_goes_on_by_the_same_speaker(nlp):
    got = quotes(nlp, "The mayor waved to the crowd.\n"
                      "Berg said: “It is hard to explain the feeling. Thank you all.\n"
                      "“This harbour is so special to me.\n"
                      "“I will never forget this day.”")
    assert [(s, c) for _, s, c, _ in got] == [("Berg", "Berg"), (None, "Berg"), (None, "Berg")]


def test_a_paragraph_that_is_one_short_quotation_goes_on_by_the_same_speaker(nlp):
    got = quotes(nlp, "“We are not going to stop,” Mayor Anna Berg said. “This is a port "
                      "that works.”\n"
                      "“Every street counts.”\n"
                      "The council meets on Monday.\n"
                      "“A safe harbour.”")
    # The short paragraph right after her quotations is her next turn; the one after the
    # narration is nobody's, and too short to stand as a quotation on its own.
    assert [(t, s, c) for t, s, c, _ in got] == [
        ("We are not going to stop", "Anna Berg", "Anna Berg"),
        ("This is a port that works.", None, "Anna Berg"),
        ("Every street counts.", None, "Anna Berg")]


def test_a_feature_opening_quotation_is_owned_by_the_paragraph_after_it(nlp):
    got = quotes(nlp, "“It's heartbreaking.”\n"
                      "That's how Maria Lopez describes losing her home in the flood.\n"
                      "“We have nothing left.”\n"
                      "Those were the words of Tom Lake, whose farm was under water.\n"
                      "“Closed for repairs.”\n"
                      "That's what the sign on the bridge said for a year.")
    assert got == [("It's heartbreaking.", "Maria Lopez", "Maria Lopez", "describes"),
                   ("We have nothing left.", "Tom Lake", "Tom Lake", None)]


def test_a_company_named_beside_its_description_is_the_speaker(nlp):
    got = reported(nlp, "Credit rating company Moody's said on Monday that the outlook was "
                        "stable.\n"
                        "The chief of the company, Moody's, said the delay was regrettable.")
    assert [s for _, s in got] == ["Moody", "The chief of the company"]


def test_a_report_in_the_next_sentence_with_its_own_statement_is_not_the_quotations(nlp):
    got = quotes(nlp, "“He has proved he can work under pressure,” Tom Lake said. “This is a "
                      "man who has been tested twice.” A source close to the harbour board "
                      "said that the dispute had nothing to do with him.")
    assert [(t, c) for t, _, c, _ in got] == [
        ("He has proved he can work under pressure", "Tom Lake"),
        ("This is a man who has been tested twice.", "Tom Lake")]


def test_a_quotation_after_someone_else_spoke_in_reported_speech_is_theirs(nlp):
    got = quotes(nlp, "“I came here in 1990 to work,” said Omar Diallo. Ahmed Nur, also from "
                      "Darfur, said he had been accused by both sides of fighting for the "
                      "other. “We are caught in the middle of accusations from both sides.”")
    assert [c for _, _, c, _ in got] == ["Omar Diallo", "Ahmed Nur"]


def test_a_name_beside_the_noun_that_is_the_subject_speaks_for_the_next_pronoun(nlp):
    got = quotes(nlp, "Prince Michael reminisced about walking on the beach with Jackson. "
                      "Jackson's mother, Katherine, speaking at the family home, said the "
                      "singer had been a shy child. She said his nose became very small.",
                 "reported")
    assert [(s, c) for _, s, c, _ in got] == [("Katherine", "Katherine"), ("She", "Katherine")]


def test_a_correction_note_reports_no_statement(nlp):
    assert reported(nlp, "This article was amended on 4 August. The original said that the "
                         "spill was the largest in history. An earlier version of this story "
                         "said the mayor had resigned.") == []


def test_the_company_or_the_ministry_is_the_body_the_article_named(nlp):
    text = ("Shell said on Monday it would sell its stake in the field. The Health Ministry "
            "said the spill posed no danger to people. The company said the sale would close "
            "in May. The ministry said it would test the water again. It said results would "
            "come within a week.")
    got = [(s, c) for _, s, c, _ in quotes(nlp, text, "reported")]
    assert got == [("Shell", "Shell"), ("Health Ministry", "Health Ministry"),
                   ("The company", "Shell"), ("The ministry", "Health Ministry"),
                   ("It", "Health Ministry")]


def test_a_name_the_tagger_never_marked_is_the_speakers_name(nlp):
    got = quotes(nlp, "Anadarko said it was not responsible for the decisions on the well.",
                 "reported")
    assert [(s, c) for _, s, c, _ in got] == [("Anadarko", "Anadarko")]


def test_the_zoo_is_the_zoo_the_article_named_even_in_passing(nlp):
    got = quotes(nlp, "A gorilla was shot at the Cincinnati Zoo on Saturday after a boy fell "
                      "into its enclosure.\n\nThe zoo said in a statement that the boy was "
                      "safe.", "reported")
    assert [(s, c) for _, s, c, _ in got] == [("The zoo", "Cincinnati Zoo")]


def test_a_name_and_its_role_read_as_two_subjects_are_one_speaker(nlp):
    text = ("Park Soo-hyun, the spokesman for South Korean President Moon Jae-in, said the "
            "office welcomed the comments.\n\n“We are ready to talk anytime,” the spokesman "
            "said.")
    assert [(s, c) for _, s, c, _ in quotes(nlp, text, "reported")] == [
        ("Park Soo-hyun", "Park Soo-hyun")]
    assert [(s, c) for _, s, c, _ in quotes(nlp, text)] == [("the spokesman", "Park Soo-hyun")]


def test_a_named_office_is_not_someone_who_holds_another(nlp):
    got = quotes(nlp, "“It should be named the Offshore Papers,” Eyda Varela, Panama’s vice "
                      "minister of finance, insisted.\n\nPanama’s attorney general has said "
                      "that there will be an investigation.", "reported")
    assert [(s, c) for _, s, c, _ in got] == [("Panama’s attorney general", None)]


def test_a_quotation_paragraph_after_a_reported_statement_is_its_speakers(nlp):
    got = quotes(nlp, "Croydon Central MP Gavin Barwell said his friend was on the tram.\n"
                      "\"He's been injured, he's in hospital, he's going to be OK.\"\n"
                      "\"Thousands of people use these every day to get to work.\"\n"
                      "The driver was arrested on Wednesday. \"We are keeping an open mind "
                      "about what caused the crash.\"")
    assert [c for _, _, c, _ in got] == ["Gavin Barwell", "Gavin Barwell", None]


def test_a_name_a_pronoun_takes_up_is_a_person_whatever_the_tagger_said(nlp):
    text = ("The carriages slid for ten seconds.\nKudirat Okesola said her husband was on the "
            "tram and suffered a cut on his face.\nShe said some people were trapped "
            "underneath the tram.")
    got = quotes(nlp, text, "reported")
    assert [(s, c) for _, s, c, _ in got] == [("Kudirat Okesola", "Kudirat Okesola"),
                                              ("She", "Kudirat Okesola")]


def test_a_quotation_after_as_x_told_is_x_s_words(nlp):
    got = quotes(nlp, "And as Tom Lake, the director of the port, told the Harbour Times: "
                      "\"These ships, if nothing else, raise an awful lot of questions.\"")
    assert got == [("These ships, if nothing else, raise an awful lot of questions.",
                    "Tom Lake", "Tom Lake", "told")]
    # without a quotation it stays a report of the clause it is set into
    assert reported(nlp, "And as the Times noted, the mayor raised the issue twice.") == [
        ("the mayor raised the issue twice", "Times")]


def test_words_in_marks_are_not_the_speaker_of_the_participle_after_them(nlp):
    got = reported(nlp, "Her father Sami has said she was upset. Sami called the indictment a "
                        "\"political trial\" saying the court dug up old incidents to justify "
                        "her arrest.")
    assert got[-1] == ("the court dug up old incidents to justify her arrest", "Sami")
    # a document that says something speaks for the one who issued it, else for itself
    assert reported(nlp, "The ministry issued a statement saying the talks would resume.") == [
        ("the talks would resume", "The ministry")]
    assert reported(nlp, "A statement from the ministry said the talks would resume.") == [
        ("the talks would resume", "A statement from the ministry")]



def test_a_person_named_through_a_subject_noun_is_that_subject(nlp):
    got = quotes(nlp, "The family's young son Kevin gets lost in the rush and loses his ticket.\n"
                      "Back in 1985, a 21-year-old college student named Michael Lewis was "
                      "returning to the United States from a vacation in West Germany.\n"
                      "\"They didn't say Auckland. They said Oakland,\" he told the LA Times.")
    assert [(s, c) for _, s, c, _ in got] == [("he", "Michael Lewis")]


def test_a_description_and_a_name_after_the_quotation_are_its_speaker(nlp):
    got = quotes(nlp, "The driver had opened fire on the crowd, the mayor told reporters.\n"
                      "\"It's a scene of horror,\" a local member of parliament, Eric Ciotti, "
                      "told France Info. He said the truck sped along the pavement.")
    assert [(t, s, c) for t, s, c, _ in got] == [("It's a scene of horror", "Eric Ciotti",
                                                  "Eric Ciotti")]
    assert reported(nlp, "“We will rebuild it,” the mayor said after the storm.") == []


def test_it_is_the_body_that_spoke_just_before_even_one_the_tagger_never_marked(nlp):
    got = quotes(nlp, "The Center for Humane Design warns that phones are \"hijacking our "
                      "minds\".\nFacebook said it is \"a valued part of many people's lives\".\n"
                      "\"We know Facebook can help bring people closer together,\" it said.")
    assert [c for _, _, c, _ in got][-1] == "Facebook"


def test_which_after_a_date_does_not_stand_for_the_date(nlp):
    got = quotes(nlp, "The latest resolution extends the one passed in September, which set the "
                      "cap and asked member states to prohibit \"engaging in ship-to-ship "
                      "transfers to or from flagged vessels of any goods\".")
    assert [(s, c) for _, s, c, _ in got] == [("which", None)]


def test_a_name_given_to_the_speaker_noun_is_the_speaker_and_no_cue(nlp):
    # a description with no proper noun the parser could name once broke the speaker search
    got = quotes(nlp, "\"I am telling you, we are scared and we are alone,\" a Misrata "
                      "resident, called Saadoun, told Reuters by telephone.")
    assert [(s, c, cue) for _, s, c, cue in got] == [("Saadoun", "Saadoun", "told")]


def test_the_firm_is_the_body_introduced_as_one_not_the_paper_that_reported(nlp):
    got = quotes(nlp, "The leak came from the investment firm Goldman Sachs, which set up shell "
                      "companies.\nThe Harbour Times says it was contacted by a source a year "
                      "ago.\nThe firm said: \"We have never been charged with any wrongdoing.\"")
    assert [c for _, _, c, _ in got] == ["Goldman Sachs"]
    got = quotes(nlp, "The Harbour Times says it was contacted by a source a year ago.\n"
                      "The firm said: \"We have never been charged with any wrongdoing.\"")
    assert [c for _, _, c, _ in got] == [None]


def test_a_quotation_with_its_own_speaker_is_not_the_one_who_recalls_it(nlp):
    got = quotes(nlp, "“The fire is spreading to the roof,” the captain announced, as Perry "
                      "recalled it.")
    assert [(t, s) for t, s, _, _ in got] == [("The fire is spreading to the roof", "the captain")]
    assert reported(nlp, "As the paper revealed, the council agreed to sell the land in May.") == [
        ("the council agreed to sell the land in May", "the paper")]


def test_the_subject_before_a_phrase_read_as_a_clause_speaks(nlp):
    # "after the meeting" read as a clause with its own subject; "rescued from the mine" as
    # the verb of one
    assert reported(nlp, "A statement after the meeting said the two ministers agreed to talk "
                         "again in April.") == [
        ("the two ministers agreed to talk again in April", "A statement")]
    assert reported(nlp, "Workers rescued from the mine said the tunnel had flooded within "
                         "minutes.") == [("the tunnel had flooded within minutes", "Workers")]


def test_an_impersonal_passive_names_no_speaker(nlp):
    assert reported(nlp, "The fans cheered as it was announced that the coach would stay for "
                         "another season.") == [("that the coach would stay for another season",
                                                 None)]


def test_the_company_is_not_a_paper_with_a_hyphenated_name(nlp):
    got = quotes(nlp, "The Erie Times-News reported that the bill was wrong.\n"
                      "The power company said it regretted the error and would fix it.",
                 kind="reported")
    assert [(s, c) for _, s, c, _ in got] == [("Erie Times-News", "Erie Times-News"),
                                              ("The power company", None)]


def test_he_is_not_the_person_his_own_words_name(nlp):
    got = quotes(nlp, "Donald Trump attacked the senator on Monday.\n"
                      "“Trump is a bully and everyone knows it,” he said.")
    assert [(s, c) for _, s, c, _ in got] == [("he", None)]
    got = quotes(nlp, "Jane Smith spoke at the funeral.\n"
                      "“My father John Smith was a kind man,” she said.")
    assert [(s, c) for _, s, c, _ in got] == [("she", "Jane Smith")]


def test_a_quotation_goes_on_past_a_picture_caption(nlp):
    got = quotes(nlp, "Rizzo added after the game: “I have never played in a game like it. "
                      "What a group.\nFans celebrate after the final out at Wrigley Field "
                      "(Getty)\n“The other side played hard, but nothing beats this feeling.”")
    assert [(s, c) for _, s, c, _ in got] == [("Rizzo", "Rizzo"), (None, "Rizzo")]
    # a line that is no caption still breaks the turn
    got = quotes(nlp, "Rizzo added after the game: “I have never played in a game like it. "
                      "What a group.\nThe series went to a seventh game for the first time.\n"
                      "“The other side played hard, but nothing beats this feeling.”")
    assert got[-1][1:3] == (None, None)


def test_a_statement_that_says_is_the_words_of_the_one_who_issued_it(nlp):
    got = quotes(nlp, "Governor Maria Lopez issued a statement that said the roads would reopen "
                      "on Monday.", kind="reported")
    assert [(s, c) for _, s, c, _ in got] == [("that", "Maria Lopez")]


def test_a_common_noun_opening_a_sentence_is_no_one_a_pronoun_could_mean(nlp):
    got = quotes(nlp, "Prime Minister Paul Novak said Friday morning that the nation would "
                      "observe two days of mourning, starting on Sunday. Flags will fly at "
                      "half-staff at all state buildings.\n“We will not give in to those who "
                      "want to divide us,” he said outside his office.")
    assert [c for _, _, c, _ in got] == ["Paul Novak"]


def test_an_as_clause_of_time_or_of_what_was_said_reports_nothing(nlp):
    assert reported(nlp, "The markets fell sharply as the talks were announced.") == []
    assert reported(nlp, "The markets fell sharply even as the talks were announced.") == []


def test_a_three_word_statement_is_reported_speech(nlp):
    assert reported(nlp, "The mayor said he was shocked.") == [("he was shocked", "The mayor")]
    assert reported(nlp, "The mayor said so.") == []


def test_the_name_set_right_before_the_verb_speaks_not_the_noun_before_its_comma(nlp):
    got = quotes(nlp, "To understand the real John Brown, Professor Alan Roberts said, one "
                      "should read his letters.", kind="reported")
    assert [s for _, s, _, _ in got] == ["Alan Roberts"]
    assert reported(nlp, "Putin, the Russian president, said the talks had gone well.") == [
        ("the talks had gone well", "Putin")]


def test_a_speaker_noun_keeps_the_phrase_that_says_whose_it_is(nlp):
    assert reported(nlp, "A lawyer for the company said the claims were false.") == [
        ("the claims were false", "A lawyer for the company")]
    assert reported(nlp, "An official at the Pentagon said the missile posed no threat.") == [
        ("the missile posed no threat", "An official at the Pentagon")]
    # not a time ("at the time"), nor a phrase cut at "and"
    assert [s for _, s in reported(nlp, "A spokesman at the time said the plant was safe.")] == [
        "A spokesman"]


def test_one_proper_name_in_marks_inside_a_sentence_is_a_title_not_words_said(nlp):
    text = ("“It grabbed me at once,” he said. “It just connected.” Reyes, who phoned in from "
            "the set of “Harbourline,” had a similar memory.")
    assert [t for t, *_ in quotes(nlp, text)] == ["It grabbed me at once", "It just connected."]
    # said words: a capital that opens the sentence, a word ended as a sentence, a shout
    assert [t for t, *_ in quotes(nlp, "“Unacceptable,” the minister said of the plan.")] == [
        "Unacceptable"]
    assert [t for t, *_ in quotes(nlp, "When someone in the hall shouted, “Morales,” the "
                                       "speaker laughed.")] == ["Morales"]


def test_a_participle_setting_the_scene_is_not_what_was_said(nlp):
    got = quotes(nlp, "Asked about the merger, Laura Chen said “Absolutely.”", kind="reported")
    assert got == []
    assert [t for t, *_ in quotes(nlp, "Asked about the merger, Laura Chen said "
                                       "“Absolutely.”")] == ["Absolutely."]
    # with no quotation, the statement set around the verb still counts
    assert reported(nlp, "The merger is off, Laura Chen said.") == [("The merger is off",
                                                                    "Laura Chen")]


def test_a_clause_joined_by_though_or_if_before_the_verb_states_nothing(nlp):
    assert reported(nlp, "Though most remain calm, a small group of fans have responded with "
                         "anger.") == []
    got = reported(nlp, "As the mayor prepared to speak on Tuesday, a man outside the hall was "
                        "struck by a car, police said.")
    assert [s for _, s in got] == ["police"]


def test_the_n_year_old_is_the_person_of_that_age_or_the_one_just_spoken_of(nlp):
    text = ("Police arrested Dana Brooks, 34, on Monday. Her lawyer, Tom Avery, spoke to "
            "reporters. “She is innocent,” the 34-year-old said in a statement.")
    assert [c for _, _, c, _ in quotes(nlp, text)] == ["Dana Brooks"]
    text = ("Marta Quinn was named head coach of the club on Monday.\n\nThe 41-year-old said "
            "after her appointment: “I am proud to lead this team.”")
    assert [c for _, _, c, _ in quotes(nlp, text)] == ["Marta Quinn"]


def test_a_statement_hung_on_a_relative_clause_of_the_hearers(nlp):
    got = reported(nlp, "Union president Karen Holt told hundreds of nurses who filled the square "
                        "that the province should spend its reserves on hospitals.")
    assert got == [("that the province should spend its reserves on hospitals", "Karen Holt")]


def test_a_relative_clause_running_on_to_the_verb_is_part_of_the_subject(nlp):
    got = reported(nlp, "A spokesperson who did not wish to be named because of agency policy "
                        "said that the agency had never run such a programme.")
    assert [s for _, s in got] == ["A spokesperson"]


def test_a_closing_mark_before_the_sentence_is_not_part_of_the_statement(nlp):
    got = reported(nlp, 'Savings matter, he explained on his podcast "Money Talks." Cutting '
                        'costs takes continued effort, they said.')
    assert ("Cutting costs takes continued effort", "they") in got


def test_a_report_inside_a_report_is_part_of_it_once_the_quotation_closes_it(nlp):
    got = reported(nlp, 'Ortiz said that after legal consultation Lima had concluded the '
                        'expansion of mining was "not, per se, inconsistent with national law", '
                        'saying he trusted the courts to decide.')
    assert [s for _, s in got] == ["Ortiz", "Ortiz"]


def test_doubled_single_marks_and_a_mistyped_closing_mark(nlp):
    got = quotes(nlp, "‘‘The vote was a mistake,’’ Anna Kohl told the radio station. “We will "
                      "ask for a recount.”")
    assert [(t, c) for t, _, c, _ in got] == [("The vote was a mistake", "Anna Kohl"),
                                             ("We will ask for a recount.", "Anna Kohl")]
    got = quotes(nlp, "“The reality is that the race is wide open,“ said Peter Sand, a "
                      "county official.")
    assert [(t, s) for t, s, _, _ in got] == [("The reality is that the race is wide open",
                                              "Peter Sand")]


def test_a_paragraph_opening_with_a_mark_left_open_is_a_quotation_to_its_end(nlp):
    text = ("The club said in a statement: “Elena is one of the most decorated coaches in "
            "the league.\n\n“She has won titles in three countries and led two national teams."
            "\n\nClub statement\n\nThe team has lost five of its last six matches.")
    got = quotes(nlp, text)
    assert [t for t, *_ in got] == [
        "Elena is one of the most decorated coaches in the league.",
        "She has won titles in three countries and led two national teams."]
    assert got[1][2] == got[0][2]  # the turn goes on


def test_inch_marks_open_no_quotation():
    spans = find_quote_spans('The set measures 22" long and 22" wide, in the "Master" series.')
    assert len(spans) == 1


def test_a_marked_word_inside_a_sentence_is_not_a_carried_turn(nlp):
    text = ("Clarke said the new order should be released “sometime soon” for the firms to bid "
            "on, as well as one for the rover. The agency is also working on a second call, with "
            "a goal of doing two “deliveries” of cargo to the moon every year.")
    assert quotes(nlp, text) == []
    got = quotes(nlp, "“We won,” Smith said. “Absolutely.”")
    assert [t for t, *_ in got] == ["We won", "Absolutely."]


def test_the_object_of_led_or_forced_speaks_the_infinitive(nlp):
    got = reported(nlp, "A weak quarter led the carmaker to announce it would cut 2,000 jobs.")
    assert [s for _, s in got] == ["the carmaker"]
    got = quotes(nlp, "The senator later blamed his hesitancy to condemn the group on a “bad "
                      "phone line,” claiming he had already disavowed it.")
    assert [s for _, s, _, _ in got] == ["The senator"]


def test_a_hyphenated_subject_is_one_speaker(nlp):
    got = reported(nlp, "The neo-banks have promised that they will ease your pain.")
    assert [s for _, s in got] == ["The neo-banks"]


def test_a_possessive_after_the_verb_is_the_speaker_not_a_statement(nlp):
    got = reported(nlp, "Job cuts will be announced later this week in areas that do not "
                        "support the core business, said the Acme Group’s recently named "
                        "executive chair Marcel Dumont in an email to staff.")
    assert [t for t, _ in got] == [
        "Job cuts will be announced later this week in areas that do not support the core "
        "business"]


def test_a_quotation_then_its_verb_is_the_quotation_not_how_it_came(nlp):
    text = ("Hayes said that he is more focused on helping the team recover after seeing its "
            "winning streak come to an end.\n\n\"The most important thing is we lost that "
            "game,\" Hayes said, via Brian Moss of the Boston Globe.")
    assert len(quotes(nlp, text, kind="reported")) == 1
    assert [t for t, *_ in quotes(nlp, text)] == ["The most important thing is we lost that game"]


def test_an_indefinite_role_hung_on_a_body_name_is_no_one_named_before(nlp):
    text = ("Mayor of London Sadiq Khan said: “I am in contact with emergency services.”\n"
            "A Transport for London spokesman said: “Trains are running with delays on the "
            "north line.”")
    got = quotes(nlp, text)
    # not the mayor named before: someone unnamed, told by the body they speak for
    assert got[1][1] == "A Transport for London spokesman"
    assert got[1][2] == "Transport for London spokesman"


def test_an_unnamed_spokesperson_is_one_speaker_told_by_their_body(nlp):
    got = quotes(nlp, "“It was removed,” a Delta Air Lines spokesman said. The plane "
                      "landed in Atlanta. “The bird was safely set free,” the spokesman "
                      "said. “We are sorry for the delay,” the Delta spokesman said.")
    assert [(speaker, canonical) for _, speaker, canonical, _ in got] == [
        ("a Delta Air Lines spokesman", "Delta Air Lines spokesman"),
        ("the spokesman", "Delta Air Lines spokesman"),
        ("the Delta spokesman", "Delta Air Lines spokesman")]
    # a shorter name of the body is the same spokesperson again
    got = quotes(nlp, "“It was removed,” a Delta Air Lines spokesman said. Passengers waited an "
                      "hour. The Delta spokesman described the delay as “short.” “We are sorry,” "
                      "the spokesman said.")
    assert {c for _, _, c, _ in got} == {"Delta Air Lines spokesman"}
    # told by their body, past other people titled in between, even when the first mention
    # did not speak
    got = quotes(nlp, "A Delta Air Lines spokesman referred to the bird as a stowaway. Passenger "
                      "Brian Cole filmed the cabin. “We are sorry,” the Delta spokesman said.")
    assert [c for _, _, c, _ in got] == ["Delta Air Lines spokesman"]
    assert quotes(nlp, "“We are reviewing the report,” a spokesman for Microsoft said.")[0][2] == (
        "Microsoft spokesman")
    got = quotes(nlp, "“The talks go on,” a Chinese government spokeswoman said. Premier Wang Yi "
                      "met the envoy, and Mr. Wang spoke of progress. “No date has been set,” she said.")
    assert [c for _, _, c, _ in got] == ["Chinese Government spokeswoman"] * 2
    # a named spokesperson stays the person
    got = quotes(nlp, "“Talks are planned,” Kremlin spokesman Dmitry Peskov said. “There is no "
                      "escalation,” the spokesman said.")
    assert [c for _, _, c, _ in got] == ["Dmitry Peskov"] * 2


def test_the_day_after_the_verb_is_when_it_was_said_not_part_of_the_statement(nlp):
    assert reported(nlp, "County health officials said Monday the victim was one of two people "
                         "who caught the virus.") == [
        ("the victim was one of two people who caught the virus", "County health officials")]
    assert reported(nlp, "Officials said last week the plant would close.") == [
        ("the plant would close", "Officials")]
    assert reported(nlp, "And Musk said earlier this year he was targeting November.") == [
        ("he was targeting November", "Musk")]
    assert reported(nlp, "Biden said on Friday he would make it very difficult for Russia to "
                         "invade.") == [("he would make it very difficult for Russia to invade",
                                         "Biden")]
    assert reported(nlp, "Officials said in March the plant would close.") == [
        ("the plant would close", "Officials")]
    # the day as the statement's subject stays, even where the parser left it none
    assert reported(nlp, "She said Monday was the worst day of her life.") == [
        ("Monday was the worst day of her life", "She")]
    assert reported(nlp, "She said last year was the worst of her life.") == [
        ("last year was the worst of her life", "She")]


def test_a_name_before_a_relative_clause_the_parser_ran_to_the_verb_speaks(nlp):
    got = reported(nlp, "Martin Rowe, who was among more than 50 injured, said he recalled "
                        "the tram speeding up.")
    assert got == [("he recalled the tram speeding up", "Martin Rowe")]


def test_a_name_after_an_opening_phrase_and_before_its_relative_clause_speaks(nlp):
    # the parser hangs the name on "At Time" and leaves the verb without a subject
    got = reported(nlp, "At Time, Rana Foroohar, who writes about the economy, says the "
                        "revelations could lead to a great crisis for capitalism.")
    assert got == [("the revelations could lead to a great crisis for capitalism",
                    "Rana Foroohar")]


def test_a_preposition_the_parser_took_for_the_subject_does_not_speak(nlp):
    # "Of" is read as the verb's subject; the name set off by its relative clause speaks
    got = quotes(nlp, "Of the senator, Levine, who has given money to his rival, said, "
                      "“He is a wonderful man, but he is totally unprepared.”")
    assert [q[1] for q in got] == ["Levine"]


def test_a_participle_describing_the_subject_keeps_the_statement_whole(nlp):
    got = reported(nlp, "She said some people trapped underneath the bus were calling for help.")
    assert got == [("some people trapped underneath the bus were calling for help", "She")]
    got = reported(nlp, "The minister said the prisoners released by the other side were close "
                        "to completing their sentences.")
    assert got == [("the prisoners released by the other side were close to completing their "
                    "sentences", "The minister")]


def test_an_as_clause_of_time_or_cause_names_no_source(nlp):
    assert reported(nlp, "The update comes as the former chief executive, Ron Hale, will "
                         "testify in front of the committee on Tuesday.") == []
    assert reported(nlp, "The quarter was not a disappointment, as most of the companies "
                         "reported in-line or better than expected results.") == []
    assert [s for _, s in reported(nlp, "As the Times noted, the mayor raised the money in "
                                        "two weeks.")] == ["Times"]


def test_a_speaker_set_after_the_statement_as_an_apposition(nlp):
    got = reported(nlp, "The gunman did not belong to any political or religious group, the "
                        "brother of the gunman, Eric Dale, from Orlando, said.")
    assert got == [("The gunman did not belong to any political or religious group", "Eric Dale")]
    got = reported(nlp, "The company will close two plants in Ohio, a spokeswoman for the "
                        "company, Jane Rowe, said on Monday.")
    assert got == [("The company will close two plants in Ohio", "Jane Rowe")]


def test_the_statement_ending_before_an_as_clause_the_parser_hung_it_on(nlp):
    got = reported(nlp, "More rockets will be needed — besides the agency’s own giant rocket — as "
                        "astronauts venture out into the solar system, said the director of "
                        "planning, Tom Engle.")
    assert got == [("More rockets will be needed — besides the agency’s own giant rocket — as "
                    "astronauts venture out into the solar system", "Tom Engle")]


def test_a_clause_before_a_semicolon_is_not_what_the_next_verb_reports(nlp):
    assert reported(nlp, "The attacker is killed in a shootout with police; he pledges "
                         "allegiance to the group, which later claims responsibility.") == []


def test_a_question_left_unanswered_is_no_statement(nlp):
    assert reported(nlp, "The company did not say how changes in the tax law would affect its "
                         "plans.") == []
    assert reported(nlp, "Two others have not said who they would vote for.") == []
    assert reported(nlp, "The mayor, who did not explicitly say that the chief was unfit, has "
                         "questioned his judgment.") == []
    assert reported(nlp, "He said he did not know the man.") == [("he did not know the man", "He")]


def test_the_issuer_of_a_statement_speaks_not_a_name_inside_it(nlp):
    got = quotes(nlp, "His lawyer released a statement saying, “Mr. Hale acts strictly within "
                      "the law at all times.”")
    assert [s for _, s, _, _ in got] == ["His lawyer"]
    got = reported(nlp, "The goal is to curb activist investors, according to a speech Mrs. "
                        "Clinton delivered at New York University in July.")
    assert [s for _, s in got] == ["Clinton"]


def test_a_colon_before_a_quotation_its_verb_follows_leaves_only_the_quotation(nlp):
    text = ("From the outset, the goal was clear: “This structure,” wrote Anna Holt of the firm, "
            "“should allow registering the aircraft in the United States.”")
    assert reported(nlp, text) == []
    # a colon after the verb introduces a statement that holds the quotation
    assert reported(nlp, "The minister said the answer was simple: “We will not pay.”") == [
        ("the answer was simple: “We will not pay.”", "The minister")]


def test_according_to_keeps_the_words_hung_before_it_and_a_subject_before_it(nlp):
    got = reported(nlp, "Dealers sold 30,154 new cars in October, the second-highest volume of "
                        "the year but still down 10 percent from a year ago, according to the "
                        "report.")
    assert [t for t, _ in got] == ["Dealers sold 30,154 new cars in October, the second-highest "
                                   "volume of the year but still down 10 percent from a year ago"]
    got = reported(nlp, "A further 17 manufacturers, according to the report, had plants "
                        "ranging from 30-600 MW.")
    assert [t for t, _ in got] == ["A further 17 manufacturers, according to the report, had "
                                   "plants ranging from 30-600 MW"]


def test_right_after_a_closing_mark_the_verb_names_its_speaker_not_an_object(nlp):
    got = quotes(nlp, "\"We need to stop the race. How many people do they want to crash?\" "
                      "added the four-times champion.")
    assert [s for _, s, _, _ in got] == ["the four-times champion"]


def test_a_short_phrase_in_marks_after_a_preposition_is_borrowed_not_said(nlp):
    assert quotes(nlp, "The two were on a \"dream holiday\" to the south of France and were "
                       "confirmed dead by friends online.") == []
    assert quotes(nlp, "The league issued a \"travel advisory\" in October warning fans of "
                       "delays.") == []
    # under a speech verb it reports what was said
    got = quotes(nlp, "The minister warned of \"dire consequences\" if the deal failed.")
    assert [t for t, *_ in got] == ["dire consequences"]
    got = quotes(nlp, "The mayor decried the issue of \"systemic racism\" in the city.")
    assert [t for t, *_ in got] == ["systemic racism"]


def test_a_statement_ends_before_the_and_that_joins_the_next_verb(nlp):
    got = reported(nlp, "Mr. Estrosi said that the families needed time to mourn, and added that "
                        "it was their duty to support them.")
    assert [t for t, _ in got] == ["that the families needed time to mourn",
                                   "that it was their duty to support them"]


def test_a_clause_after_the_verbs_own_object_and_a_comma_goes_on_with_the_sentence(nlp):
    assert reported(nlp, "Yet, over 365 days since the businessman announced his candidacy for "
                         "president, here we are.") == []
    assert reported(nlp, "The tax is seen as toxic — which helps explain why neither candidate "
                         "names it — yet it works as a national sales tax.") == []


def test_asides_participles_and_scenes_that_report_nothing(nlp):
    for text in ("There is no denying he has had quite a run.",
                 "By some standards one could say immigrants integrate poorly.",
                 "It should be noted that two of the group’s researchers were hired in August.",
                 "Observers are being encouraged to report what they saw to the weather service.",
                 "Three names prominently mentioned as potential nominees are Jane Kelly, a "
                 "judge, and Tom Hale."):
        assert reported(nlp, text) == [], text


def test_clauses_around_a_verb_that_are_not_its_statement(nlp):
    # the verb's own object after it: what it reports is that, not the clause before
    assert reported(nlp, "The singer got a huge roar from the crowd when, at the end of her "
                         "song ''A Change Is Gonna Come,'' she added the words, ''Vote.''") == []
    # a scene set by "when", after an opening "But"
    assert reported(nlp, "But when Congress cut funding for the program two years later, "
                         "Mexico said enough.") == []
    # the sentence goes on with something else after the reporting clause
    assert reported(nlp, "“You winning?” she said, but Kevin was drifting off again.") == []
    assert reported(nlp, "When the storm hit, the town lost power, officials said.") == [
        ("When the storm hit, the town lost power", "officials")]


def test_a_verb_inside_a_quotation_reports_nothing_outside_it(nlp):
    text = ("The challenge is shown by this finding: ''27 companies reported 16,389 subsidiaries "
            "to the Federal Reserve, while only reporting 2,279 to the S.E.C.''")
    assert reported(nlp, text) == []


def test_a_medium_relaying_a_statement_hung_on_the_speakers_verb(nlp):
    assert reported(nlp, "She said the murder was a black stain on the country, state radio "
                         "reported.") == [("the murder was a black stain on the country", "She")]


def test_speakers_the_parser_read_into_the_statement(nlp):
    got = reported(nlp, "One of the president's sons has told the chief of staff that he has "
                        "lost much of his support among Republicans, White House and Republican "
                        "sources said Monday.")
    assert [t for t, _ in got] == ["One of the president's sons has told the chief of staff that "
                                   "he has lost much of his support among Republicans"]


def test_a_lead_in_reporting_clause_the_parser_made_a_complement(nlp):
    got = reported(nlp, "A senior police source tells CNN, there is a lot of circumstantial "
                        "evidence and it would be extraordinary for there not to be a link.")
    assert got == [("there is a lot of circumstantial evidence and it would be extraordinary for "
                    "there not to be a link", "A senior police source")]


def test_one_word_in_marks_after_a_determiner_is_held_at_arms_length(nlp):
    got = quotes(nlp, 'The leader, in an "initiative" designed as much to rally opinion as to '
                      'open talks, announced yesterday that he would withdraw his troops.')
    assert got == []
    assert quotes(nlp, 'The government "forcefully" condemned the attack on the market.') == []
    assert [t for t, *_ in quotes(nlp, '"Absolutely," he said.')] == ["Absolutely"]
    got = quotes(nlp, 'The senator called the bill a "disaster" on Monday.', kind="reported")
    assert [t for t, *_ in got] == ['the bill a "disaster"']
    got = quotes(nlp, 'She misjudged the ruler, having referred to him as a "reformer."')
    assert [t for t, *_ in got] == ["reformer."]


def test_a_reporting_clause_set_in_with_its_speaker_after_the_verb(nlp):
    got = reported(nlp, "The advertisement, said Kelli Conlin, the executive director of the "
                        "state affiliate, is intended to spotlight the senator's vote against "
                        "the act.")
    assert [s for _, s in got] == ["Kelli Conlin"]
    # a person before the verb is its speaker
    assert reported(nlp, "Martin Bamford, 30, said John Smith, his friend, was hurt.") == [
        ("John Smith, his friend, was hurt", "Martin Bamford")]


def test_according_to_plan_names_no_source(nlp):
    assert reported(nlp, "If all goes according to plan, the agency will land a probe on the far "
                         "side of the moon next year.") == []
    assert [s for _, s in reported(nlp, "According to police, the man was armed with a "
                                        "knife.")] == ["police"]


def test_clauses_that_only_describe_a_noun_are_not_statements(nlp):
    got = reported(nlp, "The ad is misleading, spokesman Jeff Bell said in a statement issued a "
                        "half-hour before the event was set to begin.")
    assert got == [("The ad is misleading", "Jeff Bell")]
    got = reported(nlp, "Some 59 percent of voters view her unfavorably, according to a poll "
                        "last week - virtually the same as her rival's 60 percent.")
    assert [t for t, _ in got] == ["Some 59 percent of voters view her unfavorably"]


def test_a_stage_direction_in_a_quoted_transcript_is_no_quote(nlp):
    text = ('"PENCE: And that is why we will win in this state and in every other one, '
            'because the people here want a change.\n\n'
            '"(CROSSTALK.)\n\n'
            '"WALLACE: If I may, sir, because we have got limited time, I want to ask you '
            'about the debate.')
    got = [q for q, *_ in quotes(nlp, text)]
    assert len(got) == 2 and not any("CROSSTALK" in q for q in got)


def test_a_text_or_a_count_speaks_for_whoever_made_it(nlp):
    cases = {
        "The jobless rate rose to 7.2 per cent, according to figures released by Statistics "
        "Canada on Friday.": "Statistics Canada",
        "A report by the Bank of Canada said 30,000 jobs were lost.": "Bank of Canada",
        "Claims fell by 12,000, according to data from the Department of Labor.":
            "Department of Labor",
        "According to Statistics Canada's latest estimate, 40,000 people moved west.":
            "Statistics Canada",
        "About 2,000 people died, according to a survey conducted by Ipsos.": "Ipsos",
        # nobody made these: a plan, and figures from a time
        "The city will add 40 buses, according to the plan.": None,
        "According to figures from last year, 3,000 homes were sold.": None,
        # whoever obtained a document did not write it
        "According to documents obtained by the Tribune, the firm paid $3 million.": None,
    }
    for text, maker in cases.items():
        doc = nlp(text)
        (quote,) = [q for q in extract_quotes(doc, extract_entities(doc)) if q.kind == "reported"]
        assert quote.speaker_canonical == maker, text


def test_a_body_told_by_its_country_keeps_the_country(nlp):
    got = reported(nlp, "Ukraine's defence ministry said 40 tanks were destroyed. Russia's "
                        "Defence Ministry said the drills had ended.")
    assert got == [("40 tanks were destroyed", "Ukraine's defence ministry"),
                   ("the drills had ended", "Russia's Defence Ministry")]
    (_, _, canonical, _), = quotes(nlp, "Britain's Ministry of Defence said the convoy had "
                                        "stalled.", kind="reported")
    assert canonical == "British Ministry of Defence"
    # a person told by their country is still that person
    assert quotes(nlp, "Russia's Putin said the drills had ended.", kind="reported")[0][1:3] == (
        "Putin", "Putin")


def test_a_name_the_tagger_missed_after_a_title_is_the_speaker(nlp):
    got = quotes(nlp, '"We didn\'t play well in the first half," coach Pep Guardiola told BBC '
                      'Sport. "The second half was better."')
    assert [(s, c) for _, s, c, _ in got] == [("coach Pep Guardiola", "Pep Guardiola"),
                                              (None, "Pep Guardiola")]


def test_a_state_body_the_tagger_did_not_name_is_its_state_s(nlp):
    got = quotes(nlp, "“The drills are over,” the Russian defence ministry said in a statement. "
                      "Russia's defence ministry said ten units had left. The ministry said more "
                      "would follow.", kind="direct") + quotes(
        nlp, "Russia's defence ministry said ten units had left. The ministry said more would "
             "follow.", kind="reported")
    assert {c for _, _, c, _ in got} == {"Russian Defence Ministry"}
    got = quotes(nlp, "The Ukrainian foreign ministry said it had no evidence of a pullback. The "
                      "Russian government said it would not invade. The US government said it "
                      "was watching.", kind="reported")
    assert [c for _, _, c, _ in got] == ["Ukrainian Foreign Ministry", "Russian Government",
                                         "US Government"]
    # an official of a state is a person, not its body
    assert quotes(nlp, "A Russian official said the drills were over.",
                  kind="reported")[0][2] is None


def test_a_role_told_by_its_state_either_way_is_the_one_who_holds_it(nlp):
    text = "Russian President Vladimir Putin met Joe Biden on Tuesday. Russia's president said {}"
    assert quotes(nlp, text.format("the talks were frank."), kind="reported")[0][2] == (
        "Vladimir Putin")
    got = quotes(nlp, "US President Joe Biden spoke to Vladimir Putin. “Sanctions will follow,” "
                      "the American president said.")
    assert got[0][2] == "Joe Biden"
    # another state's president is not the one named before
    got = quotes(nlp, "French President Emmanuel Macron spoke to Vladimir Putin. “Nothing has "
                      "changed,” the Russian president said.")
    assert got[0][2] is None


def test_a_title_spelt_out_or_a_noun_set_before_a_name_points_back_to_that_person(nlp):
    def speaker(text):
        return quotes(nlp, text, kind="reported")[-1][2]

    assert speaker("Florida Sen. Marco Rubio spoke in Iowa. The senator said he would win.") == (
        "Marco Rubio")
    assert speaker("Gov. Chris Christie spoke first. The governor said taxes would fall.") == (
        "Chris Christie")
    assert speaker("Oscar-winning actress Susan Sarandon backed Bernie Sanders. The actress "
                   "said he was the better candidate.") == "Susan Sarandon"
    got = quotes(nlp, "Retired neurosurgeon Ben Carson fell in the polls. “I am still in "
                      "this,” the retired neurosurgeon said.")
    assert got[0][2] == "Ben Carson"
    # someone titled otherwise came between, and the article moved on to them
    assert speaker("Actor Michael Jordan spoke first. “Broad City” star Arturo Castro held a "
                   "fake audition. The actor said it was a stunt.") is None
    # every word that qualifies the noun must fit
    assert speaker("Republican presidential nominee Donald Trump spoke on Monday. The "
                   "Democratic presidential nominee said he was unfit.") is None


def test_a_pronoun_after_a_quotation_is_not_someone_the_quotation_names(nlp):
    text = ("Oscar-winning actress Susan Sarandon backed Senator Bernie Sanders.\n\n“That’s a "
            "legitimate concern,” Sarandon, 69, told MSNBC on Monday when asked whether Sanders’s "
            "supporters would back Clinton if he loses the nomination.\n\n“I think Bernie would "
            "encourage people because he doesn’t have any ego in this thing,” she said.")
    assert [c for _, _, c, _ in quotes(nlp, text)] == ["Susan Sarandon", "Susan Sarandon"]


def test_a_body_a_person_leads_is_told_by_that_person(nlp):
    got = quotes(nlp, "Hillary Clinton spoke in Ohio. The Clinton campaign said it had raised $50 "
                      "million. Clinton's campaign later said the figure was higher. Her campaign "
                      "also said she would return.", kind="reported")
    assert {c for _, _, c, _ in got} == {"Hillary Clinton's campaign"}
    assert quotes(nlp, "Gov. Andrew Cuomo's office said the bridge would reopen.",
                  kind="reported")[0][2] == "Andrew Cuomo's office"
    # a body that spoke is no antecedent for "she"
    got = quotes(nlp, "Jody Wilson-Raybould left the cabinet on Monday. Her office said the "
                      "letter was private. “I have nothing to add,” she said.")
    assert got[-1][2] == "Jody Wilson-Raybould"


def test_it_after_a_body_that_acted_is_that_body(nlp):
    got = quotes(nlp, "Donald Trump said women should be punished. Trump's campaign immediately "
                      "backtracked, putting out a statement contradicting his earlier comments. "
                      "In cases of abortion, it said, the woman is a victim.", kind="reported")
    assert got[-1][1:3] == ("it", "Donald Trump's campaign")


def test_a_trade_before_a_name_is_a_title(nlp):
    got = quotes(nlp, "Harjit Sarang was on holiday in Velm with her husband and sons.\n"
                      "Lawyer Harjit, from London, said: “We saw people running and screaming.”")
    assert [(speaker, canonical) for _, speaker, canonical, _ in got] == [
        ("Lawyer Harjit", "Harjit Sarang")]


def test_an_honorific_is_no_part_of_a_speakers_name(nlp):
    got = quotes(nlp, "Mr Ladsous, UN under-secretary for peacekeeping operations, said the "
                      "attack on the UN team near Haffa was deliberate.", kind="reported")
    # the tagger marks no name here: the speaker is "Ladsous", whom the story can tell
    assert [(speaker, canonical) for _, speaker, canonical, _ in got] == [
        ("Mr Ladsous", "Ladsous")]
