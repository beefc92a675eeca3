"""seedpop: lineage package."""
