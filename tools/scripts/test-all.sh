#!/usr/bin/env bash
# The whole test suite, exactly as CI runs it: install, build, start a Docker engine if none
# answers, then type checks, unit tests, end-to-end tests against the real engine.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source tools/scripts/setup.sh

bash tools/docker/ensure-engine.sh
# One full suite at a time per machine (another checkout's run shares the engine and the temp
# dir): the sweep below would take a running suite's roots for a killed one's. Taken after the
# engine is up, so that a dockerd started above does not inherit (and hold) the lock.
exec 9>"${TMPDIR:-/tmp}/pier-test-suite.lock"
if ! flock -n 9; then
  echo "-----> Another npm test is running on this machine; waiting for it to finish"
  flock 9
fi
# A run that was killed could not clean up: its containers would meet this run's (same names).
node tools/docker/sweep-test-leftovers.mjs

echo "-----> Type checks"
npx --no-install nx run-many -t typecheck --output-style=static
echo "-----> Unit and integration tests"
npx --no-install nx run-many -t test --output-style=static --parallel=2
echo "-----> End-to-end tests (built pier binary, real Docker engine)"
npx --no-install nx run-many -t e2e --output-style=static --parallel=1
# The swarm scheduler's integration tests need a swarm manager; here they start a throwaway
# swarm on the engine themselves and leave it afterwards (run serially, after the e2e suite).
echo "-----> Docker Swarm integration tests (throwaway single-node swarm)"
(cd packages/scheduler-docker-swarm && PIER_SWARM_TESTS=init npm test --silent -- src/lifecycle.swarm.test.ts)
echo "-----> Release dry run (independent versions, changelogs, publish contents)"
bash tools/scripts/release-dry-run.sh
