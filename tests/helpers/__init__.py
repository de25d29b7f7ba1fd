"""Helpers shared by tests, imported as ``helpers.<module>``; not fixtures, so not in conftest."""
