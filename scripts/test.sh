#!/usr/bin/env bash
# Set up everything the test suite needs, then run the whole suite.
# Installs Debian's chromium, npm, a font with Arabic script and LibreOffice Calc with apt when
# missing (as root or with sudo), the Python test tools into .venv, and axe-core from npm.
# Extra arguments go to pytest, e.g. -k storage or -m "not slow".
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh chromium npm arabic-font libreoffice
echo "Installing mkdocs-course and its test tools into .venv"
.venv/bin/python -m pip install -q -c constraints.txt -e '.[test]'
echo "Installing axe-core (accessibility scans) from npm"
npm ci --no-audit --no-fund --loglevel=error
exec .venv/bin/python -m pytest "$@"
