#!/usr/bin/env bash
# One step's overhead (cached compile + child JVM + harness) against `java Example.java` on the same
# file and JDK: medians over N runs (default 20). See java/StepOverhead.java.
set -euo pipefail
home=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=../main/sh/find-jdk.sh
. "$home/src/main/sh/find-jdk.sh"
jdk=$(find_jdk)
"$home/concur" --version >/dev/null # builds the jar if needed
out="$home/target/bench"
mkdir -p "$out"
"$jdk/bin/javac" -d "$out" -cp "$home/target/concur.jar" "$home/src/bench/java/StepOverhead.java"
"$jdk/bin/java" -cp "$home/target/concur.jar:$out" StepOverhead "${1:-20}"
