"""Evaluation: every `reviewmine eval` measure and its gold readers."""
