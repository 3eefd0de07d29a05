#!/usr/bin/env bash
# The flake proof of issue 16: the whole test suite N times in a row (default 5) while two
# busy processes take both cores, as on a loaded CI machine. Stops at the first failure.
# Usage: scripts/loaded-runs.sh [N]   (after `make test` has set everything up once)
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
yes >/dev/null & busy1=$!
yes >/dev/null & busy2=$!
trap 'kill "$busy1" "$busy2" 2>/dev/null' EXIT
passed=0
for run in $(seq 1 "$runs"); do
  start=$(date +%s)
  if PYTEST_ADDOPTS="-q -p no:cacheprovider" make -s pytest >"/tmp/loaded-run-$run.log" 2>&1; then
    passed=$((passed + 1))
    echo "run $run/$runs: $(tail -n 1 "/tmp/loaded-run-$run.log") ($(( $(date +%s) - start )) s)"
  else
    echo "run $run/$runs FAILED ($(( $(date +%s) - start )) s): see /tmp/loaded-run-$run.log"
    grep -E "^(FAILED|ERROR)" "/tmp/loaded-run-$run.log"
    break
  fi
done
echo "$passed of $runs runs passed under load"
[ "$passed" -eq "$runs" ]
