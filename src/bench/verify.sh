#!/usr/bin/env bash
# `concur verify` measured, for issue 10's targets on a 2-core machine:
#   1. first use: linking the Fray JDK into an empty cache (time, and the disk it takes);
#   2. from a save to the interleaving on screen, for the starting (buggy) code of a race exercise,
#      and to PASS for its reference solution with the full schedule budget: medians over N runs
#      (default 10; targets: at most 3 s and 10 s);
#   3. plain stress against it: how many of 200 fresh `java` runs of each explore exercise's starting
#      code fail (the reason concur explores schedules at all).
# Usage: src/bench/verify.sh [RUNS] [EXERCISE]   (default: 10 lost-increments)
set -euo pipefail
home=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=../main/sh/find-jdk.sh
. "$home/src/main/sh/find-jdk.sh"
jdk=$(find_jdk)
runs=${1:-10}
exercise=${2:-lost-increments}

"$home/concur" list >/dev/null # builds if needed
lessons=()
for file in "$home"/lessons/*.md; do [ "${file##*/}" = README.md ] || lessons+=("$file"); done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export CONCUR_WORKSPACE="$tmp/workspace" XDG_CACHE_HOME="$tmp/cache"

# The exercise's files, from its directive in the lessons.
directive=$(grep -h "<!-- concur:.*name=$exercise " "${lessons[@]}" | head -1)
lesson=$(grep -l "<!-- concur:.*name=$exercise " "${lessons[@]}" | head -1)
start="$(dirname "$lesson")/$(sed -E 's/.*exercise=([^ ]+).*/\1/' <<<"$directive")"
solution="$(dirname "$lesson")/$(sed -E 's/.*solution=([^ ]+).*/\1/' <<<"$directive")"
mine="$CONCUR_WORKSPACE/exercises/$exercise/$(basename "$start")"

ms() { echo $(($(date +%s%N) / 1000000)); }
median() { sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'; }

t0=$(ms)
"$home/concur" verify "$exercise" >/dev/null 2>&1 || true
t1=$(ms)
echo "first verify, linking the Fray JDK into an empty cache: $((t1 - t0)) ms"
du -sh "$XDG_CACHE_HOME"/concur/* 2>/dev/null | sed 's/^/  cache: /'

# Each run: touch the learner's file (a save), then verify it as watch would.
timed_verify() {
  local i start
  for ((i = 0; i < runs; i++)); do
    cp "$1" "$mine"
    start=$(ms)
    "$home/concur" verify "$exercise" >"$tmp/out" 2>&1 || true
    grep -q "$2" "$tmp/out" || { echo "unexpected output:" >&2; cat "$tmp/out" >&2; exit 1; }
    echo $(($(ms) - start))
  done | median
}
echo "save to the interleaving on screen (starting code), median of $runs: $(timed_verify "$start" '<-') ms (target: 3000)"
echo "save to PASS (solution, full budget), median of $runs:          $(timed_verify "$solution" '^PASS') ms (target: 10000)"

echo "plain stress, 200 fresh JVMs of each explore exercise's starting code:"
grep -h "<!-- concur:.*check=explore" "${lessons[@]}" | while read -r line; do
  name=$(sed -E 's/.*name=([^ ]+).*/\1/' <<<"$line")
  file=$(sed -E 's/.*exercise=([^ ]+).*/\1/' <<<"$line")
  src="$home/lessons/$file"
  mkdir -p "$tmp/classes/$name"
  "$jdk/bin/javac" -d "$tmp/classes/$name" "$src"
  class=$(basename "$src" .java)
  failed=0
  for ((i = 0; i < 200; i++)); do
    timeout 20 "$jdk/bin/java" -cp "$tmp/classes/$name" "$class" >/dev/null 2>&1 || failed=$((failed + 1))
  done
  echo "  $name: $failed of 200 runs failed"
done
