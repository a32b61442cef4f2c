"""Prevex: an interoperability API for rental-eviction prevention."""

__version__ = "0.1.0"
