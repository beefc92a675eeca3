"""seedpop: fitness package."""
