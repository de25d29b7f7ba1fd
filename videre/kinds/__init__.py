"""The record kinds: one module per kind, and the registry that says where each kind's files live."""
