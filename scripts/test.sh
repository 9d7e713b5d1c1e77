#!/usr/bin/env bash
# The whole test suite, from a fresh machine: set up .venv, then run pytest; then the chart
# tests again in .venv-legacy, which has matplotlib 3.10 (the arabic-reshaper + bidi path).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-env.sh test,dask

if [ ! -x .venv-legacy/bin/python ]; then
  echo "==> creating .venv-legacy (matplotlib 3.10)"
  "${PYTHON:-python3}" -m venv .venv-legacy
fi
.venv-legacy/bin/python -m pip install -q --upgrade pip
# The package requires matplotlib>=3.11, so the legacy environment gets its dependencies
# with matplotlib pinned below 3.11 and the package itself without dependency resolution.
deps=$(.venv/bin/python - <<'PY'
import tomllib
deps = tomllib.load(open("pyproject.toml", "rb"))["project"]
print("\n".join(d for d in deps["dependencies"] + deps["optional-dependencies"]["test"] if not d.startswith("matplotlib")))
PY
)
echo "==> pip install (legacy) matplotlib 3.10 and the other dependencies"
# shellcheck disable=SC2086
.venv-legacy/bin/python -m pip install -q "matplotlib>=3.10,<3.11" $deps
.venv-legacy/bin/python -m pip install -q --no-deps -e .

mkdir -p test-artifacts
echo "==> pytest (matplotlib $(.venv/bin/python -c 'import matplotlib; print(matplotlib.__version__)'))"
status=0
.venv/bin/python -m pytest "$@" || status=$?
echo "==> pytest tests/test_charts.py (legacy matplotlib $(.venv-legacy/bin/python -c 'import matplotlib; print(matplotlib.__version__)'))"
HELPERS_TEST_ENV=legacy .venv-legacy/bin/python -m pytest tests/test_charts.py -p no:cacheprovider || status=$?
exit $status
