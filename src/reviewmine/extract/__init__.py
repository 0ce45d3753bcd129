"""Extraction: document facts (type, area, dates) and items with citations."""
