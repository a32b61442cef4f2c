"""Turn a pydantic ``ValidationError`` on an act into RFC 6901 JSON pointers into the request body."""

from __future__ import annotations

from typing import Any, Final

import pydantic

from app.schemas.actes import ACTE_CLASSES, ACTE_TYPES

__all__ = ["json_pointer", "validation_errors"]

_ACTE_CLASS_NAMES: Final = frozenset(cls.__name__ for cls in ACTE_CLASSES.values())
_EXPECTED_TYPES: Final = ", ".join(ACTE_TYPES)


def json_pointer(parts: tuple[str | int, ...] | list[str | int]) -> str:
    """RFC 6901 pointer for a path: ``("dette", "montant_cents")`` → ``/dette/montant_cents``."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in parts)


def _body_path(exc: pydantic.ValidationError, loc: tuple[str | int, ...]) -> tuple[str | int, ...]:
    # Through the discriminated union (ACTE_ADAPTER), pydantic puts the tag value first in loc:
    # ("commandement_de_payer", "dette", "montant_cents"). Strip it, unless the error comes from
    # one act class validated directly (its title is then the class name and loc[0] is a field).
    if loc and loc[0] in ACTE_TYPES and exc.title not in _ACTE_CLASS_NAMES:
        return loc[1:]
    return loc


def _detail(error_type: str, loc: tuple[str | int, ...], msg: str, ctx: dict[str, Any]) -> str:
    if error_type == "extra_forbidden":
        return f"unknown field '{loc[-1]}': not allowed" if loc else "unknown field: not allowed"
    if error_type == "missing":
        return "field required"
    if error_type == "union_tag_not_found":
        return f"missing 'type': expected one of {_EXPECTED_TYPES}"
    if error_type == "union_tag_invalid":
        return f"unknown act type '{ctx.get('tag', '')}': expected one of {_EXPECTED_TYPES}"
    if error_type in ("dict_type", "model_type", "model_attributes_type") and not loc:
        return "the request body must be a JSON object"
    return msg


def validation_errors(exc: pydantic.ValidationError) -> list[dict[str, str]]:
    """One ``{"pointer", "detail"}`` per error, in pydantic's order, without duplicates.

    ``pointer`` is an RFC 6901 JSON pointer relative to the request body; ``""`` is the whole
    document (not JSON, not an object). A missing or unknown discriminator points at ``/type``.
    Cross-field errors already carry the location of the field they are about (see
    ``app.schemas.common.Incoherences``).
    """
    out: list[dict[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for error in exc.errors(include_url=False, include_input=False):
        error_type = error["type"]
        path = _body_path(exc, tuple(error["loc"]))
        if error_type in ("union_tag_not_found", "union_tag_invalid") and not path:
            path = ("type",)
        item = (json_pointer(path), _detail(error_type, path, error["msg"], error.get("ctx", {})))
        if item not in seen:
            seen.add(item)
            out.append({"pointer": item[0], "detail": item[1]})
    return out
