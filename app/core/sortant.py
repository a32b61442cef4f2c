"""Outbound HTTP (webhooks), safe against server-side request forgery.

A partner names the URL; Prevex must not become its way into Prevex's own network. So every request:

- goes to ``https://`` only, unless its host (``host`` or ``host:port``) is on
  ``PREVEX_WEBHOOK_ALLOWED_HOSTS`` (tests, a partner's internal network), which may also use ``http://``;
  carries no credentials in the URL;
- resolves the host itself, and refuses it when **any** address it resolves to is not a public unicast
  address (private, loopback, link-local, shared, reserved, multicast, unspecified, IPv4-mapped forms of
  those), unless the host is allow-listed;
- connects to the address it checked (pinned: the URL's host becomes that IP, the ``Host`` header and
  the TLS server name stay the host's, so the certificate is checked against the name), so a DNS answer
  that changes between the check and the connection (rebinding) cannot redirect it;
- never follows redirects (a 3xx is a failed attempt), ignores proxy variables, and times out.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

import httpx

__all__ = ["Cible", "DestinationRefusee", "check_url", "forbidden_address", "post", "resolve"]


class DestinationRefusee(Exception):
    """The URL or the address it resolves to may not be reached. The message is safe to show."""


@dataclass(frozen=True)
class Cible:
    scheme: str
    host: str
    port: int
    path: str  # path and query, as given

    @property
    def authority(self) -> str:
        default = 443 if self.scheme == "https" else 80
        host = f"[{self.host}]" if ":" in self.host else self.host
        return host if self.port == default else f"{host}:{self.port}"


def _allowed(cible: Cible, allowed: Collection[str]) -> bool:
    return cible.host in allowed or f"{cible.host}:{cible.port}" in allowed


def check_url(url: str, allowed: Collection[str]) -> Cible:
    """The URL's parts, or :class:`DestinationRefusee` for anything but an HTTPS URL (HTTP for an
    allow-listed host) without credentials."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise DestinationRefusee("malformed URL") from exc
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    if scheme not in ("https", "http") or not host:
        raise DestinationRefusee("the URL must be https://host/…")
    if parts.username is not None or parts.password is not None:
        raise DestinationRefusee("the URL must not carry credentials")
    cible = Cible(
        scheme,
        host,
        port or (443 if scheme == "https" else 80),
        urlunsplit(("", "", parts.path or "/", parts.query, "")),
    )
    if scheme == "http" and not _allowed(cible, allowed):
        raise DestinationRefusee("the URL must use https (plain http only for PREVEX_WEBHOOK_ALLOWED_HOSTS)")
    return cible


def forbidden_address(address: str) -> bool:
    """True for anything but a public unicast address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast or ip.is_unspecified or ip.is_reserved


async def resolve(cible: Cible, allowed: Collection[str]) -> str:
    """The address to connect to: the first the host resolves to, once every one is checked."""
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(
            cible.host, cible.port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP
        )
    except OSError as exc:
        raise DestinationRefusee(f"the host {cible.host} does not resolve") from exc
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not addresses:
        raise DestinationRefusee(f"the host {cible.host} does not resolve")
    if not _allowed(cible, allowed) and any(forbidden_address(a) for a in addresses):
        raise DestinationRefusee(
            f"the host {cible.host} resolves to a private, loopback or link-local address"
        )
    return addresses[0]


async def post(
    client: httpx.AsyncClient,
    url: str,
    body: bytes,
    headers: Mapping[str, str],
    *,
    allowed: Collection[str],
    timeout: float,  # noqa: ASYNC109 (httpx's own per-request timeout, not a cancellation scope)
) -> httpx.Response:
    """POST ``body`` to ``url`` through the checks above, on the pinned address. ``client`` must be
    made by :func:`client`."""
    cible = check_url(url, allowed)
    address = await resolve(cible, allowed)
    literal = f"[{address}]" if ":" in address else address
    pinned = f"{cible.scheme}://{literal}:{cible.port}{cible.path}"
    return await client.post(
        pinned,
        content=body,
        headers={**headers, "Host": cible.authority},
        extensions={"sni_hostname": cible.host, "timeout": httpx.Timeout(timeout).as_dict()},
    )


def client(timeout: float) -> httpx.AsyncClient:
    """The client outbound requests share: no redirects, no proxies from the environment, a timeout."""
    return httpx.AsyncClient(
        follow_redirects=False,
        trust_env=False,
        timeout=httpx.Timeout(timeout),
        limits=httpx.Limits(max_connections=50, max_keepalive_connections=10),
        headers={"User-Agent": "Prevex-Webhooks/1"},
    )
