#!/usr/bin/env bash
# npm installs axe-core for the accessibility tests; install Node.js and npm with apt-get
# where they are missing (Debian/Ubuntu, as root or with sudo).
set -euo pipefail
command -v npm >/dev/null && exit 0
if command -v apt-get >/dev/null; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  echo "npm: installing nodejs and npm with apt-get" >&2
  $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nodejs npm >/dev/null
fi
command -v npm >/dev/null || { echo "npm: not found; install Node.js and npm" >&2; exit 1; }
