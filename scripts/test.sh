#!/usr/bin/env bash
# npm test: the vitest suite in its three tiers, then the proof stage on what the suite's builds
# left, with the type check (tsc --noEmit) alongside the proof stage, whose checker leaves a core
# free. Fails if any of them fails; each says what failed.
set -uo pipefail
cd "$(dirname "$0")/.."
npx vitest run
suite=$?
npx tsc --noEmit &
tsc=$!
proof=0
if [ $suite -eq 0 ]; then
  npx vitest run --config vitest.proof.config.ts
  proof=$?
else
  echo "npm test: the suite failed (above); the proof stage needs its builds and is not run" >&2
fi
wait $tsc
types=$?
[ $types -eq 0 ] || echo "npm test: tsc --noEmit found type errors (above)" >&2
[ $types -eq 0 ] && [ $suite -eq 0 ] && [ $proof -eq 0 ]
