import pytest

from storyline.clean import clean
from storyline.errors import InputError
from storyline.models import RawDocument

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Bridge reopens | The Dunmore Courier</title>
<meta property="og:site_name" content="The Dunmore Courier">
<meta name="author" content="Mara Lind">
<meta property="article:published_time" content="2024-03-08T10:00:00+00:00">
</head><body><nav><a href="/">Home</a><a href="/sport">Sport</a></nav>
<article><h1>Bridge reopens after repairs</h1>
<p>The harbour bridge reopened to traffic on Friday after three weeks of repairs to storm damage,
the town council said.</p>
<p>"We are confident the bridge is safe," council leader Mara Quist told reporters at the bridge.</p>
<p>Repairs cost about 2.4 million euros, more than twice the first estimate, the council said.</p>
<p>(Reporting by Ivo Brandt; Editing by Lena Falk)</p>
</article><footer><p>© 2024 The Dunmore Courier. All rights reserved.</p></footer></body></html>"""


def test_html_body_and_metadata_come_through_trafilatura():
    cleaned = clean(RawDocument("page.html", PAGE, "html"))
    assert cleaned.title == "Bridge reopens after repairs"
    assert cleaned.outlet == "The Dunmore Courier"
    assert (cleaned.published, cleaned.published_source) == ("2024-03-08T10:00:00+00:00", "metadata")
    assert cleaned.text.startswith("The harbour bridge reopened")
    assert "All rights reserved" not in cleaned.text and "Home" not in cleaned.text
    assert "Reporting by" not in cleaned.text
    assert set(cleaned.credits) >= {"Mara Lind", "Ivo Brandt", "Lena Falk"}


def test_html_without_text_is_a_clear_error():
    with pytest.raises(InputError, match="no article text"):
        clean(RawDocument("empty.html", "<html><body><nav></nav></body></html>", "html"))
