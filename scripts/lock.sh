#!/usr/bin/env bash
# Upgrade the recorded test environment on purpose: install today's releases
# within pyproject.toml's ranges into a fresh virtual environment, run the
# whole suite with them, and only if it is green write their versions to
# constraints.txt (which scripts/test.sh, scripts/demo.sh and .ci/run use).
set -euo pipefail
cd "$(dirname "$0")/.."
fresh="$(mktemp -d "${TMPDIR:-/tmp}/mkdocs-course-lock.XXXXXX")"
trap 'rm -rf "$fresh"' EXIT
python3 -m venv "$fresh/venv"
"$fresh/venv/bin/python" -m pip install -q --upgrade -e '.[test]'
echo "Running the suite with today's releases"
"$fresh/venv/bin/python" -m pytest -q "$@"
{
  sed -n '1,/^# ranges users get/p' constraints.txt
  "$fresh/venv/bin/python" -m pip freeze --exclude-editable | grep -v '^-e '
} > "$fresh/constraints.txt"
mv "$fresh/constraints.txt" constraints.txt
# the editable install pointed at this folder from the throwaway venv
.venv/bin/python -m pip install -q -c constraints.txt -e '.[test]' 2>/dev/null || true
echo "constraints.txt updated; review 'git diff constraints.txt' and commit it with the reason."
