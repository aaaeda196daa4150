"""The cleaner on scraped pages the project writes: chrome out, body and metadata in."""

from storyline.clean import BoilerplateIndex, clean
from storyline.clean.document import line_keys, site_key, units_of
from storyline.models import RawDocument

SCRAPED = """Subscribe to the Dunmore Courier!

Local News

Harbour bridge to reopen after storm repairs, council says

Workers repair the damaged pier on Monday. Dunmore Courier

DUNMORE (Coast Press) – The harbour bridge will reopen to traffic on Friday after three weeks of repairs to storm damage, the town council said on Tuesday.

"The engineers have signed off the work, and we are confident the bridge is safe," council leader Mara Quist told reporters.

Repairs cost about 2.4 million euros, more than twice the first estimate, the council said.

Fishing crews, who lost access to the outer pier during the closure, welcomed the news.

(Reporting by Ivo Brandt; Editing by Lena Falk)

… we have a small favour to ask. You read the Dunmore Courier for free. If you can, please support us with a donation: every gift helps our reporters.

Read more
"""


def doc(content, **meta):
    return RawDocument(source="page.txt", content=content, kind="text", **meta)


def test_scraped_text_keeps_the_body_and_drops_the_chrome():
    cleaned = clean(doc(SCRAPED))
    assert cleaned.title == "Harbour bridge to reopen after storm repairs, council says"
    assert cleaned.text.startswith("The harbour bridge will reopen")
    assert cleaned.text.endswith("welcomed the news.")
    for chrome in ["Subscribe", "Local News", "Workers repair", "Reporting by", "favour",
                   "Read more", "(Coast Press)"]:
        assert chrome not in cleaned.text


def test_metadata_comes_from_dateline_credits_and_chrome():
    cleaned = clean(doc(SCRAPED))
    assert cleaned.dateline == "DUNMORE"
    assert cleaned.credits == ["Ivo Brandt", "Lena Falk"]
    # the site names itself in its furniture; the dateline credits a wire agency
    assert cleaned.outlet == "Dunmore Courier"
    assert cleaned.syndicated and cleaned.syndicated_from == "Coast Press"
    assert cleaned.language == "en"


def test_a_dateline_set_off_by_a_horizontal_bar():
    text = ("Storm closes ports\n\nHARBOUR CITY ― Ports along the coast closed on Sunday as the "
            "storm arrived, the coastguard said in a statement on its website.")
    assert clean(doc(text)).dateline == "HARBOUR CITY"


def test_a_wire_dateline_naming_several_places():
    text = ("Talks resume on the border\n\nVELM/ORSA, Norland (Coast Press) - Negotiators from "
            "both capitals met again on Monday to discuss the disputed border crossings.")
    cleaned = clean(doc(text))
    assert (cleaned.dateline, cleaned.outlet) == ("VELM/ORSA, Norland", "Coast Press")
    assert cleaned.text.startswith("Negotiators from both capitals")
    # a headline with a slash is no dateline
    assert clean(doc("Velm/Orsa: what we know\n\nNegotiators met on Monday to discuss the "
                     "disputed border crossings, officials said.")).dateline is None


def test_a_time_stamp_run_into_the_lead_is_dropped_and_dates_the_article():
    text = ("Ports close as storm arrives\n\nVELM | Sun Mar 3, 2024 6:47 pm EST VELM (Coast "
            "Press) - Ports along the coast closed on Sunday as the storm arrived, the "
            "coastguard said.")
    cleaned = clean(doc(text))
    assert cleaned.text.startswith("Ports along the coast closed")
    assert (cleaned.dateline, cleaned.outlet) == ("VELM", "Coast Press")
    assert (cleaned.published, cleaned.published_source) == ("2024-03-03", "text")
    stamped = clean(doc("Ports close as storm arrives\n\nSunday 3 March 2024 18.47 GMT Ports "
                        "along the coast closed on Sunday as the storm arrived."))
    assert stamped.text.startswith("Ports along") and stamped.published == "2024-03-03"
    weekday = clean(doc("Ports close\n\nSun, Mar 3 18:47 PM EST VELM (Coast Press) - Ports along "
                        "the coast closed on Sunday as the storm arrived."))
    assert weekday.text.startswith("Ports along") and weekday.dateline == "VELM"
    # a date that opens a sentence is no stamp: a stamp has a clock time
    dated = clean(doc("Ports close\n\nMarch 3, 2024 was the day the ports along the coast "
                      "closed, the coastguard said."))
    assert dated.text.startswith("March 3, 2024 was") and dated.published is None


def test_a_wire_note_heading_the_dateline_goes_with_it():
    text = ("Second port closes\n\n(Updates with closure of second port) VELM, March 3 (Coast "
            "Press) - Ports along the coast closed on Sunday as the storm arrived, the "
            "coastguard said.")
    cleaned = clean(doc(text))
    assert cleaned.text.startswith("Ports along the coast closed")
    assert (cleaned.dateline, cleaned.outlet) == ("VELM", "Coast Press")
    # a note with no dateline after it stays in the text, a sentence piece of its own
    alone = clean(doc("Second port closes\n\n(Updates with closure of second port) Ports along "
                      "the coast closed on Sunday as the storm arrived, the coastguard said."))
    assert alone.text.startswith("(Updates with closure") and alone.dateline is None


