#!/usr/bin/env bash
# What a release would do, without doing it: each package under packages/ is versioned on its own
# from the conventional commits since its last tag (`<package>@<version>`), gets its own
# CHANGELOG.md entry, and `npm publish --dry-run` shows the tarball it would publish. Nothing is
# written, committed, tagged or published. Run by tools/scripts/test-all.sh (CI).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false

log=$(mktemp)
trap 'rm -f "$log"' EXIT
run() {
  if ! "$@" >"$log" 2>&1; then cat "$log"; exit 1; fi
}

echo "-----> nx release version + changelog (dry run)"
run npx --no-install nx release --dry-run --skip-publish
grep -E 'to get new version|No changes were detected' "$log" | sed 's/^/       /' || true

echo "-----> nx release publish (dry run: builds, then npm publish --dry-run per package)"
run npx --no-install nx release publish --dry-run --output-style=static
echo "       $(grep -c 'Would publish to' "$log") packages would be published"
