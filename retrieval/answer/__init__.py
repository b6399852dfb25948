"""retrieval/answer."""
