"""dkg: a knowledge graph of directives and responsibilities.

The public API is the pipeline's functions; the ``dkg`` command is a thin layer
over them.
"""

__version__ = "0.1.0"
