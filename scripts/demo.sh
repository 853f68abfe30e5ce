#!/usr/bin/env bash
# Set up, build and serve the demo course in all its languages on
# http://127.0.0.1:8000 (Ctrl+C stops). The root page sends you to your
# browser's language; every page has a language switcher.
# To edit pages with live reload instead: .venv/bin/mkdocs-course serve --lang es
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
PORT="${PORT:-8000}"
echo "Installing mkdocs-course into .venv"
.venv/bin/python -m pip install -q -c constraints.txt -e .
.venv/bin/mkdocs-course build --site-url "http://127.0.0.1:${PORT}/"
exec .venv/bin/mkdocs-course preview site --dev-addr "127.0.0.1:${PORT}"
