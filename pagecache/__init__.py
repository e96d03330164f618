"""
The page cache: each public page rendered once, then served from the shared
cache (Redis, or the database's cache table) with no database query, until
something it shows changes. See ``store`` for the rule that keeps it correct.
"""
