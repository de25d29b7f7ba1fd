"""The MkDocs adapter: the only code in the package that knows MkDocs' or Python-Markdown's internals."""
