#!/usr/bin/env bash
# The main job, from a fresh machine: set up .venv, then rebuild everything from data/raw.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-env.sh
.venv/bin/python -m helpers build
