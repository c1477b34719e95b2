#!/usr/bin/env bash
# The floor under the lesson screen's start. In tmux at 80x24, as src/bench/lesson-latency.sh measures
# `concur lesson threads 2`, the milliseconds from Enter until a line shows, for
#   shell     a shell's printf: what the measuring itself costs
#   jvm       a JVM that prints the line
#   terminal  a JVM that opens JLine's system terminal as concur does, takes the alternate screen and draws
#             the line with JLine's Display (src/bench/java/TerminalFloor.java)
#   concur    concur lesson threads 2, to its step's heading
# Each JVM runs with the launcher's flags and a start-up archive of its own, trained first, as concur's is.
# Usage: src/bench/start-floor.sh [ROUNDS]   (default 10; the rounds interleave the four). Needs tmux.
set -euo pipefail
home=$(cd "$(dirname "$0")/../.." && pwd)
cd "$home"
rounds=${1:-10}
./concur lesson threads 0 >/dev/null 2>&1 || true # builds, and trains the screen's archive
jdk=$(cat target/jdk)
# shellcheck source=../main/sh/find-jdk.sh
. src/main/sh/find-jdk.sh
data=$(mktemp -d)
trap 'for s in "$data"/*.sock; do tmux -S "$s" kill-server 2>/dev/null || true; done; rm -rf "$data"' EXIT

jline=$(ls target/lib/jline-*.jar)
mkdir "$data/classes"
"$jdk/bin/javac" -d "$data/classes" -cp "$jline" src/bench/java/TerminalFloor.java
printf 'public class Line { public static void main(String[] a) throws Exception {\n' >"$data/Line.java"
printf '  System.out.println(System.getProperty("floor.line")); System.in.read(); } }\n' >>"$data/Line.java"
"$jdk/bin/javac" -d "$data/classes" "$data/Line.java"
"$jdk/bin/jar" cf "$data/floor.jar" -C "$data/classes" .
flags=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData --enable-native-access=ALL-UNNAMED -Xmx128m)
line="threads · step 2/"

# A start-up archive per program, as the launcher makes concur's (JDK 25's AOT cache; a CDS archive before).
archive() { # name, main class: prints the flag that uses its archive
  local file="$data/$1"
  if [ "$(jdk_major "$jdk")" -ge 25 ]; then
    "$jdk/bin/java" "${flags[@]}" -XX:AOTMode=record -XX:AOTConfiguration="$file.conf" -cp "$data/floor.jar:$jline" \
      "-Dfloor.line=$line" "$2" once </dev/null >/dev/null 2>&1
    "$jdk/bin/java" "${flags[@]}" -XX:AOTMode=create -XX:AOTConfiguration="$file.conf" -XX:AOTCache="$file.aot" \
      -cp "$data/floor.jar:$jline" "$2" >/dev/null 2>&1
    echo "-XX:AOTCache=$file.aot"
  else
    "$jdk/bin/java" "${flags[@]}" -XX:ArchiveClassesAtExit="$file.jsa" -cp "$data/floor.jar:$jline" \
      "-Dfloor.line=$line" "$2" once </dev/null >/dev/null 2>&1
    echo "-XX:SharedArchiveFile=$file.jsa"
  fi
}
run_java() { # archive flag, main class
  printf '%q ' "$jdk/bin/java" "${flags[@]}" "$1" -Xlog:aot=off -Xlog:cds=off -cp "$data/floor.jar:$jline" \
    "-Dfloor.line=$line" "$2"
}
declare -A command=(
  [shell]="printf '%s\\n' '$line'; read -r x"
  [jvm]="$(run_java "$(archive line Line)" Line)"
  [terminal]="$(run_java "$(archive terminal TerminalFloor)" TerminalFloor)"
  [concur]="./concur lesson threads 2"
)
order=(shell jvm terminal concur)

now() { date +%s%N; }
declare -A times
for round in $(seq "$rounds"); do
  for name in "${order[@]}"; do
    socket="$data/$name-$round.sock"
    tmux -S "$socket" new-session -d -s floor -x 80 -y 24 \
      "cd '$home' && export TERM=xterm-256color CONCUR_WORKSPACE='$data/ws' XDG_DATA_HOME='$data/xdg'; exec bash --norc"
    sleep 0.5
    tmux -S "$socket" send-keys -t floor "${command[$name]}"
    start=$(now)
    tmux -S "$socket" send-keys -t floor Enter
    deadline=$((start + 30000000000))
    until tmux -S "$socket" capture-pane -p -t floor | grep -qF -- "$line"; do
      [ "$(now)" -lt "$deadline" ] || { echo "timed out: $name" >&2; exit 1; }
      sleep 0.005
    done
    times[$name]="${times[$name]:-} $((($(now) - start) / 1000000))"
    tmux -S "$socket" kill-server
  done
done
echo "JDK: $jdk; Enter until the line shows, median of $rounds rounds (ms):"
for name in "${order[@]}"; do
  # shellcheck disable=SC2086 # the times are words
  sorted=$(printf '%s\n' ${times[$name]} | sort -n | tr '\n' ' ')
  printf '  %-8s %4s   (%s)\n' "$name" "$(echo "$sorted" | awk '{ print $(int((NF + 1) / 2)) }')" "${sorted% }"
done
