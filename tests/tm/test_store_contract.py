"""The TMStore contract, run against every store: SQLite and PostgreSQL.

The PostgreSQL runs need a server (``KAZLIT_TEST_POSTGRES``, see tests/conftest.py);
without one they skip, saying how to run them, and with KAZLIT_REQUIRE_POSTGRES=1
(CI) they fail instead.
"""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kazlit.tm.fuzzy import FuzzyIndex
from kazlit.tm.model import Inline, Note, Prop, TranslationUnit, Variant
from kazlit.tm.store import TMStore, open_store
from kazlit.tm.store.migrate import migrate

from .strategies import units as unit_strategy


def unit(kk: str, ru: str, **kw: str) -> TranslationUnit:
    return TranslationUnit((Variant("kk-Cyrl", kk), Variant("ru", ru)), srclang="kk-Cyrl", **kw)


UNITS = [
    unit("Абай жолы", "Путь Абая", context_prev="Роман"),
    unit("Қара сөздер", "Слова назидания"),
    unit("Бірінші тарау", "Глава первая"),
]

RICH = TranslationUnit(
    (
        Variant(
            "kk-KZ",
            ("Қара ", Inline("bpt", (("i", "1"),), ("<b>",)), "мысық"),
            notes=(Note("ескерту", "kk"),),
        ),
        Variant("en-GB", ("The black cat",), props=(Prop("x-origin", "MT"),)),
    ),
    srclang="kk-KZ",
    tuid="t-1",
    origin_work="abai",
    context_next="Келесі",
)


@pytest.fixture(params=["sqlite", "postgresql"])
def tm_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "tm.sqlite")
    url: str = request.getfixturevalue("postgres_url")
    return url


@pytest.fixture
def store(tm_url: str) -> TMStore:
    with open_store(tm_url) as opened:
        yield opened


def test_is_a_tmstore_and_hides_the_password(store: TMStore, tm_url: str) -> None:
    assert isinstance(store, TMStore)
    assert store.stats().schema_version >= 1
    assert ":" not in store.location.split("@")[0].removeprefix("postgresql://")


def test_reimport_creates_no_duplicates(store: TMStore) -> None:
    first = store.add_units(UNITS)
    again = store.add_units(UNITS)
    assert (first.added, first.skipped) == (3, 0)
    assert (again.added, again.updated, again.skipped) == (0, 0, 3)
    stats = store.stats()
    assert (stats.units, stats.variants, stats.imports) == (3, 6, 2)
    assert stats.languages == {"kk-Cyrl": 3, "ru": 3}


def test_iter_segments_get_and_iter_units(store: TMStore) -> None:
    store.add_units([*UNITS, RICH])
    rows = list(store.iter_segments("kk", "ru-RU"))
    assert rows[0] == (1, "Абай жолы", "Путь Абая", "Роман")
    assert [r[2] for r in rows] == ["Путь Абая", "Слова назидания", "Глава первая"]
    assert list(store.iter_segments("ru", "kk"))[1][1:3] == ("Слова назидания", "Қара сөздер")
    assert list(store.iter_segments("kk", "en")) == [(4, "Қара мысық", "The black cat", None)]
    assert store.get(2) == UNITS[1]
    assert store.get(4) == RICH
    assert store.get(999) is None
    assert list(store.iter_segments("kk", "fr")) == []
    assert [u for _, u in store.iter_units()] == [*UNITS, RICH]
    assert [i for i, _ in store.iter_units("kk", "en")] == [4]


