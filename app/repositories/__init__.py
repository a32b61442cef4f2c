"""Hand-written SQL where it pays: the statements of the hot paths, each in one module."""
