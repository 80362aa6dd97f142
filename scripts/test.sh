#!/bin/sh
# npm test: the type check (tsc --noEmit) runs beside jest, whose workers spend much of their time
# waiting on child processes; its report is printed after jest's, and either failing fails the run.
# Arguments go to jest (e.g. npm test -- __tests__/config).
set -u
mkdir -p .build
tsc --noEmit > .build/typecheck.log 2>&1 &
typecheck=$!
jest "$@"
tests=$?
if ! wait "$typecheck"; then
  cat .build/typecheck.log
  echo "Type check failed: tsc --noEmit reported the errors above."
  exit 1
fi
exit "$tests"
