"""Saving a :class:`FuzzyIndex` to a binary file and loading it back.

Loading is several times faster than rebuilding from the store, because postings
are read as whole arrays rather than recomputed from every source. The format is
kazlit's own and versioned; it holds no code (no pickle), so loading a file from
elsewhere can at worst fail with :class:`~kazlit.errors.StoreError`:

``KZLFUZZY`` magic, a format version (uint32), a length-prefixed UTF-8 JSON header
(kazlit version, byte order, counts, settings, the caller's *fingerprint*), then
length-prefixed sections: the unit arrays (keys, lengths, contexts, gram sizes),
the sources as one UTF-8 blob with byte offsets, and per shard its postings and
length lists as a string of tokens with their lengths plus one array of ids, then,
when the index was built with numpy, its segments (token codes, list starts and
ids; see :mod:`._frozen`). A file written with numpy is refused without it, and the
other way round: the index is then rebuilt.
"""

from __future__ import annotations

import json
import struct
import sys
from array import array
from itertools import compress
from typing import IO, TYPE_CHECKING, Any, Final

from kazlit._version import __version__
from kazlit.errors import StoreError
from kazlit.tm.fuzzy._frozen import FrozenShard, Segment, numpy_module

if TYPE_CHECKING:
    from kazlit.tm.fuzzy._index import FuzzyIndex, _Shard

__all__ = ["FORMAT_VERSION", "load_index", "save_index"]

MAGIC: Final = b"KZLFUZZY"
FORMAT_VERSION: Final = 2
_LEN = struct.Struct("<Q")


def _write_block(out: IO[bytes], data: bytes) -> None:
    out.write(_LEN.pack(len(data)))
    out.write(data)


def _read_block(source: IO[bytes], what: str) -> bytes:
    head = source.read(_LEN.size)
    if len(head) != _LEN.size:
        raise StoreError(f"fuzzy index file is truncated (in {what})", hint=_REBUILD)
    (size,) = _LEN.unpack(head)
    data = source.read(size)
    if len(data) != size:
        raise StoreError(f"fuzzy index file is truncated (in {what})", hint=_REBUILD)
    return data


_REBUILD = "delete it and rebuild the index from the store"


def _array(typecode: str, data: bytes, swap: bool, what: str) -> array[int]:
    values = array(typecode)
    if len(data) % values.itemsize:
        raise StoreError(f"fuzzy index file is corrupt (in {what})", hint=_REBUILD)
    values.frombytes(data)
    if swap:
        values.byteswap()
    return values


_SEGMENT_ARRAYS: Final = (("token codes", "<u8"), ("list starts", "<i8"), ("lists", "<u4"))


def _segment(np: Any, source: IO[bytes], first: int, last: int) -> Segment:
    arrays = []
    for what, dtype in _SEGMENT_ARRAYS:  # little-endian in the file, native in memory
        data = _read_block(source, what)
        if len(data) % int(dtype[-1]):
            raise StoreError(f"fuzzy index file is corrupt (in {what})", hint=_REBUILD)
        arrays.append(np.frombuffer(data, dtype=dtype).astype(dtype[1:], copy=False))
    keys, starts, ids = arrays
    if starts.size != keys.size + 1 or (starts.size and int(starts[-1]) != ids.size):
        raise StoreError("fuzzy index file is corrupt (in lists)", hint=_REBUILD)
    return Segment(first, last, keys, starts, ids)


def save_index(index: FuzzyIndex, out: IO[bytes], *, fingerprint: str = "") -> None:
    """Write *index* to the binary file *out* (removed units are compacted first).

    *fingerprint* is stored as given (for example the store's revision), so the
    caller can tell a stale file from a current one at load time.
    """
    if index.tombstones:
        index.compact()
    sources = [s or "" for s in index._sources]
    encoded = [s.encode("utf-8", "surrogatepass") for s in sources]
    offsets = array("Q", [0])
    for blob in encoded:
        offsets.append(offsets[-1] + len(blob))
    header = {
        "generator": f"kazlit {__version__}",
        "byteorder": sys.byteorder,
        "units": len(sources),
        "sorted_upto": index._sorted_upto,
        "penalty": index.penalty,
        "weights": {
            name: getattr(index.weights, name)
            for name in ("case", "whitespace", "punctuation", "numbers", "tags")
        },
        "engine": _engine(index),
        "shards": [
            {
                "q": s.q,
                "grams": len(s.postings),
                "max_length": s.max_length,
                "segments": [[g.first, g.last] for g in s.frozen.segments]
                if s.frozen is not None
                else [],
            }
            for s in index._shards.values()
        ],
        "fingerprint": fingerprint,
    }
    out.write(MAGIC)
    out.write(struct.pack("<I", FORMAT_VERSION))
    _write_block(out, json.dumps(header).encode("utf-8"))
    for values in (index._keys, index._lengths, index._contexts, index._grams, offsets):
        _write_block(out, values.tobytes())
    _write_block(out, b"".join(encoded))
    for shard in index._shards.values():
        tokens = list(shard.postings)
        sizes = array("B", [len(t) for t in tokens])
        counts = array("I", [len(shard.postings[t]) for t in tokens])
        ids = array("I")
        for token in tokens:
            ids.extend(shard.postings[token])
        _write_block(out, "".join(tokens).encode("utf-8", "surrogatepass"))
        for values in (sizes, counts, ids):
            _write_block(out, values.tobytes())
        if shard.frozen is not None:
            for segment in shard.frozen.segments:
                for data, (_, dtype) in zip(
                    (segment.keys, segment.starts, segment.ids), _SEGMENT_ARRAYS, strict=True
                ):
                    _write_block(out, data.astype(dtype, copy=False).tobytes())


