"""Search: the hybrid index and engine, query parsing, glossary, the local page."""
