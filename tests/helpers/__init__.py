"""Helpers shared by tests, imported as ``tests.helpers.<module>``; not fixtures, so not in conftest."""
