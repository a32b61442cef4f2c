"""The console pages' CSP: forms to the console only, and to the OIDC provider's origin when one is
configured (the sign-out there); an issuer that would add to the policy names no origin."""

from __future__ import annotations

import pytest

from app.console.connexion import provider_origin
from app.core.entetes import console_csp


def test_form_action_names_the_provider_origin_only() -> None:
    assert b"form-action 'self';" in console_csp()
    origin = provider_origin("https://auth.exemple.gouv.fr:8443/api/v2")
    assert origin == "https://auth.exemple.gouv.fr:8443"
    assert b"form-action 'self' https://auth.exemple.gouv.fr:8443;" in console_csp([origin])


@pytest.mark.parametrize(
    "issuer",
    [
        "https://idp.exemple; script-src *",
        "javascript:alert(1)",
        "https://idp 'unsafe-inline'/x",
        "idp.exemple",
    ],
)
def test_an_issuer_that_is_not_a_plain_origin_adds_nothing(issuer: str) -> None:
    assert provider_origin(issuer) == ""
