#!/usr/bin/env bash
# Create .venv and install dkg with its test tools (editable, so ontology/ and queries/ are live).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    found=$(python3 -c 'import platform; print(platform.python_version())' 2>/dev/null || echo "none")
    echo "setup.sh: dkg needs Python 3.11 or newer as python3 (found: $found)" >&2
    exit 1
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e '.[test]'
