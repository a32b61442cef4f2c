"""SSRF defences of outbound requests: which URLs and addresses may be reached."""

from __future__ import annotations

import pytest

from app.core.sortant import Cible, DestinationRefusee, check_url, forbidden_address, resolve


@pytest.mark.parametrize(
    "address",
    [
        "10.0.0.1",
        "172.16.5.4",
        "192.168.1.1",
        "127.0.0.1",
        "127.8.9.10",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",  # noqa: S104 (an address to refuse, nothing binds it)
        "224.0.0.1",
        "255.255.255.255",
        "::1",
        "fe80::1",
        "fc00::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "::",
    ],
)
def test_private_loopback_link_local_and_special_addresses_are_forbidden(address: str) -> None:
    assert forbidden_address(address)


@pytest.mark.parametrize("address", ["93.184.215.14", "2606:4700:4700::1111", "::ffff:93.184.215.14"])
def test_public_addresses_are_allowed(address: str) -> None:
    assert not forbidden_address(address)


def test_urls_must_be_https_without_credentials_unless_allow_listed() -> None:
    assert check_url("https://partenaire.example/hook?x=1", set()) == Cible(
        "https", "partenaire.example", 443, "/hook?x=1"
    )
    for url in ("http://partenaire.example/", "ftp://a/", "https://u:p@a.example/", "https:///x", "nope"):
        with pytest.raises(DestinationRefusee):
            check_url(url, set())
    assert check_url("http://127.0.0.1:8080/h", {"127.0.0.1:8080"}).port == 8080
    assert check_url("http://intranet/h", {"intranet"}).host == "intranet"
    with pytest.raises(DestinationRefusee):
        check_url("http://127.0.0.1:8081/h", {"127.0.0.1:8080"})  # another port is another host


async def test_names_are_resolved_and_every_address_checked() -> None:
    with pytest.raises(DestinationRefusee, match="loopback"):
        await resolve(check_url("https://localhost/x", set()), set())
    assert await resolve(check_url("http://localhost:9/x", {"localhost:9"}), {"localhost:9"}) in (
        "127.0.0.1",
        "::1",
    )
    with pytest.raises(DestinationRefusee, match="does not resolve"):
        await resolve(check_url("https://does-not-exist.invalid/x", set()), set())
