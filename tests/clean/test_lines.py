from storyline.clean.lines import best_run, describe, split_units


def units(text):
    out = split_units(text)
    for u in out:
        describe(u)
    return out


def test_hard_wrapped_paragraphs_become_one_unit_but_stacked_short_lines_do_not():
    wrapped = ("The council said on Monday that the new bridge would open next spring, after\n"
               "two years of delays caused by flooding and a dispute over the contract with\n"
               "the builder, which has since been settled.\n\nNot ready yet?\nRemind me later.")
    got = units(wrapped)
    assert len(got) == 3
    assert got[0].text.startswith("The council") and got[0].text.endswith("settled.")
    assert wrapped[got[0].start:got[0].end] == got[0].text


def test_lines_of_invisible_characters_are_blank_lines():
    padded = "The mayor opened the new library on Monday.\n\u200b\n\ufeff \nIt holds 40,000 books."
    got = units(padded)
    assert [u.text for u in got] == ["The mayor opened the new library on Monday.",
                                     "It holds 40,000 books."]


def test_a_gallery_of_long_captions_is_not_taken_for_wrapped_prose():
    gallery = "\n".join(f"Photos: The storm Trees lie across road number {i} near the harbour "
                        f"after the storm passed over the region on Sunday night Hide Caption {i}"
                        for i in range(5))
    assert len(units(gallery)) == 5


def test_flags_follow_shape_not_phrases():
    cases = {
        "PHOTO: Firefighters at the scene of the blaze in Dunmore": "caption",
        "Crowds gather outside the court on Tuesday. (file)": "caption",
        "(Reporting by Jane Roe; Additional reporting by Sam Poe; Editing by Al Moe)": "credit",
        "Sign up for our morning briefing": "cta",
        "Share on Facebook Twitter WhatsApp": "ui",
        "If you enjoy our journalism, please consider supporting us. We rely on readers like you.":
            "reader",
        "(This story was auto-generated from a syndicated feed.)": "syndication",
        "By Ada Lin and Omar Haddad": "byline",
        # fine print of any length up to a paragraph
        "Copyright 2003 - . All rights reserved. The content (including but not limited to text, "
        "photo and video) published on this site belongs to Harbour Media Co. Without written "
        "authorization, such content shall not be republished or used in any form. Browsers "
        "with 1024*768 or higher resolution are suggested for this site.": "legal",
        "© 2024 The Dunmore Courier.": "legal",
        "Firefighters at the scene of the blaze in Dunmore on Sunday night, after the storm had "
        "passed over the whole region and the wind had dropped. Hide Caption 4 of 12": "caption",
    }
    for text, flag in cases.items():
        (unit,) = units(text)
        assert flag in unit.flags, (text, unit.flags)


def test_news_sentences_are_not_flagged():
    for text in ["More than 13,000 people have died in the conflict, officials said.",
                 "Support for the plan has grown since the vote, a poll showed on Friday.",
                 "Facebook said its privacy policy had not changed since the ruling last year.",
                 "“We will not be silenced,” the editor told reporters outside the court.",
                 "Copyright lawyers said the ruling would reach every newspaper in the country.",
                 "The court found that the photos may not be published until the trial ends."]:
        (unit,) = units(text)
        assert not unit.flags, (text, unit.flags)


def test_best_run_keeps_a_weak_unit_between_strong_ones_and_drops_weak_edges():
    assert best_run([-3.0, 2.0, -0.8, 3.0, -4.0, 0.5]) == (1, 4)
    assert best_run([-1.0, -2.0]) is None
