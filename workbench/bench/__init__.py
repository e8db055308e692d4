"""Benchmark corpus generator (see generate.py)."""
