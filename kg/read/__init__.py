"""The read side's one model of the graph: typed records read through the one runner.

``load_model(store)`` gives a ``ReadModel`` (documents, bodies, links, duties, reports,
targets); trace, audit, the site and export read it instead of querying on their own.
"""

from kg.read.load import document_names, sparql_model, text_of, value_of
from kg.read.model import (
    LEVEL_RANK,
    LEVELS,
    Act,
    Assignment,
    Body,
    DocLink,
    Document,
    Duty,
    Evidence,
    ReadModel,
    Report,
    Succession,
    Target,
)
from kg.read.scan import load_model

__all__ = [
    "LEVELS",
    "LEVEL_RANK",
    "Act",
    "Assignment",
    "Body",
    "DocLink",
    "Document",
    "Duty",
    "Evidence",
    "ReadModel",
    "Report",
    "Succession",
    "Target",
    "document_names",
    "load_model",
    "sparql_model",
    "text_of",
    "value_of",
]