def test_a_byline_run_into_the_dateline_credits_its_writers():
    text = ("Senate passes storm relief bill\n\nBy ANA RUIZ and JOE HALE Coast Press VELM (CP) — "
            "The Senate passed the storm relief bill on Friday after two weeks of talks.")
    cleaned = clean(doc(text))
    assert cleaned.text.startswith("The Senate passed")
    assert (cleaned.dateline, cleaned.credits) == ("VELM", ["ANA RUIZ", "JOE HALE"])
    staff = clean(doc("Storm relief passes\n\nBy the Coast Press Wire Staff The Senate passed "
                      "the storm relief bill on Friday after two weeks of talks."))
    assert staff.text.startswith("The Senate passed")
    # "By" that opens a sentence is no byline
    by_friday = clean(doc("Storm relief\n\nBy Friday, the Senate had passed the storm relief "
                          "bill after two weeks of talks, officials said."))
    assert by_friday.text.startswith("By Friday, the Senate")
    # a byline on a line of its own, the dateline on the next
    own_line = clean(doc("Storm relief\n\nBy Ana Ruiz\nVELM, March 3 (Coast Press) - The "
                         "Senate passed the storm relief bill after two weeks of talks."))
    assert (own_line.dateline, own_line.credits) == ("VELM", ["Ana Ruiz"])
    # a blog's byline: name, bar, stamp; a bar between two names with no stamp is no byline
    blog = clean(doc("Storm relief\n\nAna Ruiz | 18:00 UK time, Saturday, 2 March 2024 The "
                     "Senate passed the storm relief bill after two weeks of talks."))
    assert blog.text.startswith("The Senate passed")
    assert (blog.credits, blog.published) == (["Ana Ruiz"], "2024-03-02")
    barred = clean(doc("Storm relief\n\nRuiz | Hale said the storm relief bill would pass "
                       "after two weeks of talks."))
    assert barred.text.startswith("Ruiz | Hale said")


def test_cleaned_text_is_a_subsequence_of_the_input():
    cleaned = clean(doc(SCRAPED)).text
    position = 0
    for ch in cleaned:
        position = SCRAPED.index(ch, position) + 1


def test_wire_copy_on_the_wires_own_site_is_not_syndicated():
    text = ("Storm closes ports\n\nOSLO (Coast Press) – Ports along the coast closed on "
            "Sunday as the storm arrived, the coastguard said in a statement on its website.")
    cleaned = clean(doc(text, url="https://www.coastpress.example/news/1"))
    assert (cleaned.outlet, cleaned.syndicated) == ("Coast Press", False)
    cleaned = clean(doc(text))
    assert (cleaned.outlet, cleaned.syndicated) == ("Coast Press", False)


def test_syndication_note_names_the_site_and_marks_the_copy():
    text = ("Ports close as storm arrives\n\nPorts along the coast closed on Sunday as the storm "
            "arrived, the coastguard said in a statement.\n\n(Except for the headline, this story "
            "has not been edited by Baltic Daily staff and is published from a syndicated feed.)")
    cleaned = clean(doc(text))
    assert cleaned.outlet == "Baltic Daily"
    assert cleaned.syndicated is True and cleaned.syndicated_from is None
    assert "syndicated" not in cleaned.text


def test_outlet_falls_back_to_the_domain_and_dates_to_text_then_url():
    body = ("Ferry strike ends\n\nPublished: March 3, 2024\n\nFerry crews ended their strike on "
            "Sunday after the company agreed to raise pay by four percent, the union said.")
    cleaned = clean(doc(body, url="https://news.ferries.example/2024/03/02/strike"))
    assert cleaned.outlet == "ferries.example"
    assert (cleaned.published, cleaned.published_source) == ("2024-03-03", "text")
    no_line = body.replace("Published: March 3, 2024\n\n", "")
    cleaned = clean(doc(no_line, url="https://news.ferries.example/2024/03/02/strike"))
    assert (cleaned.published, cleaned.published_source) == ("2024-03-02", "inferred")


def test_given_metadata_wins_and_a_bad_date_is_a_warning_not_a_guess():
    cleaned = clean(doc(SCRAPED, title="Given title", outlet="Given Outlet", published="2024-03-05"))
    assert (cleaned.title, cleaned.outlet, cleaned.published, cleaned.published_source) == (
        "Given title", "Given Outlet", "2024-03-05", "metadata")
    cleaned = clean(doc(SCRAPED, published="last tuesday-ish"))
    assert cleaned.published is None and "cannot read" in cleaned.warnings[0]