@pytest.mark.parametrize(
    ("policy", "targets", "counts"),
    [
        ("update", ["Слова назидания (новый перевод)"], (0, 1, 0)),
        ("add-variant", ["Слова назидания", "Слова назидания (новый перевод)"], (0, 1, 0)),
        ("skip", ["Слова назидания"], (0, 0, 1)),
    ],
)
def test_merge_policy_for_a_new_target(
    store: TMStore, policy: str, targets: list[str], counts: tuple[int, int, int]
) -> None:
    store.add_units(UNITS)
    result = store.add_units(
        [unit("Қара сөздер", "Слова назидания (новый перевод)")],
        merge=policy,  # type: ignore[arg-type]
    )
    assert (result.added, result.updated, result.conflicts) == counts
    got = [t for _, s, t, _ in store.iter_segments("kk", "ru") if s == "Қара сөздер"]
    assert got == targets
    assert store.stats().units == 3


def test_duplicates_inside_one_import_merge(store: TMStore) -> None:
    result = store.add_units([UNITS[0], UNITS[0], unit("Абай жолы", "Дорога Абая")])
    assert (result.read, result.added, result.skipped) == (3, 1, 2)
    assert store.stats().units == 1
    assert store.get(1) == unit("Абай жолы", "Дорога Абая", context_prev="Роман")


def test_interrupted_import_leaves_the_tm_exactly_as_it_was(store: TMStore) -> None:
    store.add_units(UNITS[:1])
    before = list(store.iter_units())
    many = [unit(f"сөйлем {n}", f"предложение {n}") for n in range(5000)]

    def stop(done: int, total: int | None) -> None:
        if done >= 2000:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        store.add_units(many, progress=stop)
    assert list(store.iter_units()) == before
    assert store.stats().imports == 1
    assert store.add_units(many[:10]).added == 10


def test_two_connections_see_each_others_commits(tm_url: str) -> None:
    with open_store(tm_url) as a, open_store(tm_url) as b:
        a.add_units(UNITS[:2])
        assert b.add_units(UNITS).added == 1
        assert a.stats().units == 3


def test_create_false_refuses_a_missing_tm(tm_url: str) -> None:
    from kazlit.errors import StoreError  # noqa: PLC0415

    with pytest.raises(StoreError, match="no translation memory at"):
        open_store(tm_url, create=False)


# One store across examples on purpose: each example only looks at the units it added.
@settings(max_examples=5, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batch=st.lists(unit_strategy, max_size=4))
def test_generated_units_come_back_unchanged(tm_url: str, batch: list[TranslationUnit]) -> None:
    with open_store(tm_url) as store:
        start = max((i for i, _ in store.iter_units()), default=0)
        result = store.add_units(batch, merge="add-variant")
        stored = {i: u for i, u in store.iter_units() if i > start}
        assert len(stored) == result.added
        if result.added == len(batch) and not result.skipped:
            assert list(stored.values()) == batch


def test_migrate_there_and_back_is_lossless(tm_url: str, tmp_path: Path) -> None:
    # From this store to a fresh SQLite file and back into a fresh store of this kind.
    many = [unit(f"сөйлем {n}", f"предложение {n}") for n in range(2500)]
    with open_store(tm_url) as store:
        store.add_units([*UNITS, RICH, *many])
        original = [u for _, u in store.iter_units()]
        with open_store(tmp_path / "copy.sqlite") as copy:
            result = migrate(store, copy)
            assert (result.read, result.added) == (len(original), len(original))
            assert [u for _, u in copy.iter_units()] == original
            again = migrate(copy, store)  # back onto the original: nothing new
            assert (again.added, again.updated, again.skipped) == (0, 0, len(original))
    with open_store(tmp_path / "copy.sqlite") as copy, open_store(tmp_path / "back.sqlite") as back:
        migrate(copy, back)
        assert [u for _, u in back.iter_units()] == original


def _sentences(rng: random.Random, n: int) -> list[str]:
    words = ["абай", "жол", "қара", "сөз", "бірінші", "тарау", "кітап", "ақын", "дала", "өлең"]
    return [
        " ".join(rng.choice(words) for _ in range(rng.randint(1, 7))).capitalize()
        + rng.choice(["", ".", "!", " 12"])
        for _ in range(n)
    ]


