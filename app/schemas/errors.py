"""Turn a pydantic ``ValidationError`` into RFC 6901 JSON pointers into the request body."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

import pydantic

from app.schemas.actes import ACTE_TYPES

__all__ = ["body_path", "json_pointer", "validation_errors"]

_EXPECTED_TYPES: Final = ", ".join(ACTE_TYPES)

# Core-schema nodes that wrap another one without adding a step to pydantic's ``loc``.
_WRAPPERS: Final = frozenset(
    {"default", "nullable", "function-after", "function-before", "function-wrap", "model"}
)

Validated = pydantic.TypeAdapter[Any] | type[pydantic.BaseModel]


def json_pointer(parts: tuple[str | int, ...] | list[str | int]) -> str:
    """RFC 6901 pointer for a path: ``("dette", "montant_cents")`` → ``/dette/montant_cents``."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in parts)


def _core_schema(validated: Validated) -> Mapping[str, Any]:
    if isinstance(validated, pydantic.TypeAdapter):
        return validated.core_schema
    return validated.__pydantic_core_schema__


def _unwrap(node: Mapping[str, Any] | None, refs: dict[str, Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """Follow references and wrappers down to the node that the next ``loc`` step goes through."""
    while node is not None:
        kind = node.get("type")
        if kind == "definitions":
            refs.update({d["ref"]: d for d in node["definitions"] if "ref" in d})
            node = node["schema"]
        elif kind == "definition-ref":
            node = refs.get(node["schema_ref"])
        elif kind in _WRAPPERS:
            node = node.get("schema")
        elif kind == "lax-or-strict":
            node = node["strict_schema"]  # bodies are validated strictly
        elif kind == "json-or-python":
            node = node["json_schema"]  # ... from JSON
        elif kind == "chain":
            node = node["steps"][-1] if node["steps"] else None
        else:
            if "ref" in node:
                refs.setdefault(node["ref"], node)
            return node
    return None


def _field(node: Mapping[str, Any], name: str | int) -> Mapping[str, Any] | None:
    fields = node["fields"]
    named = fields.items() if isinstance(fields, Mapping) else ((f["name"], f) for f in fields)
    for key, field in named:
        if name in (key, field.get("validation_alias")):
            schema: Mapping[str, Any] | None = field.get("schema")
            return schema
    return None


def _child(node: Mapping[str, Any], step: str | int) -> Mapping[str, Any] | None:
    """The schema of ``step`` (a field name, an index, a key) inside ``node``."""
    kind = node.get("type")
    if kind in ("model-fields", "typed-dict"):
        found = _field(node, step)
        return found if found is not None else node.get("extras_schema")
    if kind == "dataclass":
        return _child(node["schema"], step)
    if kind == "dataclass-args":
        return _field(node, step)
    if kind in ("list", "set", "frozenset", "generator"):
        return node.get("items_schema")
    if kind == "tuple" and isinstance(step, int):
        items: list[Mapping[str, Any]] = node.get("items_schema", [])
        variadic = node.get("variadic_item_index")
        if step < len(items) and (variadic is None or step < variadic):
            return items[step]
        return items[variadic] if variadic is not None and variadic < len(items) else None
    if kind == "dict":
        return node.get("values_schema")
    return None


def _union_choice(node: Mapping[str, Any], label: str | int, refs: dict[str, Mapping[str, Any]]) -> Any:
    """The member of a (non-tagged) union that pydantic names ``label`` in ``loc``, if it can be told."""
    for choice in node["choices"]:
        if isinstance(choice, tuple | list):
            if choice[1] == label:
                return choice[0]
            continue
        member = _unwrap(choice, refs)
        cls = member.get("cls") if member is not None else None
        if cls is not None and getattr(cls, "__name__", None) == label:
            return member
    return None


def body_path(validated: Validated, loc: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """pydantic's ``loc`` as a path in the document, for any nesting of the validated type."""
    return _walk(validated, loc)[0]


def _walk(
    validated: Validated, loc: tuple[str | int, ...]
) -> tuple[tuple[str | int, ...], Mapping[str, Any] | None]:
    """The document path of ``loc`` (see :func:`body_path`), and the schema node it ends on.

    Through a discriminated union pydantic adds the tag to ``loc`` (``("actes", 0, "assignation",
    "logement")``), through a plain union the member's name (``"int"``, a model's class name): these
    steps are not in the request body and are left out (``("actes", 0, "logement")``). Which steps they
    are is read from the type's core schema, so a field named like a tag is never taken for one."""
    refs: dict[str, Mapping[str, Any]] = {}
    node = _unwrap(_core_schema(validated), refs)
    path: list[str | int] = []
    i = 0
    while i < len(loc):
        if node is None:  # past what the schema tells (any, a custom type): the rest is the body's
            path.extend(loc[i:])
            break
        kind = node.get("type")
        if kind == "tagged-union":
            node = _unwrap(node["choices"].get(loc[i]), refs)
            i += 1
            continue
        if kind == "union":
            node = _unwrap(_union_choice(node, loc[i], refs), refs)
            i += 1
            continue
        path.append(loc[i])
        node = _unwrap(_child(node, loc[i]), refs)
        i += 1
    return tuple(path), node


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


def validation_errors(exc: pydantic.ValidationError, validated: Validated) -> list[dict[str, str]]:
    """One ``{"pointer", "detail"}`` per error of ``validated`` (the adapter or model that raised
    ``exc``), in pydantic's order, without duplicates.

    ``pointer`` is an RFC 6901 JSON pointer relative to the request body (:func:`body_path`); ``""`` is
    the whole document (not JSON, not an object). A missing or unknown discriminator points at its
    object's ``type``. Cross-field errors already carry the location of the field they are about (see
    ``app.schemas.common.Incoherences``).
    """
    out: list[dict[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for error in exc.errors(include_url=False, include_input=False):
        error_type = error["type"]
        path, node = _walk(validated, tuple(error["loc"]))
        if error_type in ("union_tag_not_found", "union_tag_invalid"):  # at the union: its tag's field
            tag = node.get("discriminator") if node is not None else None
            path = (*path, tag if isinstance(tag, str) else "type")
        item = (json_pointer(path), _detail(error_type, path, error["msg"], error.get("ctx", {})))
        if item not in seen:
            seen.add(item)
            out.append({"pointer": item[0], "detail": item[1]})
    return out
