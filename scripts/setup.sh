#!/usr/bin/env bash
# Create .venv and install dkg with its test tools (editable, so ontology/ and queries/ are live).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e '.[test]'
