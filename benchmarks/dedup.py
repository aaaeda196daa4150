"""Near-duplicate and syndicated-copy detection on real articles with generated edits.

    python benchmarks/dedup.py [--limit 2000]

Data: ../shared/eval/timeline17 article bodies (news on 9 topics from 6 outlets, so every
article has hundreds of same-topic neighbours that are NOT copies). Each original gets one
copy with a seeded edit: trimmed tail, new title plus page chrome, dropped paragraphs, light
copy-editing, or all of these at once; copies are dated up to two days after their original
and the whole set is fed in a shuffled order (so a copy often arrives first). Originals that
are already copies of each other in the data (exact 5-gram containment ≥ 0.5) are left out,
keeping one, so the gold pairs are exactly the generated ones.

Every document goes through storyline's text cleaner, then the dedup stage against a real
SQLite store (MinHash signatures, LSH band index, earliest copy as root). Scored pairwise:
precision / recall / F1 over "same document" pairs (a wrong fold costs precision, a missed
copy recall), and recall by kind of edit. The peer is plain MinHash-LSH (datasketch, Jaccard
≥ 0.7 on word 5-grams of the raw text, no cleaning and no containment test), in the same run.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import shared_dir, table
from datasketch import MinHashLSH

from storyline.clean import clean
from storyline.evaluation import PrecisionRecall, T17Article, load_timeline17_articles
from storyline.models import Article, RawDocument
from storyline.store.sqlite import SQLiteStore
from storyline.stories import dedup

MIN_WORDS = 150
SENTENCES_PER_PARAGRAPH = 3
REAL_COPY_CONTAINMENT = 0.5
PEER_THRESHOLD = 0.7
EDITS = ("trim", "retitle+chrome", "drop paragraphs", "copy-edit", "all edits")
CHROME = ["Advertisement", "Share this article", "Sign up for our morning newsletter",
          "Image copyright Getty Images", "Read more: the latest news from the region",
          "Follow us on Twitter and Facebook", "Most read", "(Reporting by staff; editing by desk)"]
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”]))\s+(?=[A-Z“\"])")


def paragraphs(text: str) -> list[str]:
    sentences = _SENTENCE_END.split(text)
    return [" ".join(sentences[i : i + SENTENCES_PER_PARAGRAPH])
            for i in range(0, len(sentences), SENTENCES_PER_PARAGRAPH)]


def edit(paras: list[str], kind: str, rng: random.Random) -> str:
    out = list(paras)
    if kind in ("trim", "all edits"):
        out = out[: max(2, round(len(out) * rng.uniform(0.6, 0.8)))]
    if kind in ("drop paragraphs", "all edits") and len(out) > 4:
        for _ in range(rng.choice((1, 2))):
            out.pop(rng.randrange(1, len(out) - 1))
    if kind in ("copy-edit", "all edits"):
        out = [_copy_edit(p, rng) for p in out]
    if kind in ("retitle+chrome", "all edits"):
        for line in rng.sample(CHROME, 3):
            out.insert(rng.randint(1, len(out)), line)
        out.insert(0, "Breaking: " + " ".join(out[0].split()[:8]).rstrip(".,"))
    return "\n\n".join(out)


def _copy_edit(paragraph: str, rng: random.Random) -> str:
    """Delete or swap a word in about a third of the sentences, as a sub-editor would."""
    sentences = []
    for sentence in _SENTENCE_END.split(paragraph):
        words = sentence.split()
        if len(words) > 6 and rng.random() < 0.35:
            i = rng.randrange(1, len(words) - 2)
            if rng.random() < 0.5:
                del words[i]
            else:
                words[i], words[i + 1] = words[i + 1], words[i]
        sentences.append(" ".join(words))
    return " ".join(sentences)


def distinct_originals(articles: list[T17Article], limit: int) -> list[T17Article]:
    """Articles long enough to copy, none of them already a copy of another in the data."""
    rows = [a for a in articles if len(a.text.split()) >= MIN_WORDS]
    shingle_sets = [dedup.shingles(a.text) for a in rows]
    postings: dict[str, list[int]] = defaultdict(list)
    for i, items in enumerate(shingle_sets):
        for s in items:
            postings[s].append(i)
    dropped: set[int] = set()
    for i, items in enumerate(shingle_sets):
        if i in dropped:
            continue
        shared = Counter(j for s in items for j in postings[s] if j > i)
        for j, n in shared.items():
            if n / min(len(items), len(shingle_sets[j])) >= REAL_COPY_CONTAINMENT:
                dropped.add(j)
    kept = [a for i, a in enumerate(rows) if i not in dropped]
    return random.Random(0).sample(kept, min(limit, len(kept)))


def build(limit: int) -> tuple[list[RawDocument], dict[str, str], dict[str, str]]:
    """The shuffled stream, each document's gold family, and each copy's edit kind."""
    articles = load_timeline17_articles(shared_dir() / "eval" / "timeline17" / "articles.jsonl.gz")
    rng = random.Random(1)
    docs, family, kinds = [], {}, {}
    for n, original in enumerate(distinct_originals(articles, limit)):
        paras = paragraphs(original.text)
        key = f"{original.collection}/{original.uid}"
        kind = EDITS[n % len(EDITS)]
        day = int(original.published[8:10]) + rng.choice((0, 1, 2))
        copy_date = original.published[:8] + f"{day:02d}" if day <= 28 else original.published
        docs.append(RawDocument(key, "\n\n".join(paras), "text", published=original.published,
                                title_line=False))
        docs.append(RawDocument(key + "#copy", edit(paras, kind, rng), "text",
                                published=copy_date))
        family[key] = family[key + "#copy"] = key
        kinds[key + "#copy"] = kind
    rng.shuffle(docs)
    return docs, family, kinds


def storyline_dedup(docs: list[RawDocument]) -> dict[str, str]:
    """Each document's root (the earliest copy of it stored), through the real dedup stage."""
    with tempfile.TemporaryDirectory() as folder:
        store = SQLiteStore(str(Path(folder) / "dedup.db"))
        dedup.ensure_band_layout(store)
        for raw in docs:
            text = clean(raw).text
            fp = dedup.Fingerprint.of(text)
            with store.transaction():
                original = dedup.find_original(store, raw.source, fp)
                store.put_article(Article(id=raw.source, source=raw.source, text=text,
                                          published=raw.published), {}, "")
                store.put_minhash(raw.source, dedup.to_bytes(fp.signature), fp.n_shingles,
                                  fp.bands)
                if original is not None:
                    dedup.link_copy(store, raw.source, raw.published, original)
        roots = {r["source"]: r["duplicate_of"] or r["source"]
                 for r in store.conn.execute("SELECT source, duplicate_of FROM articles")}
        store.close()
    return roots


