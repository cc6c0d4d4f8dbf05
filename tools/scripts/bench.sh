#!/usr/bin/env bash
# Runs every benchmark in bench/ (each prints one JSON line on stdout and a summary on stderr)
# and writes the JSON lines to bench/results/latest.jsonl.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source tools/scripts/setup.sh
mkdir -p bench/results
: > bench/results/latest.jsonl
for bench in bench/*.mjs; do
  if grep -q 'needs: docker' "$bench"; then bash tools/docker/ensure-engine.sh; fi
  echo "-----> $bench" >&2
  node "$bench" >> bench/results/latest.jsonl
done
echo "-----> Results in bench/results/latest.jsonl" >&2
