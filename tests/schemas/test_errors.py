"""pydantic's error locations as RFC 6901 pointers into the body, through any nesting of unions."""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

import pydantic
import pytest
from pydantic import BaseModel, ConfigDict, Field

from app.schemas.actes import EXEMPLES
from app.schemas.errors import body_path, validation_errors
from app.schemas.regles import SIMULATION_ADAPTER


class A(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: Literal["a"]
    a: int  # named like a tag: never taken for one


class B(BaseModel):
    type: Literal["b"]
    n: int | str


AB = Annotated[A | B, Field(discriminator="type")]


class Outer(BaseModel):
    items: list[AB] = []
    by_key: dict[str, AB] = {}
    plain: A | B | None = None
    pair: tuple[int, AB] | None = None
    inner: Inner | None = None


class Inner(BaseModel):
    deep: list[list[AB]]


Outer.model_rebuild()


def _pointers(model: type[BaseModel] | pydantic.TypeAdapter[Any], body: object) -> list[str]:
    with pytest.raises(pydantic.ValidationError) as info:
        if isinstance(model, pydantic.TypeAdapter):
            model.validate_json(json.dumps(body), strict=True)
        else:
            model.model_validate_json(json.dumps(body), strict=True)
    return [e["pointer"] for e in validation_errors(info.value, model)]


def test_tags_and_member_names_are_left_out_of_pointers() -> None:
    body = {
        "items": [{"type": "a", "a": "x"}, {"type": "b", "n": []}, {"type": "a", "a": 1, "zz": 0}],
        "by_key": {"k": {"type": "b"}},
        "plain": {"type": "a"},
        "pair": [1, {"type": "a"}],
        "inner": {"deep": [[{"type": "b", "n": 1}, {"type": "a"}]]},
    }
    assert _pointers(Outer, body) == [
        "/items/0/a",
        "/items/1/n",  # neither an int ...
        "/items/1/n",  # ... nor a string
        "/items/2/zz",
        "/by_key/k/n",
        "/plain/a",
        "/plain/type",
        "/plain/n",
        "/pair/1/a",
        "/inner/deep/0/1/a",
    ]


def test_a_missing_or_unknown_tag_points_at_its_object_s_type() -> None:
    assert _pointers(Outer, {"items": [{"a": 1}, {"type": "c"}]}) == ["/items/0/type", "/items/1/type"]


def test_body_path_keeps_what_the_schema_does_not_describe() -> None:
    assert body_path(Outer, ("nowhere", 0, "x")) == ("nowhere", 0, "x")


def test_a_simulation_s_acts_point_into_the_body() -> None:
    act = json.loads(json.dumps(EXEMPLES["assignation"]))
    act["logement"]["code_postal"] = 93100
    act["zzz"] = 1
    assert _pointers(SIMULATION_ADAPTER, {"territoire": "93", "actes": [act]}) == [
        "/actes/0/logement/code_postal",
        "/actes/0/zzz",
    ]
