"""dkg: a knowledge graph of directives and responsibilities.

The public API is the pipeline's functions; the ``dkg`` command is a thin layer
over them. Names are imported on first use so ``import kg`` stays cheap.

    >>> import kg
    >>> records, errors = kg.extract_paths([])        # the bundled seeds
    >>> store = kg.open_store("dkg-out")               # after ``dkg build``

Building, exporting, tracing and auditing live in ``kg.build.build``,
``kg.export.export``, ``kg.trace.trace`` and ``kg.audit.audit`` (their module names
would shadow them here).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_API = {
    "extract_source": "kg.pipeline",
    "extract_paths": "kg.pipeline",
    "to_gold_dict": "kg.records",
    "score": "kg.evaluate",
    "open_store": "kg.store",
    "validate_store": "kg.validate",
    "canned_queries": "kg.queries",
    "compute_lineage": "kg.lineage",
    "build_site": "kg.views.site",
    "serve": "kg.server",
}

__all__ = ["__version__", *_API]


def __getattr__(name: str) -> Any:
    if name in _API:
        return getattr(import_module(_API[name]), name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
