"""Secrets at rest: every secret Prevex must read back (token signing keys, webhook secrets) is stored
encrypted with Fernet (AES-128-CBC + HMAC-SHA256, from ``cryptography``), never in clear.

``PREVEX_ENCRYPTION_KEYS`` lists Fernet keys, comma-separated: the first encrypts, every one decrypts
(:class:`cryptography.fernet.MultiFernet`). Rotation with overlap: put a new key first and keep the old
one after it; everything stays readable; ``prevex keys rechiffrer`` re-encrypts every stored secret with
the new key, after which the old one can be dropped. The default key is public (it is in
``app/core/config.py``) and refused in production.
"""

from __future__ import annotations

from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from app.core.config import get_settings

__all__ = ["InvalidToken", "decrypt", "encrypt", "is_encrypted", "new_key", "reencrypt"]

_PREFIX = "gAAAAA"  # every Fernet token starts with its version byte 0x80 and a timestamp, in base64


@lru_cache(maxsize=4)
def _fernet(keys: str) -> MultiFernet:
    return MultiFernet([Fernet(k.strip().encode()) for k in keys.split(",") if k.strip()])


def _current() -> MultiFernet:
    return _fernet(get_settings().encryption_keys.get_secret_value())


def encrypt(plain: str) -> str:
    return _current().encrypt(plain.encode()).decode()


def decrypt(token: str) -> str:
    """Raises :class:`InvalidToken` when no configured key made ``token``."""
    return _current().decrypt(token.encode()).decode()


def reencrypt(token: str) -> str:
    """``token`` encrypted again with the first key (``MultiFernet.rotate``)."""
    return _current().rotate(token.encode()).decode()


def is_encrypted(value: str) -> bool:
    return value.startswith(_PREFIX)


def new_key() -> str:
    return Fernet.generate_key().decode()
