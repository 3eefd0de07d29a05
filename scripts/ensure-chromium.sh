#!/usr/bin/env bash
# The browser tests drive the system Chromium (a downloaded browser cannot be fetched here).
# Find it (CHROMIUM, then the usual names); install it with apt-get where we can.
# With CI=true a browser that cannot be found or installed fails the run.
set -uo pipefail
find_chromium() {
  for candidate in "${CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome /usr/bin/google-chrome-stable; do
    [ -n "$candidate" ] && [ -x "$candidate" ] && { echo "$candidate"; return 0; }
  done
  return 1
}
# The tests drive Chromium's headless shell, from the same source and version (a third of the
# CPU time a page; edition/generators/browser.py); Lighthouse and the PDFs, the full browser.
find_shell() {
  for candidate in /usr/lib/chromium/chromium-headless-shell /usr/bin/chromium-headless-shell; do
    [ -x "$candidate" ] && { echo "$candidate"; return 0; }
  done
  return 1
}
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
if ! find_chromium >/dev/null && command -v apt-get >/dev/null; then
  echo "browser: installing chromium, its headless shell and CJK fonts with apt-get" >&2
  $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-headless-shell fonts-noto-cjk fontconfig >/dev/null \
    || DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-noto-cjk fontconfig >/dev/null
elif [ -z "${CHROMIUM:-}" ] && ! find_shell >/dev/null && command -v apt-get >/dev/null; then
  # Only the shell, where the system has one (Debian); without it the tests drive the full browser.
  echo "browser: installing chromium-headless-shell with apt-get" >&2
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium-headless-shell; } >/dev/null 2>&1 || true
fi
if browser=$(find_chromium); then
  # CJK fonts make Chinese pages legible in screenshots and PDFs.
  if command -v fc-list >/dev/null && ! fc-list :lang=zh | grep -q . && command -v apt-get >/dev/null && [ "$(id -u)" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null || true
  fi
  # fc-match tells `make pdf` which fonts print Chinese (edition/generators/pdf_fonts.py).
  if ! command -v fc-match >/dev/null && command -v apt-get >/dev/null && [ "$(id -u)" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fontconfig >/dev/null || true
  fi
  if ! command -v fc-match >/dev/null; then
    echo "browser: fc-match (fontconfig) not found: the PDFs cannot be printed (apt-get install fontconfig)" >&2
    [ "${CI:-}" = "true" ] && exit 1
  fi
  echo "browser: $browser ($("$browser" --version 2>/dev/null | head -n1))"
  if [ -z "${CHROMIUM:-}" ]; then
    if shell=$(find_shell); then
      echo "browser: tests drive $shell ($("$shell" --version 2>/dev/null | head -n1))"
    else
      echo "browser: no chromium-headless-shell: the tests drive $browser, at some three times the CPU time a page" >&2
    fi
  fi
  exit 0
fi
echo "browser: no Chromium found (set CHROMIUM=/path/to/chromium, or apt-get install chromium)" >&2
[ "${CI:-}" = "true" ] && exit 1
echo "browser: the browser tests will fail without it" >&2
exit 1
