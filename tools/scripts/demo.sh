#!/usr/bin/env bash
# The demo: install and build Pier, start a Docker engine if none answers, build a tiny app image
# (busybox httpd web + a worker, FROM scratch) and deploy it with zero-downtime checks.
# State goes to ./.demo (override with PIER_ROOT). `npm run demo:clean` removes everything.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source tools/scripts/setup.sh
bash tools/docker/ensure-engine.sh

export PIER_ROOT="${PIER_ROOT:-$PWD/.demo}"
IMAGE=pier-demo/web-worker:latest
pier() { echo "\$ pier $*"; node packages/cli/bin/pier.js "$@"; }

if [ "${1:-}" = "--clean" ]; then
  node packages/cli/bin/pier.js apps:exists demo 2>/dev/null && pier --force apps:destroy demo
  node -e "import('./tools/docker/images.mjs').then((m) => m.removeImages(['$IMAGE']))"
  rm -rf "$PIER_ROOT"
  echo "-----> Demo removed"
  exit 0
fi

echo "-----> Building the demo image $IMAGE"
node tools/docker/build-app-image.mjs "$IMAGE" e2e/fixtures/apps/web-worker >/dev/null

node packages/cli/bin/pier.js apps:exists demo 2>/dev/null || pier apps:create demo
# Loopback only: every web container gets its own 127.0.0.1 port (an engine started by
# ensure-engine.sh has no bridge network).
pier scheduler-docker-local:set demo network-mode host
pier ps:scale --skip-deploy demo web=2 worker=1
pier deploy demo "$IMAGE"
pier ps:report demo

cat <<MSG

-----> The demo app is running. Try:
       PIER_ROOT=$PIER_ROOT npx pier ps:scale demo web=3
       PIER_ROOT=$PIER_ROOT npx pier deploy demo $IMAGE
       PIER_ROOT=$PIER_ROOT npx pier logs demo -n 5
       npm run demo:clean
MSG
