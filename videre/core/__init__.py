"""The record format and its rules: errors, YAML with positions, schemas, validation, vocabulary, typed records.

The lowest layer. It imports nothing else from the package, and no Jinja2, Markdown or MkDocs.
"""
