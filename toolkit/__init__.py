"""narrative-toolkit."""
