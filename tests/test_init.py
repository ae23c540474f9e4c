"""The package's public API: every advertised name resolves, unknown ones fail."""

import importlib

import pytest

import kg


def test_public_names_resolve_to_functions_even_after_submodules_load():
    for module in set(kg._API.values()):
        importlib.import_module(module)  # a submodule must not shadow an API name
    for name in kg._API:
        assert callable(getattr(kg, name)), name
        assert not isinstance(getattr(kg, name), type(kg)), name


def test_unknown_name_fails_loudly():
    with pytest.raises(AttributeError):
        kg.no_such_function  # noqa: B018
