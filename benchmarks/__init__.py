"""Benchmarks that print figures (postings/s, ms, MB); `python -m benchmarks` runs them all."""
