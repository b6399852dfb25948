"""partyqa: question answering with citations over Chinese party-building news articles."""

__version__ = "0.1.0"
