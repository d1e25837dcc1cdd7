"""`make bench`: query counts and latency of the public API, feeds and pages (bench/run.py)."""
