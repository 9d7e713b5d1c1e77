#!/usr/bin/env bash
# Create (or update) the project's virtual environment in .venv and install the package into it.
# Also installs the Debian packages the figures and tests need (Arabic fonts, Tesseract with its
# Arabic model, Chromium) when running as root with apt-get; elsewhere it says what is missing.
# Usage: scripts/setup-env.sh [extra ...]   e.g. scripts/setup-env.sh test
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(fonts-noto-core tesseract-ocr tesseract-ocr-ara chromium chromium-driver poppler-utils)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "==> apt-get install ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "note: not installed (needs root and apt-get): ${missing[*]}; figures fall back to DejaVu Sans and the OCR/browser tests will fail" >&2
  fi
fi

PYTHON=${PYTHON:-python3}
extras=${1:-}
if [ ! -x .venv/bin/python ]; then
  echo "==> creating .venv"
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
spec="."
[ -n "$extras" ] && spec=".[$extras]"
echo "==> pip install -e $spec"
.venv/bin/python -m pip install -q -e "$spec"
