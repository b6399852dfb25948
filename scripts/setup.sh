#!/usr/bin/env bash
# Create .venv and install partyqa with everything it needs (CPU-only PyTorch first).
# Usage: scripts/setup.sh [--browser]   (--browser also installs Debian's chromium and a CJK font for UI tests)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
. .venv/bin/activate
python -m pip install --quiet --upgrade pip
# The CPU build of PyTorch must come first: a bare "torch" requirement would pull a multi-GB CUDA build.
python -c "import torch" 2>/dev/null || python -m pip install --quiet torch==2.13.0
python -m pip install --quiet -e '.[test]'
# antiword reads .doc/.wps (Word 97 / WPS); without it those files are skipped with an error naming it.
if ! command -v antiword >/dev/null; then
  if [ "$(id -u)" = "0" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq antiword >/dev/null || true
  elif command -v sudo >/dev/null; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq antiword >/dev/null || true
  fi
fi
# Browser tests need Chromium and a Chinese font (without one, CJK text renders as boxes).
if [ "${1:-}" = "--browser" ]; then
  need=()
  [ -x /usr/bin/chromium ] || need+=(chromium)
  { command -v fc-list >/dev/null && [ -n "$(fc-list :lang=zh family)" ]; } || need+=(fonts-wqy-microhei)
  if [ "${#need[@]}" -gt 0 ]; then
    SUDO=""
    [ "$(id -u)" = "0" ] || SUDO=sudo
    $SUDO apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  fi
fi
