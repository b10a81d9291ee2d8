"""Units as compact JSON, for stores: lossless, and stable enough to hash.

:func:`dumps` and :func:`loads` are exact inverses; :func:`content_key` is the
content hash the stores deduplicate by (language + content, markup included).
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from kazlit.tm.model import Content, Inline, Note, Prop, TranslationUnit, Variant

__all__ = ["content_key", "dumps", "format_date", "loads", "parse_date", "source_key"]

#: Unit props that keep units with the same source apart (gettext's msgctxt).
DISAMBIGUATING_PROPS = ("x-po-msgctxt",)

_DATE_FORMAT = "%Y%m%dT%H%M%SZ"


def format_date(value: datetime) -> str:
    """A datetime as TMX writes it (``20260125T101500Z``, UTC)."""
    if value.tzinfo is not None:
        value = value.astimezone(UTC)
    return value.strftime(_DATE_FORMAT)


def parse_date(text: str) -> datetime:
    """Parse a TMX date (``YYYYMMDDThhmmssZ``); raises ValueError when malformed."""
    return datetime.strptime(text.strip(), _DATE_FORMAT).replace(tzinfo=UTC)


def _content_out(content: Content) -> list[Any]:
    return [
        part if isinstance(part, str) else [part.kind, part.attrs, _content_out(part.content)]
        for part in content
    ]


def _content_in(data: list[Any]) -> Content:
    return tuple(
        part
        if isinstance(part, str)
        else Inline(part[0], tuple((a, b) for a, b in part[1]), _content_in(part[2]))
        for part in data
    )


def content_key(lang: str, content: Content) -> bytes:
    """A 16-byte hash of a canonical language tag and content, markup included."""
    if len(content) == 1 and isinstance(content[0], str):
        payload = f"{lang}\x1f{content[0]}"
    else:
        payload = f"{lang}\x1e" + json.dumps(_content_out(content), ensure_ascii=False)
    return hashlib.blake2b(payload.encode("utf-8"), digest_size=16).digest()


def source_key(unit: TranslationUnit, source: Variant) -> bytes:
    """The key a store deduplicates *unit* by: its source, and its PO context if any."""
    key = content_key(source.lang, source.content)
    if unit.props:
        for name in DISAMBIGUATING_PROPS:
            value = unit.prop(name)
            if value is not None:
                payload = key + f"\x1d{name}\x1d{value}".encode()
                key = hashlib.blake2b(payload, digest_size=16).digest()
    return key


def _opt_date(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _read_date(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def _notes_out(notes: tuple[Note, ...]) -> list[Any]:
    return [[n.text, n.lang] for n in notes]


def _props_out(props: tuple[Prop, ...]) -> list[Any]:
    return [[p.type, p.value, p.lang] for p in props]


def _variant_out(v: Variant) -> dict[str, Any]:
    out: dict[str, Any] = {"l": v.raw_lang, "c": _content_out(v.content)}
    if v.created is not None:
        out["cd"] = _opt_date(v.created)
    if v.created_by is not None:
        out["cb"] = v.created_by
    if v.changed is not None:
        out["md"] = _opt_date(v.changed)
    if v.changed_by is not None:
        out["mb"] = v.changed_by
    if v.notes:
        out["n"] = _notes_out(v.notes)
    if v.props:
        out["p"] = _props_out(v.props)
    if v.attrs:
        out["a"] = v.attrs
    return out


def _variant_in(d: dict[str, Any]) -> Variant:
    return Variant(
        d["l"],
        _content_in(d["c"]),
        created=_read_date(d.get("cd")),
        created_by=d.get("cb"),
        changed=_read_date(d.get("md")),
        changed_by=d.get("mb"),
        notes=tuple(Note(t, lg) for t, lg in d.get("n", ())),
        props=tuple(Prop(t, v, lg) for t, v, lg in d.get("p", ())),
        attrs=tuple((a, b) for a, b in d.get("a", ())),
    )


_UNIT_FIELDS = (
    ("tuid", "id"),
    ("srclang", "s"),
    ("created_by", "cb"),
    ("changed_by", "mb"),
    ("origin_work", "w"),
    ("origin_segment", "g"),
    ("context_prev", "cp"),
    ("context_next", "cn"),
)


def dumps(unit: TranslationUnit) -> str:
    """The unit as compact JSON (lossless; see :func:`loads`)."""
    out: dict[str, Any] = {"v": [_variant_out(v) for v in unit.variants]}
    for name, key in _UNIT_FIELDS:
        value = getattr(unit, name)
        if value is not None:
            out[key] = value
    if unit.created is not None:
        out["cd"] = _opt_date(unit.created)
    if unit.changed is not None:
        out["md"] = _opt_date(unit.changed)
    if unit.notes:
        out["n"] = _notes_out(unit.notes)
    if unit.props:
        out["p"] = _props_out(unit.props)
    if unit.attrs:
        out["a"] = unit.attrs
    return json.dumps(out, ensure_ascii=False, separators=(",", ":"))


def loads(text: str) -> TranslationUnit:
    """The unit :func:`dumps` wrote."""
    d = json.loads(text)
    return TranslationUnit(
        tuple(_variant_in(v) for v in d["v"]),
        created=_read_date(d.get("cd")),
        changed=_read_date(d.get("md")),
        notes=tuple(Note(t, lg) for t, lg in d.get("n", ())),
        props=tuple(Prop(t, v, lg) for t, v, lg in d.get("p", ())),
        attrs=tuple((a, b) for a, b in d.get("a", ())),
        **{name: d.get(key) for name, key in _UNIT_FIELDS},
    )
