"""Request/response schemas. The act contract is in :mod:`app.schemas.actes`."""
