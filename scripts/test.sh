#!/usr/bin/env bash
# npm test: the type check and the three tiers of the suite at once (tsc uses one core while the
# suite waits on browsers and files), then the proof stage on what the suite's builds left.
# Fails if any of them fails; each says what failed.
set -uo pipefail
cd "$(dirname "$0")/.."
npx tsc --noEmit &
tsc=$!
npx vitest run
suite=$?
wait $tsc
types=$?
[ $types -eq 0 ] || echo "npm test: tsc --noEmit found type errors (above)" >&2
[ $suite -eq 0 ] || echo "npm test: the suite failed (above); the proof stage needs its builds and is not run" >&2
[ $types -eq 0 ] && [ $suite -eq 0 ] || exit 1
npx vitest run --config vitest.proof.config.ts
