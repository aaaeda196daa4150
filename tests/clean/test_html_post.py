"""The post-cleaning of trafilatura's output and the page metadata, on pages written here."""

from lxml import html as lxml_html

from storyline.clean.html import extract_html
from storyline.clean.html_chunks import sibling_chunks
from storyline.clean.html_meta import read_metadata

PARAS = [
    "The city council approved the new tram line on Tuesday after a debate that lasted six hours.",
    "Construction will begin in the spring and is expected to take three years, officials said.",
    "Opponents argued that the money would be better spent on buses serving the outer districts.",
    "The mayor said the line would carry forty thousand passengers a day once it is finished.",
]


def page(body: str, head: str = "") -> str:
    return f"<html lang='en'><head><title>Tram line approved - City Post</title>{head}</head><body>{body}</body></html>"


def test_headline_standfirst_link_lists_and_comment_threads_are_dropped():
    related = "".join(f"<li><a href='/s{n}'>Other story number {n} about the city</a></li>" for n in range(5))
    comments = "".join(f"<p>I think this tram is a waste of money number {n}, honestly it is.</p>" for n in range(4))
    html = page(
        "<article><h1>Tram line approved</h1><h2>Six-hour debate ends in a vote</h2>"
        + "".join(f"<p>{p}</p>" for p in PARAS)
        + f"<h3>Related stories</h3><ul>{related}</ul>"
        + f"<h3>12 Comments</h3>{comments}</article>")
    text = extract_html(html, "tram.html").text
    assert text.startswith(PARAS[0]) and PARAS[-1] in text
    assert "Six-hour debate" not in text and "Other story number" not in text
    assert "waste of money" not in text and "Comments" not in text


def test_a_sentence_split_around_an_inline_link_is_mended():
    html = page("<article>" + "".join(f"<p>{p}</p>" for p in PARAS[:2])
                + "<p>The plan was first proposed by the <a href='/t'>transport board</a> in 2019, "
                  "and has been revised twice since then.</p></article>")
    assert "proposed by the transport board in 2019, and has been" in extract_html(html, "t.html").text


def test_a_closing_call_to_action_is_dropped_but_a_closing_sentence_is_not():
    offer = "Get the City Post delivered every morning. Click here to subscribe for £1."
    closing = "Support for the line has grown since the first plans were published in 2019."
    html = page("<article>" + "".join(f"<p>{p}</p>" for p in PARAS) + f"<p>{closing}</p>"
                + f"<p>{offer}</p></article>")
    text = extract_html(html, "offer.html").text
    assert text.rstrip().endswith(closing) and "Click here" not in text


def test_body_chunks_in_same_styled_containers_are_recovered():
    tree = lxml_html.document_fromstring(page(
        "<main><div class='chunk'><div class='body'><p>" + PARAS[0] + "</p><p>" + PARAS[1]
        + "</p></div></div><div class='ad'>Advertisement</div><div class='chunk'><div class='body'><p>"
        + PARAS[2] + "</p><p>" + PARAS[3] + "</p></div></div><div class='chunk'><div class='promo'>"
        "<p>Subscribe to our newsletter for more news like this every single morning.</p></div></div></main>"))
    before, after = sibling_chunks(tree, PARAS[:2])
    assert before == [] and after == PARAS[2:]


def test_page_metadata_from_json_ld_and_meta_tags():
    head = ("<meta property='og:site_name' content='City Post'>"
            "<script type='application/ld+json'>{\"@graph\": [{\"@type\": \"NewsArticle\", "
            "\"headline\": \"Tram line approved\", \"datePublished\": \"2024-05-07T09:00:00Z\", "
            "\"author\": [{\"name\": \"Ana Ruiz\"}, {\"name\": \"Tom Berg\"}]}]}</script>"
            "<link rel='canonical' href='https://citypost.example/tram'>")
    meta = read_metadata(lxml_html.document_fromstring(page("<p>x</p>", head)))
    assert meta.title == "Tram line approved" and meta.sitename == "City Post"
    assert meta.authors == ("Ana Ruiz", "Tom Berg") and meta.date == "2024-05-07T09:00:00Z"
    assert meta.url == "https://citypost.example/tram" and meta.language == "en"


def test_title_falls_back_to_the_title_element_without_the_site_name():
    meta = read_metadata(lxml_html.document_fromstring(page("<p>x</p>")))
    assert meta.title == "Tram line approved"
