from storyline.stories import dedup

BASE = ("The harbour bridge will reopen to traffic on Friday after three weeks of repairs to storm "
        "damage, the town council said on Tuesday. Engineers have signed off the work and the "
        "council is confident the bridge is safe, council leader Mara Quist told reporters. "
        "Repairs cost about 2.4 million euros, more than twice the first estimate. Fishing crews, "
        "who lost access to the outer pier during the closure, welcomed the news and said they "
        "would hold a party on the quay. The storm destroyed two boats and flooded the market "
        "hall, which reopened last week after the floors were dried and the power was restored.")


def near(a, b):
    sa, sb = dedup.shingles(a), dedup.shingles(b)
    return dedup.is_near_duplicate(dedup.signature(sa), len(sa), dedup.signature(sb), len(sb))


def test_light_edits_still_fold():
    sentences = BASE.split(". ")
    trimmed = ". ".join(sentences[:4]) + "."  # a reprint that cut the last paragraphs
    retitled = "Bridge reopens Friday\n\n" + BASE + "\n\nFollow us on social media"
    dropped = ". ".join(sentences[:2] + sentences[3:])
    for copy in (trimmed, retitled, dropped):
        assert near(BASE, copy)


def test_same_topic_different_story_does_not_fold():
    other = ("The harbour bridge stays closed for another month because engineers found new "
             "cracks in the supports, the council said, and fishing crews said they would "
             "protest outside the town hall on Friday unless the outer pier reopens earlier. "
             "Council leader Mara Quist said safety came first and that repairs might cost more.")
    assert not near(BASE, other)


def test_band_keys_are_stable_and_round_trip_through_bytes():
    signature = dedup.signature(dedup.shingles(BASE))
    restored = dedup.from_bytes(dedup.to_bytes(signature))
    assert dedup.band_keys(signature) == dedup.band_keys(restored)
    assert len(dedup.band_keys(signature)) == dedup.BANDS
