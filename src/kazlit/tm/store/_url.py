"""Database URLs without their secrets, for messages, logs and ``location``."""

from __future__ import annotations

from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

__all__ = ["is_postgres_url", "redact", "scrub"]

_SECRET_PARAMS = {"password", "sslpassword"}


def is_postgres_url(text: str) -> bool:
    """True for ``postgresql://`` and ``postgres://`` URLs."""
    return text.startswith(("postgresql://", "postgres://"))


def redact(url: str) -> str:
    """*url* with its password (in the user part or a query parameter) left out."""
    try:
        parts = urlsplit(url)
        netloc = parts.netloc
    except ValueError:
        return "postgresql://…"
    if "@" in netloc:
        userinfo, host = netloc.rsplit("@", 1)
        netloc = f"{userinfo.split(':', 1)[0]}@{host}"
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query) if k.lower() not in _SECRET_PARAMS]
    )
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def _secrets(url: str) -> list[str]:
    try:
        parts = urlsplit(url)
    except ValueError:
        return []
    found = []
    if parts.password:
        found += [parts.password, unquote(parts.password)]
    found += [v for k, v in parse_qsl(parts.query) if k.lower() in _SECRET_PARAMS]
    return [s for s in found if s]


def scrub(message: str, url: str) -> str:
    """*message* (say, a driver's error) with every secret of *url* masked."""
    for secret in _secrets(url):
        message = message.replace(secret, "***")
    return message.replace(url, redact(url))
