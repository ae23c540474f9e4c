"""``python -m kg.structure FILE...``: print how each file is cut."""

import sys

from kg.structure.parser import main

sys.exit(main())