def test_candidates_equal_an_exhaustive_scan(store: TMStore) -> None:
    """An optional method; the PostgreSQL store has it, and must miss nothing."""
    if not hasattr(store, "candidates"):
        pytest.skip(f"{type(store).__name__} has no candidates() (the facade scans)")
    rng = random.Random(7)
    sources = list(dict.fromkeys(_sentences(rng, 600)))
    store.add_units(
        [
            TranslationUnit(
                (Variant("kk", s), Variant("ru", f"перевод {i}")),
                srclang="kk",
                context_prev=None if i % 3 else "Алдыңғы",
            )
            for i, s in enumerate(sources)
        ]
    )
    store.add_units([TranslationUnit((Variant("kk", "Жалғыз"), Variant("en", "Alone")))])
    index = FuzzyIndex.build((i, s, p) for i, s, _, p in store.iter_segments("kk", "ru"))
    queries = [*_sentences(rng, 40), sources[5], "", "а", "Жалғыз"]
    for query in queries:
        for min_score in (50.0, 75.0, 95.0, 100.0):
            for previous in (None, "Алдыңғы"):
                expected = index.scan(query, limit=None, min_score=min_score, previous=previous)
                got = store.candidates(  # type: ignore[attr-defined]
                    query, "kk", "ru", min_score=min_score, limit=None, previous=previous
                )
                assert got == expected, (query, min_score)
    top = store.candidates(sources[5], "kk", "ru", limit=3)  # type: ignore[attr-defined]
    assert top == index.search(sources[5], limit=3)
    assert top[0].score == 100.0


_WORKER = r"""
import json, sys, time
from kazlit.tm.model import TranslationUnit, Variant
from kazlit.tm.store import open_store

url, role, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
t0 = time.monotonic()

def unit(kk, ru):
    return TranslationUnit((Variant("kk", kk), Variant("ru", ru)), srclang="kk")

with open_store(url, timeout=120) as store:
    if role == "reader":
        seen, reads, deadline = 0, 0, time.monotonic() + 60
        while time.monotonic() < deadline:
            units = store.stats().units
            assert units >= seen, (units, seen)  # committed imports never vanish
            seen = units
            rows = list(store.iter_segments("kk", "ru"))
            assert len({r[0] for r in rows}) == len(rows)  # one row per unit, no twins
            if hasattr(store, "candidates"):
                store.candidates("ортақ сөйлем 7", "kk", "ru", min_score=90)
            reads += 1
            if units >= n:
                break
        print(json.dumps({"reads": reads, "seen": seen, "at": time.monotonic() - t0, "t0": t0}))
    else:
        for batch in range(5):
            own = [unit(f"{role} сөйлем {batch}-{i}", f"{role} предложение {i}") for i in range(60)]
            shared = [unit(f"ортақ сөйлем {batch * 40 + i}", f"общее {i}") for i in range(40)]
            store.add_units(own + shared, label=f"{role}-{batch}")
        print(json.dumps({"done": role, "at": time.monotonic() - t0, "t0": t0}))
"""


