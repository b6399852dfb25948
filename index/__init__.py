"""Ingest → clean → chunk → embed → persist: building the searchable index."""
