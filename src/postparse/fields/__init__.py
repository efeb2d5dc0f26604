"""Field extractors: one module per field of a post."""
