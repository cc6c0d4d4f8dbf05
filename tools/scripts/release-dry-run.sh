#!/usr/bin/env bash
# What a release would do, without doing it: each package under packages/ is versioned on its own
# from the conventional commits since its last tag (`<package>@<version>`), gets its own
# CHANGELOG.md entry, and `npm publish --dry-run` shows the tarball it would publish. Nothing is
# written, committed, tagged or published. Run by tools/scripts/test-all.sh (CI).
#
# Before the first release there are no tags: nx would take the version on disk as the last
# release and bump it, so the versions on disk would never be published. The first release
# therefore publishes the versions on disk as they are (see README, Releases), and so does
# this dry run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false

log=$(mktemp)
trap 'rm -f "$log"' EXIT
run() {
  if ! "$@" >"$log" 2>&1; then cat "$log"; exit 1; fi
}

first=()
if [ -z "$(git tag --list '@pier/*@*')" ]; then
  versions=$(node -e "const fs=require('fs');console.log([...new Set(fs.readdirSync('packages').filter((d)=>fs.existsSync('packages/'+d+'/package.json')).map((d)=>require('./packages/'+d+'/package.json').version))].join(' '))")
  if [ "$(wc -w <<<"$versions")" != 1 ]; then
    echo " !     No release tags yet and the packages have different versions ($versions): tag each package's first version by hand" >&2
    exit 1
  fi
  echo "-----> No release tags yet: the first release publishes the versions on disk ($versions)"
  first=("$versions" --first-release)
fi

echo "-----> nx release version + changelog (dry run)"
run npx --no-install nx release "${first[@]}" --dry-run --skip-publish
# With an explicit version nx also logs the bump it would have made; only the applied one counts.
applied='to get new version|No changes were detected'
[ ${#first[@]} -eq 0 ] || applied='explicit semver value'
grep -E "$applied" "$log" | sed 's/^/       /' || true

echo "-----> nx release publish (dry run: builds, then npm publish --dry-run per package)"
run npx --no-install nx release publish "${first[@]:1}" --dry-run --output-style=static
echo "       $(grep -c 'Would publish to' "$log") packages would be published"
