"""seedpop: dashboard package."""
