#!/usr/bin/env bash
# Startup: `concur list` (through the launcher, as users run it) against a bare JVM that prints one
# line, on the same JDK. Prints the median wall time of each over N runs (default 20) and the ratio.
set -euo pipefail
home=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=../main/sh/find-jdk.sh
. "$home/src/main/sh/find-jdk.sh"
jdk=$(find_jdk)
runs=${1:-20}

"$home/concur" list >/dev/null # builds if needed and writes the class-data archive
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' >"$tmp/Hello.java"
"$jdk/bin/javac" -d "$tmp" "$tmp/Hello.java"

# Median wall-clock milliseconds of a command over $runs runs.
median_ms() {
  local i start end
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    echo $(((end - start) / 1000000))
  done | sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'
}

bare=$(median_ms "$jdk/bin/java" -cp "$tmp" Hello)
concur=$(median_ms "$home/concur" list)
echo "JDK: $jdk ($runs runs each)"
echo "bare JVM printing one line: $bare ms"
echo "concur list:                $concur ms"
awk -v c="$concur" -v b="$bare" 'BEGIN { printf "ratio:                      %.2fx (target: within 2x)\n", c / b }'
