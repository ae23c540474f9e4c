"""The package's public API: every advertised name resolves, unknown ones fail."""

import pytest

import kg


def test_public_names_resolve():
    for name in kg.__all__:
        assert callable(getattr(kg, name)) or name == "__version__"


def test_unknown_name_fails_loudly():
    with pytest.raises(AttributeError):
        kg.no_such_function  # noqa: B018
