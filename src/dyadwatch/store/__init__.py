"""The store: one interface over SQLite (default) and any SQLAlchemy URL such as PostgreSQL."""

from .store import Store, store_url

__all__ = ["Store", "store_url"]
