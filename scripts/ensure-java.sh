#!/usr/bin/env bash
# The W3C Nu HTML validator (vnu.jar, from npm: package.json) runs on Java, 11 or later.
# Find `java`; install a headless runtime with apt-get where it is missing.
# With CI=true a runtime that cannot be found or installed fails the run.
set -uo pipefail
if ! command -v java >/dev/null && command -v apt-get >/dev/null; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  echo "java: installing default-jre-headless with apt-get" >&2
  $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq default-jre-headless >/dev/null
fi
if command -v java >/dev/null; then
  echo "java: $(command -v java) ($(java -version 2>&1 | head -n1))"
  exit 0
fi
echo "java: no Java runtime found (apt-get install default-jre-headless); the HTML validation test will fail without it" >&2
exit 1
