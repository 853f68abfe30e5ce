#!/usr/bin/env bash
# Set up and serve the demo course on http://127.0.0.1:8000 (Ctrl+C stops).
# Extra arguments go to `mkdocs-course serve`, e.g. --dev-addr 0.0.0.0:8000.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
echo "Installing mkdocs-course into .venv"
.venv/bin/python -m pip install -q -e .
exec .venv/bin/mkdocs-course serve "$@"
