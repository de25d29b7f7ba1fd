"""All records together: loading them, their freshness, who keeps them, and what changed lately."""
