"""Sign-in and sign-out of the console's people: local accounts (password and TOTP) and OpenID Connect."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
