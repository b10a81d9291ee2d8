from __future__ import annotations

import pytest

import kazlit
from kazlit import errors
from kazlit._deps import require


def test_every_error_is_a_kazlit_error() -> None:
    for name in errors.__all__:
        cls = getattr(errors, name)
        assert issubclass(cls, errors.KazlitError), name


def test_tree_matches_design() -> None:
    assert issubclass(errors.ParseError, errors.FormatError)
    assert issubclass(errors.SerializationError, errors.FormatError)
    assert issubclass(errors.UnknownFormatError, errors.FormatError)
    assert issubclass(errors.MissingDependencyError, ImportError)


def test_parse_error_names_file_line_column() -> None:
    exc = errors.ParseError(
        "mismatched tag", path="memory.tmx", line=12, column=7, format="tmx", hint="fix the tag"
    )
    assert str(exc) == "memory.tmx:12:7: tmx mismatched tag (fix the tag)"
    assert exc.location == "memory.tmx:12:7"


def test_parse_error_without_location() -> None:
    assert str(errors.ParseError("empty file")) == "empty file"


def test_unknown_format_lists_known_names() -> None:
    exc = errors.UnknownFormatError("tmz", ["tmx", "po", "xliff"])
    assert "'tmz'" in str(exc)
    assert "po, tmx, xliff" in str(exc)


def test_require_returns_installed_module() -> None:
    module = require("json", "none")
    assert module.dumps([1]) == "[1]"


def test_require_names_the_extra() -> None:
    with pytest.raises(errors.MissingDependencyError) as info:
        require("kazlit_no_such_module", "epub", purpose="EPUB editions")
    assert "pip install 'kazlit[epub]'" in str(info.value)
    assert "EPUB editions" in str(info.value)
    assert isinstance(info.value, ImportError)
    assert isinstance(info.value, kazlit.KazlitError)


def test_require_does_not_hide_a_broken_submodule() -> None:
    # The top-level package exists; only a submodule is missing: a real bug, not an extra.
    with pytest.raises(ModuleNotFoundError):
        require("json.no_such_submodule", "none")


def test_exit_codes_are_distinct_per_family() -> None:
    families = [
        errors.FormatError,
        errors.LanguageError,
        errors.TransliterationError,
        errors.AlignmentError,
        errors.TermbaseError,
        errors.StoreError,
        errors.PublishError,
        errors.MissingDependencyError,
    ]
    codes = [cls.exit_code for cls in families]
    assert len(set(codes)) == len(codes)
    assert all(code not in {0, 2} for code in codes)  # 2 is click's usage error
