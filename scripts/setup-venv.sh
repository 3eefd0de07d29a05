#!/usr/bin/env bash
# Create the virtual environment with Python 3.11+; on Debian/Ubuntu install venv support
# when the interpreter lacks it (needs root or sudo).
set -euo pipefail
python=${1:-python3}
venv=${2:-.venv}
if ! command -v "$python" >/dev/null; then
  echo "setup: $python not found: install Python 3.11 or newer" >&2; exit 1
fi
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "setup: $("$python" --version) is too old: Python 3.11 or newer is needed (make PYTHON=python3.12 …)" >&2; exit 1
fi
[ -x "$venv/bin/python" ] && exit 0
if ! "$python" -m venv "$venv" 2>/dev/null; then
  rm -rf "$venv"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  version=$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
  echo "setup: installing python$version-venv with apt-get" >&2
  $sudo apt-get update -qq && $sudo apt-get install -y -qq "python$version-venv" || $sudo apt-get install -y -qq python3-venv
  "$python" -m venv "$venv"
fi
