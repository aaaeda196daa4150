"""The CLI as a user runs it: a real process, a real SQLite file, exit statuses."""

import json
import re
import subprocess
import sys
from pathlib import Path

from storyline.cli import main

REPO = Path(__file__).resolve().parents[1]
STORY = ("Ferry strike ends\n\nCrews on the island ferries ended their strike on Sunday after the "
         "company agreed to raise pay by four percent, the union said in a statement.\n\n"
         "“It was a long week for everyone,” union leader Ada Voss said.")


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "storyline.cli", *args], capture_output=True,
                          text=True, input=stdin, cwd=REPO, timeout=600)


def test_ingest_stories_show_export_search(tmp_path, db):
    (tmp_path / "a.txt").write_text(STORY)
    done = run("ingest", str(tmp_path / "a.txt"), "--published", "2024-03-04", "--db", db)
    assert done.returncode == 0, done.stderr
    assert "1 added" in done.stderr
    listed = run("stories", "--json", "--db", db)
    story = json.loads(listed.stdout.splitlines()[0])
    assert story["title"] == "Ferry strike ends" and story["articles"] == 1
    shown = run("show", story["id"], "--db", db)
    assert "Ada Voss" in shown.stdout and "2024-03-03" in shown.stdout  # "on Sunday"
    assert "1 article " in shown.stdout and "(1 article)" in shown.stdout
    doc = json.loads(run("export", "--db", db).stdout)
    said = {q["kind"]: q for q in doc["articles"][0]["quotes"]}
    assert said["direct"]["speaker_canonical"] == "Ada Voss"
    assert said["reported"]["speaker"] == "the union"  # "…, the union said in a statement"
    out = tmp_path / "x.csv"
    assert run("export", "--format", "csv", "-o", str(out), "--db", db).returncode == 0
    assert out.read_text().startswith("id,story_id,")
    assert "Ferry strike ends" in run("search", "ferries", "--db", db).stdout


def test_stdin_and_environment_database(tmp_path):
    db = str(tmp_path / "env.db")
    done = subprocess.run([sys.executable, "-m", "storyline.cli", "ingest", "-"], input=STORY,
                          capture_output=True, text=True, cwd=REPO,
                          env={"STORYLINE_DB": db, "PATH": "/usr/bin:/bin"}, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "1 added" in done.stderr and Path(db).exists()


def test_failures_are_named_and_set_the_exit_status(tmp_path):
    db = str(tmp_path / "f.db")
    (tmp_path / "good.txt").write_text(STORY)
    (tmp_path / "empty.txt").write_text("")
    done = run("ingest", str(tmp_path), str(tmp_path / "missing.txt"), "--db", db)
    assert done.returncode == 1
    assert "empty.txt: empty input" in done.stderr
    assert "missing.txt: no such file or directory" in done.stderr
    assert "1 added" in done.stderr
    assert run("ingest", "x.txt", "--published", "soon", "--db", db).returncode == 1
    shown = run("show", "s-nope", "--db", db)
    assert shown.returncode == 1 and "no story with id 's-nope'" in shown.stderr
    assert run("ingest", "--db", db).returncode == 2


def test_every_command_is_documented_in_the_readme():
    readme = (REPO / "README.md").read_text()
    for name in main.commands:
        assert re.search(rf"storyline {name}\b", readme), name


def test_serve_serves_the_store_and_stops_on_a_bad_one(tmp_path):
    import socket
    import time
    import urllib.request

    db = str(tmp_path / "served.db")
    (tmp_path / "a.txt").write_text(STORY)
    assert run("ingest", str(tmp_path / "a.txt"), "--published", "2024-03-04",
               "--db", db).returncode == 0
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "storyline", "serve", "--db", db,
                               "--port", str(port), "--log-level", "warning"],
                              cwd=REPO, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stories") as answer:
                    listed = json.load(answer)
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline
                time.sleep(0.2)
        assert listed["total"] == 1 and listed["items"][0]["title"] == "Ferry strike ends"
    finally:
        server.terminate()
        server.wait(timeout=30)
    not_a_store = tmp_path / "notes.db"
    not_a_store.write_text("not SQLite")
    bad = run("serve", "--db", str(not_a_store))
    assert bad.returncode == 1 and "not a usable storyline database" in bad.stderr
    closed = run("serve", "--db", db, "--private")
    assert closed.returncode == 1 and "closed reads need a token" in closed.stderr
