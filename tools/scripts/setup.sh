#!/usr/bin/env bash
# Installs what Pier needs on a fresh machine and builds it: npm packages (when node_modules is
# missing or older than the lockfile) and every package's dist/. Sourced by demo.sh and test-all.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false CI="${CI:-}"
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "-----> Installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

echo "-----> Building packages"
npx --no-install nx run-many -t build --output-style=static >/tmp/pier-build.log 2>&1 || { cat /tmp/pier-build.log; exit 1; }