def test_concurrent_writers_and_readers_lose_and_duplicate_nothing(tm_url: str) -> None:
    import json  # noqa: PLC0415
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    writers = [f"w{k}" for k in range(4)]
    expected = {f"{w} сөйлем {b}-{i}" for w in writers for b in range(5) for i in range(60)}
    expected |= {f"ортақ сөйлем {n}" for n in range(200)}
    with open_store(tm_url):
        pass  # create the schema first, so every worker finds the same store
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _WORKER, tm_url, role, str(len(expected))],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for role in [*writers, "reader", "reader"]
    ]
    outputs = [p.communicate(timeout=180) for p in procs]
    for proc, (_, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
    reports = [json.loads(out) for out, _ in outputs]
    assert all(r["reads"] > 0 for r in reports[4:])
    with open_store(tm_url) as store:
        rows = list(store.iter_segments("kk", "ru"))
        sources = [r[1] for r in rows]
        assert len(sources) == len(set(sources)) == len(expected)
        assert set(sources) == expected
        stats = store.stats()
        assert (stats.units, stats.imports) == (len(expected), 20)


def test_rewrite_replaces_and_deletes_units_in_one_logged_change(store: TMStore) -> None:
    three = TranslationUnit(
        (Variant("kk-Cyrl", "Абай жолы"), Variant("ru", "Путь Абая"), Variant("en", "Abai's Way")),
        srclang="kk-Cyrl",
        origin_work="abai",
    )
    store.add_units([three, *UNITS[1:]])
    ids = {unit.text("kk-Cyrl"): uid for uid, unit in store.iter_units()}
    kept = dataclasses.replace(three, variants=three.variants[:2])  # English dropped
    result = store.rewrite_units(
        {ids["Абай жолы"]: kept, ids["Қара сөздер"]: None, 10_000: None}, label="test"
    )
    assert (result.read, result.updated, result.removed) == (3, 1, 1)
    assert "1 removed" in result.summary()
    assert store.get(ids["Қара сөздер"]) is None
    assert store.get(ids["Абай жолы"]) == kept
    assert [src for _, src, _, _ in store.iter_segments("kk", "en")] == []
    assert sorted(src for _, src, _, _ in store.iter_segments("kk", "ru")) == [
        "Абай жолы",
        "Бірінші тарау",
    ]
    stats = store.stats()
    assert (stats.units, stats.imports) == (2, 2)
    # The source cannot change (the store finds units by it); nothing is written.
    other_source = dataclasses.replace(kept, variants=(Variant("kk-Cyrl", "Басқа"),))
    with pytest.raises(ValueError, match="keep the unit's source"):
        store.rewrite_units({ids["Абай жолы"]: other_source, ids["Бірінші тарау"]: None})
    assert store.get(ids["Бірінші тарау"]) is not None
    assert store.stats().imports == 2


def test_lookups_under_75_equal_the_scan_on_every_store(store: TMStore) -> None:
    """The facade's first pass at 75 % (in the index, or in the database for
    PostgreSQL) never changes what a look-up under 75 % returns."""
    from kazlit.tm.fuzzy import PenaltyWeights  # noqa: PLC0415
    from kazlit.tm.memory import TranslationMemory  # noqa: PLC0415

    rng = random.Random(11)
    sources = list(dict.fromkeys(_sentences(rng, 300)))
    # Near copies with numbers: close matches that a heavy number penalty sinks.
    sources += [f"{s} {n}" for n, s in enumerate(sources[:40])]
    # ... and ones only punctuation away: three hits of 75 or more for some queries,
    # so that the first pass is the answer.
    sources += [f"{s}{mark}" for s in sources[40:60] for mark in "!?"]
    # A close match that a penalty sinks under a farther one (see test_fuzzy_index).
    sources += ["Open 12 files now", "Open 13 files there", "Copy 13 files now"]
    store.add_units(
        [
            TranslationUnit((Variant("kk", s), Variant("ru", f"перевод {i}")), srclang="kk")
            for i, s in enumerate(sources)
        ]
    )
    weights = PenaltyWeights(numbers=40.0)
    index = FuzzyIndex.build(
        ((i, s) for i, s, _, _ in store.iter_segments("kk", "ru")), weights=weights
    )
    memory = TranslationMemory(store, weights=weights)
    queries = [
        *_sentences(rng, 15),
        *(f"{s} {n + 1}" for n, s in enumerate(sources[:10])),
        *sources[40:50],
        "Open 13 files now",
    ]
    for query in queries:
        for limit in (1, 2, 3):
            expected = [(h.key, h.final) for h in index.scan(query, limit=limit, min_score=50)]
            got = [
                (m.unit_id, m.score)
                for m in memory.lookup(query, "kk", "ru", min_score=50, limit=limit)
            ]
            assert got == expected, (query, limit)
