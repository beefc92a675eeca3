"""seedpop: population package."""
