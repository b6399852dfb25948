"""Search, fusion and answers with citations over a persisted index."""
