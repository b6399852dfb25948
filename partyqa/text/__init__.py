"""partyqa/text."""
