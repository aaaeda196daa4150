import os
import signal
import subprocess
import sys
import time

from storyline.api import Storyline
from storyline.watch import FeedWatcher
from tests.webserver import Route

ITEM = """<item><title>{title}</title><link>https://harbour.example/{slug}</link><guid>{slug}</guid>
<pubDate>Fri, 08 Mar 2024 10:00:00 GMT</pubDate><description>{body}</description></item>"""
BODIES = {
    "bridge": ("Bridge reopens after repairs",
               "The harbour bridge reopened to traffic on Friday after three weeks of repairs, the "
               "town council said. Repairs cost about 2.4 million euros."),
    "ferry": ("Ferry timetable changes",
              "The island ferry will run every hour from Monday, the operator said on Thursday, "
              "after complaints about crowded boats."),
    "dam": ("Dam inspection finds cracks",
            "Inspectors found cracks in the reservoir dam during a routine check, officials said, "
            "and the water level will be lowered."),
}


def feed(*slugs: str) -> bytes:
    items = "".join(ITEM.format(slug=s, title=BODIES[s][0], body=BODIES[s][1]) for s in slugs)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour</title>{items}'
            "</channel></rss>").encode()


def test_watch_uses_conditional_get_and_ingests_only_new_items(web, db, analyser):
    web.routes["/feed"] = Route(feed("bridge", "ferry"), "application/rss+xml", etag='"v1"')
    web.routes["/down"] = Route(status=503)
    web.routes["/broken"] = Route(b"\x00\x01 not a feed", "application/rss+xml")
    with Storyline(db, analyser) as sl:
        watcher = FeedWatcher(sl, [f"{web.url}/down", f"{web.url}/feed", f"{web.url}/broken"])
        down, first, broken = watcher.poll()
        assert down.status == "error" and "HTTP 503" in down.problem
        assert broken.status == "error"
        assert (first.status, first.new_items, first.report.added) == ("ok", 2, 2)

        _, again, _ = watcher.poll()
        assert again.status == "not modified"
        feed_requests = [h for p, h in web.requests if p == "/feed"]
        assert feed_requests[-1].get("If-None-Match") == '"v1"'

        web.routes["/feed"] = Route(feed("dam", "bridge", "ferry"), "application/rss+xml",
                                    etag='"v2"')
        _, third, _ = watcher.poll()
        assert (third.status, third.new_items, third.report.added) == ("ok", 1, 1)
        titles = sorted(a.title for a in sl.articles())
        assert titles == sorted(title for title, _ in BODIES.values())

        # The server stops honouring ETags: items seen before are still not re-ingested.
        web.routes["/feed"] = Route(feed("dam", "bridge", "ferry"), "application/rss+xml")
        _, fourth, _ = watcher.poll()
        assert (fourth.status, fourth.new_items) == ("ok", 0)
        assert len(sl.articles()) == 3


def test_watch_command_stops_cleanly_on_ctrl_c(web, tmp_path):
    web.routes["/feed"] = Route(feed("bridge", "ferry"), "application/rss+xml")
    db = str(tmp_path / "watch.db")
    proc = subprocess.Popen(
        [sys.executable, "-m", "storyline.cli", "watch", f"{web.url}/feed", "--interval", "60",
         "--db", db], stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"},
        # a job started in the background inherits SIGINT ignored; the user's Ctrl-C is default
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        line = proc.stderr.readline()
        deadline = time.time() + 120
        while "new item" not in line and time.time() < deadline and line:
            line = proc.stderr.readline()
        assert "2 new item(s), 2 added" in line
        proc.send_signal(signal.SIGINT)
        rest = proc.stderr.read()
        assert proc.wait(timeout=30) == 0
        assert "stopped (Ctrl-C)" in rest and "Traceback" not in rest
    finally:
        proc.kill()
    with Storyline(db) as sl:
        assert len(sl.articles()) == 2