def peer_dedup(docs: list[RawDocument]) -> dict[str, str]:
    """Plain MinHash-LSH at Jaccard 0.7 on the raw text: the first match is the root."""
    lsh = MinHashLSH(threshold=PEER_THRESHOLD, num_perm=dedup.NUM_PERM)
    roots: dict[str, str] = {}
    for raw in docs:
        signature = dedup.signature(dedup.shingles(raw.content))
        found = lsh.query(signature)
        roots[raw.source] = roots[found[0]] if found else raw.source
        lsh.insert(raw.source, signature)
    return roots


def pairwise(roots: dict[str, str], family: dict[str, str]) -> PrecisionRecall:
    def pairs(groups: dict[str, str]) -> set[tuple[str, str]]:
        members: dict[str, list[str]] = defaultdict(list)
        for doc, group in groups.items():
            members[group].append(doc)
        return {tuple(sorted(p)) for m in members.values() for p in combinations(m, 2)}

    predicted, gold = pairs(roots), pairs(family)
    hits = len(predicted & gold)
    return PrecisionRecall(hits / len(predicted) if predicted else 0.0, hits / len(gold))


def recall_by_edit(roots: dict[str, str], family: dict[str, str], kinds: dict[str, str]
                   ) -> dict[str, float]:
    found: dict[str, list[bool]] = defaultdict(list)
    for copy, kind in kinds.items():
        found[kind].append(roots[copy] == roots[family[copy]])
    return {kind: sum(v) / len(v) for kind, v in found.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=2000, help="originals to copy")
    args = parser.parse_args()
    docs, family, kinds = build(args.limit)
    rows = []
    for name, system in (("storyline (clean + MinHash/LSH + containment)", storyline_dedup),
                         (f"plain MinHash-LSH, Jaccard ≥ {PEER_THRESHOLD}, raw text", peer_dedup)):
        start = time.perf_counter()
        roots = system(docs)
        seconds = time.perf_counter() - start
        score = pairwise(roots, family)
        by_edit = recall_by_edit(roots, family, kinds)
        rows.append([name, f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}",
                     *(f"{by_edit[k]:.2f}" for k in EDITS), f"{len(docs) / seconds:.0f}"])
    print(f"Timeline17 bodies: {len(docs) // 2} originals + {len(docs) // 2} edited copies, "
          "shuffled; pairwise scores")
    print(table(["system", "P", "R", "F1", *(f"R {k}" for k in EDITS), "docs/s"],
                rows))


if __name__ == "__main__":
    main()
