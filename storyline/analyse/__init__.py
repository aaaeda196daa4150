"""Analyse: a spaCy pass, then small components that read entities, quotes, times, figures."""

from storyline.analyse.analyser import Analyser, Analysis

__all__ = ["Analyser", "Analysis"]