def test_epoch_timestamps_from_json_dumps_are_read_as_utc_times():
    for given in ("1709460000", "1709460000000", "1709460000.0"):
        cleaned = clean(doc(SCRAPED, published=given))
        assert (cleaned.published, cleaned.published_source) == (
            "2024-03-03T10:00:00+00:00", "metadata"), given
    # eight digits are a compact date, not seconds after 1970
    assert clean(doc(SCRAPED, published="20240303")).published == "2024-03-03"


def test_an_items_description_stands_in_when_its_text_is_only_chrome():
    chrome_only = ("Copyright 2003 - . All rights reserved. Content on this site belongs to "
                   "Harbour Media Co and shall not be republished without written authorization.")
    teaser = ("At least 12 people were hurt when a ferry struck the harbour wall on Sunday night, "
              "the coastguard said.")
    cleaned = clean(doc(chrome_only, description=teaser, title_line=False))
    assert cleaned.text == teaser and "description" in cleaned.warnings[0]
    # an article body that reads as prose keeps its own text
    cleaned = clean(doc(SCRAPED, description=teaser))
    assert cleaned.text.startswith("The harbour bridge will reopen") and not cleaned.warnings


def test_non_english_text_is_identified_by_language():
    text = ("Le pont rouvrira vendredi\n\nLe pont du port rouvrira à la circulation vendredi après "
            "trois semaines de travaux, a indiqué le conseil municipal mardi.")
    assert clean(doc(text)).language == "fr"


def test_a_line_repeated_across_a_sites_pages_is_chrome_but_copies_do_not_count():
    footer = "Dunmore Courier is part of Coastal Media Group and its partner sites"
    bodies = [f"Story {i}\n\nThe council met on Monday to discuss item {i} of the budget, which "
              f"includes new lights for the harbour road and the market square.\n\n{footer}"
              for i in range(4)]
    raws = [RawDocument(f"p{i}.txt", b, "text", url=f"https://dunmore.example/{i}")
            for i, b in enumerate(bodies)]
    index = BoilerplateIndex()
    for raw in raws:
        index.add(raw.source, site_key(raw), line_keys(units_of(raw.content)))
    cleaned = clean(raws[0], index)
    assert footer not in cleaned.text and "item 0" in cleaned.text
    # three identical copies of one page are one page: nothing in them is boilerplate
    copies = BoilerplateIndex()
    for i in range(3):
        copies.add(f"copy{i}", "site", line_keys(units_of(bodies[0])))
    assert copies.repeated("copy0", "site", line_keys(units_of(bodies[0]))) == set()


def test_copyright_and_source_lines_name_the_site_and_where_the_story_came_from():
    text = ("Ferry strike ends\n\nCrews on the island ferries ended their strike on Sunday after the "
            "company agreed to raise pay by four percent, the union said in a statement.\n\n"
            "Source: Coast Press\n\n© 2024 The Island Herald. All rights reserved.")
    cleaned = clean(doc(text))
    assert (cleaned.outlet, cleaned.syndicated, cleaned.syndicated_from) == (
        "The Island Herald", True, "Coast Press")
    assert "Source" not in cleaned.text and "rights" not in cleaned.text
    # on a site whose own name is known from its address, another's notice names the source
    wire = text.replace("Source: Coast Press\n\n", "").replace("The Island Herald",
                                                                "The Coast Press")
    cleaned = clean(doc(wire, url="https://www.islandherald.example/news/ferry"))
    assert (cleaned.outlet, cleaned.syndicated, cleaned.syndicated_from) == (
        "islandherald.example", True, "The Coast Press")
    cleaned = clean(doc(text, url="https://www.islandherald.example/news/ferry"))
    assert (cleaned.outlet, cleaned.syndicated_from) == ("The Island Herald", "Coast Press")


PHOTO_PAGE = """Harbour bridge reopens

Getty Images

The harbour bridge reopened to traffic on Friday after three weeks of repairs to storm damage, the town council said on Tuesday, and the first buses crossed at noon.

Getty Images

Fishing crews, who lost access to the outer pier during the closure, welcomed the news and said the repairs had come just in time for the season.

MOST READ IN NEWS

MOST READ IN NEWS

Do you have a story for the Dunmore Times news team? Email us.
"""


def test_with_a_known_host_only_a_name_that_spells_it_is_the_outlet():
    # a repeated photo credit and a capitalised heading are furniture, not the site's name
    on_site = clean(doc(PHOTO_PAGE, url="https://www.dunmoretimes.example/news/bridge"))
    assert on_site.outlet == "Dunmore Times"
    # a name may spell its domain by initials: "Dunmore Evening Times" on detimes.example
    evening = PHOTO_PAGE.replace("Dunmore Times", "Dunmore Evening Times")
    assert clean(doc(evening, url="https://detimes.example/1")).outlet == "Dunmore Evening Times"
    elsewhere = clean(doc(PHOTO_PAGE, url="https://www.harbourpages.example/bridge"))
    assert elsewhere.outlet == "harbourpages.example"
    no_host = clean(doc(PHOTO_PAGE.replace("Dunmore Times", "Dunmore Courier")))
    assert no_host.outlet == "Dunmore Courier"  # a media word; never "MOST READ IN NEWS"
