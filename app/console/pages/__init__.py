"""The console's pages, each from the services the API uses, with the signed-in user's ``Principal``."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
