"""Peer baselines measured in the same run as storyline (never copied code: re-implemented)."""

from __future__ import annotations

from collections import Counter

from storyline.evaluation import LabelledArticle
from storyline.stories.vectors import cosine, idf_weights, text_vector


def single_pass_tfidf(items: list[LabelledArticle], texts: dict[str, str], threshold: float
                      ) -> dict[str, int]:
    """Single-pass threshold clustering as in early TDT systems (Allan et al. 1998): each
    article joins the most similar cluster centroid (tf-idf cosine) above the threshold, or
    starts a new cluster. idf comes from the whole collection, which favours the baseline."""
    vectors = {k: text_vector(v) for k, v in texts.items()}
    df = Counter(t for v in vectors.values() for t in v)
    idf = idf_weights(len(vectors), df, df)
    centroids: list[dict[str, float]] = []
    out = {}
    for item in items:
        vector = vectors[item.document.source]
        scores = [cosine(vector, c, idf) for c in centroids]
        best = max(range(len(scores)), key=scores.__getitem__, default=None)
        if best is None or scores[best] < threshold:
            centroids.append(dict(vector))
            best = len(centroids) - 1
        else:
            for t, v in vector.items():
                centroids[best][t] = centroids[best].get(t, 0.0) + v
        out[item.document.source] = best
    return out
