"""seedpop: seeds package."""
