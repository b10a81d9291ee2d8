"""Run by ``make package`` with the interpreter of a venv holding only the built wheel.

Checks that kazlit imports from that venv (not from src/) and that the package data
the code needs was packaged. Not a pytest module: it is run as a script.
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

import kazlit
from kazlit.cli import main as _  # noqa: F401 - the CLI imports from the wheel

here = Path(kazlit.__file__).resolve()
if "site-packages" not in here.parts:
    sys.exit(f"wheel check: kazlit was imported from {here}, not from the installed wheel")

# Every data file kazlit ships, by package; add new ones here as they appear.
REQUIRED = {
    "kazlit": ["py.typed"],
    "kazlit.translit": [
        f"schemes/{n}.json"
        for n in ("2021", "2018", "2017", "iso9", "bgn-pcgn", "ala-lc", "arabic")
    ],
    "kazlit.text": [
        f"data/abbreviations/{c}.txt" for c in ("kk", "ru", "en", "fr", "es", "ar", "zh")
    ],
    "kazlit.publish": ["data/EpubCheckBatch.java"],
}
missing = [
    f"{package}/{name}"
    for package, names in REQUIRED.items()
    for name in names
    if not resources.files(package).joinpath(name).is_file()
]
if missing:
    sys.exit(f"wheel check: missing package data: {', '.join(missing)}")
print(f"wheel check: kazlit {kazlit.__version__} from {here.parent} has its package data")
