"""Request bodies that routes validate themselves, straight from the bytes (pydantic's JSON mode,
strict): exact JSON pointers, 415 for a wrong media type, 400 for malformed JSON, 413 when too large."""

from __future__ import annotations

from typing import Any, TypeVar

import pydantic
from fastapi import Request

from app.core.problems import ProblemException, validation_problem
from app.schemas.errors import validation_errors

T = TypeVar("T")

JSON_TYPES = ("application/json",)


def media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";", 1)[0].strip().lower()


def unsupported(media: str, accepted: tuple[str, ...]) -> ProblemException:
    return ProblemException(
        415,
        "type-de-contenu",
        "Unsupported media type",
        f"Content-Type '{media or '(none)'}' is not accepted; send {' or '.join(accepted)}.",
    )


async def read_body(request: Request, accepted: tuple[str, ...], max_bytes: int) -> bytes:
    media = media_type(request)
    if media not in accepted and not (media.endswith("+json") and "application/json" in accepted):
        raise unsupported(media, accepted)
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > max_bytes:
        raise too_large(max_bytes)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > max_bytes:
            raise too_large(max_bytes)
        chunks.append(chunk)
    return b"".join(chunks)


def too_large(max_bytes: int) -> ProblemException:
    return ProblemException(
        413, "trop-volumineux", "Payload too large", f"The body exceeds {max_bytes} bytes."
    )


def malformed_json() -> ProblemException:
    return ProblemException(400, "json-invalide", "Malformed JSON", "The request body is not valid JSON.")


def parse_json(adapter: pydantic.TypeAdapter[T], raw: bytes | str) -> T:
    """Validate raw JSON; malformed JSON is 400, invalid content 422 with one pointer per error."""
    try:
        return adapter.validate_json(raw, strict=True)
    except pydantic.ValidationError as exc:
        raise as_problem(exc, adapter) from None


def as_problem(exc: pydantic.ValidationError, adapter: pydantic.TypeAdapter[Any]) -> ProblemException:
    """``exc``, raised by ``adapter``, as a problem: 400 for malformed JSON, else 422 with pointers."""
    if any(e["type"] == "json_invalid" for e in exc.errors(include_url=False, include_input=False)):
        return malformed_json()
    return validation_problem(validation_errors(exc, adapter))


def request_body(
    schema_ref: str,
    example: Any | None = None,
    media: str = "application/json",
    description: str | None = None,
) -> dict[str, Any]:
    """``openapi_extra`` for a route that reads its body itself."""
    content: dict[str, Any] = {"schema": {"$ref": f"#/components/schemas/{schema_ref}"}}
    if example is not None:
        content["example"] = example
    body: dict[str, Any] = {"required": True, "content": {media: content}}
    if description:
        body["description"] = description
    return {"requestBody": body}
