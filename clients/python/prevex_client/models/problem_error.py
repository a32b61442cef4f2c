from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProblemError")


@_attrs_define
class ProblemError:
    """One invalid field of the body (``pointer``), or one invalid parameter (``pointer`` is then ``""``
    and ``parameter`` names it).

        Attributes:
            pointer (str): RFC 6901 JSON pointer into the request body ('' = the whole body)
            detail (str):
            parameter (str | Unset): For a path, query or header parameter: where and its name, e.g. `path:dossier_id`,
                `query:cursor`, `header:Idempotency-Key`. Absent for the body's fields.
    """

    pointer: str
    detail: str
    parameter: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        pointer = self.pointer

        detail = self.detail

        parameter = self.parameter

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "pointer": pointer,
                "detail": detail,
            }
        )
        if parameter is not UNSET:
            field_dict["parameter"] = parameter

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        pointer = d.pop("pointer")

        detail = d.pop("detail")

        parameter = d.pop("parameter", UNSET)

        problem_error = cls(
            pointer=pointer,
            detail=detail,
            parameter=parameter,
        )

        return problem_error