def _engine(index: FuzzyIndex) -> str:
    return "numpy" if any(s.frozen is not None for s in index._shards.values()) else "python"


def _check_engine(header: dict[str, Any]) -> Any:
    """numpy when the file was built with it; StoreError when this installation
    would build the other kind of index."""
    np = numpy_module()
    engine = header["engine"]
    if engine == "numpy" and np is None:
        raise StoreError(
            "fuzzy index file was built with numpy, which is not installed here",
            hint=_REBUILD,
        )
    if engine != "numpy" and np is not None and header["sorted_upto"]:
        raise StoreError(
            "fuzzy index file was built without numpy; numpy builds a faster one",
            hint=_REBUILD,
        )
    return np


def _load_shard(source: IO[bytes], meta: dict[str, Any], swap: bool, np: Any) -> _Shard:
    from kazlit.tm.fuzzy._index import _Shard  # noqa: PLC0415 - cycle

    shard = _Shard(meta["q"])
    shard.max_length = meta["max_length"]
    text = _read_block(source, "grams").decode("utf-8", "surrogatepass")
    sizes = _array("B", _read_block(source, "gram sizes"), swap, "gram sizes")
    counts = _array("I", _read_block(source, "posting sizes"), swap, "posting sizes")
    ids = _array("I", _read_block(source, "postings"), swap, "postings")
    at = 0
    pos = 0
    postings = shard.postings
    for size, count in zip(sizes, counts, strict=True):
        postings[text[at : at + size]] = ids[pos : pos + count]
        at += size
        pos += count
    if meta["segments"]:
        shard.frozen = FrozenShard(
            shard.q,
            tuple(_segment(np, source, first, last) for first, last in meta["segments"]),
        )
    return shard


def load_index(source: IO[bytes], *, fingerprint: str | None = None) -> FuzzyIndex:
    """Read an index written by :func:`save_index`.

    With *fingerprint*, a file saved with a different one raises
    :class:`~kazlit.errors.StoreError` (stale: rebuild it).
    """
    from kazlit.tm.fuzzy._index import FuzzyIndex  # noqa: PLC0415 - cycle
    from kazlit.tm.fuzzy._penalties import PenaltyWeights  # noqa: PLC0415

    if source.read(len(MAGIC)) != MAGIC:
        raise StoreError("not a kazlit fuzzy index file", hint=_REBUILD)
    (version,) = struct.unpack("<I", source.read(4))
    if version != FORMAT_VERSION:
        raise StoreError(
            f"fuzzy index file format {version} is not supported (this kazlit reads "
            f"{FORMAT_VERSION})",
            hint=_REBUILD,
        )
    try:
        header = json.loads(_read_block(source, "header"))
        swap = header["byteorder"] != sys.byteorder
        if fingerprint is not None and header["fingerprint"] != fingerprint:
            raise StoreError(
                "fuzzy index file is stale (its fingerprint does not match the store)",
                hint=_REBUILD,
            )
        np = _check_engine(header)
        index = FuzzyIndex(penalty=header["penalty"], weights=PenaltyWeights(**header["weights"]))
        index._keys = _array("q", _read_block(source, "keys"), swap, "keys")
        index._lengths = _array("I", _read_block(source, "lengths"), swap, "lengths")
        index._contexts = _array("q", _read_block(source, "contexts"), swap, "contexts")
        shard_of = _array("B", _read_block(source, "shards"), swap, "shards")
        offsets = _array("Q", _read_block(source, "offsets"), swap, "offsets")
        blob = _read_block(source, "sources")
        index._sources = [
            blob[offsets[i] : offsets[i + 1]].decode("utf-8", "surrogatepass")
            for i in range(len(offsets) - 1)
        ]
        index._ids = {key: uid for uid, key in enumerate(index._keys)}
        index._sorted_upto = header["sorted_upto"]
        for meta in header["shards"]:
            index._shards[meta["q"]] = _load_shard(source, meta, swap, np)
        index._grams = shard_of
        for q, shard in index._shards.items():
            shard.lengths = set(compress(index._lengths, (size == q for size in shard_of)))
        index._freeze_lengths()
    except StoreError:
        raise
    except (KeyError, TypeError, ValueError, UnicodeDecodeError, struct.error) as exc:
        raise StoreError(f"fuzzy index file is corrupt: {exc}", hint=_REBUILD) from exc
    if len(index._sources) != header["units"] or len(index._keys) != header["units"]:
        raise StoreError("fuzzy index file is corrupt (unit count)", hint=_REBUILD)
    return index
