"""Themes: taxonomy, keyword lexicon and classifier, emergent clusters, recurrence."""
