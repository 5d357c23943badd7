"""Scoring the measures against human-annotated gold data (one module per gold set)."""
