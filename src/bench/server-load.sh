#!/usr/bin/env bash
# Load on the coroutines lesson's C7 server (lessons/coroutines/HelloServer.java, run by
# java/HelloLoadServer.java) and on the same server in today's aiohttp (python/hello_server.py), from
# wrk in a separate process over loopback, in windows of SECONDS (default 30; try 5 first):
#   - with the lesson's 0.5 s handler at 100, 1,000 and 5,000 connections, against Little's law: with
#     every connection always waiting on one request, at most connections / 0.5 s requests per second;
#   - with a zero-delay handler at 100 connections: what the server itself costs per request.
# Then the T6 demo, 100,000 virtual threads each sleeping 1 s (java/SleepingThreads.java): median
# start-to-join wall time over 5 runs. Installs wrk and python3-aiohttp from Debian when missing.
set -euo pipefail
home=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=../main/sh/find-jdk.sh
. "$home/src/main/sh/find-jdk.sh"
jdk=$(find_jdk)
seconds=${1:-30}
max_connections=5000
python=/usr/bin/python3 # Debian's python3-aiohttp installs here, not into a pyenv python earlier on PATH

missing=()
command -v wrk >/dev/null || missing+=(wrk)
"$python" -c 'import aiohttp' 2>/dev/null || missing+=(python3-aiohttp)
if ((${#missing[@]})); then
  if [ "$(id -u)" != 0 ]; then
    echo "missing ${missing[*]}: install them (apt-get install ${missing[*]}) or run this as root" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Every connection is a file descriptor in wrk and another in the server (both inherit this limit;
# the default soft limit of 1024 would stop wrk's connects well before 5,000).
hard=$(ulimit -Hn)
if [ "$hard" = unlimited ] || [ "$hard" -gt 65536 ]; then hard=65536; fi
ulimit -n "$hard"
if [ "$hard" -lt $((max_connections + 1000)) ]; then
  echo "open-files limit $hard is too low for $max_connections connections" >&2
  exit 1
fi

out="$home/target/bench/server-load"
mkdir -p "$out"
"$jdk/bin/javac" -d "$out" "$home/lessons/coroutines/HelloServer.java" \
  "$home/src/bench/java/HelloLoadServer.java" "$home/src/bench/java/SleepingThreads.java"

tmp=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT # exit, so that the EXIT trap stops the server (a background job ignores Ctrl-C)
trap 'exit 143' TERM

# Starts a server (the command in "$@", which prints "listening on PORT") in the background and sets
# $port. Its output goes to a file, shown if it never gets that far. One server runs at a time.
start_server() {
  local log="$tmp/server.log" i
  "$@" >"$log" 2>&1 &
  server_pid=$!
  port=""
  for ((i = 0; i < 300; i++)); do # up to 30 s
    port=$(sed -n 's/^listening on \([0-9][0-9]*\)$/\1/p' "$log")
    [ -n "$port" ] && return 0
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "server did not start: $*" >&2
  cat "$log" >&2
  exit 1
}

stop_server() {
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

# One wrk load. Two threads: with one, wrk's single event loop could itself become the limit.
# --timeout 5s: a request without an answer for 5 s counts as a timeout. `timeout` bounds wrk in
# case it hangs (--foreground: so that Ctrl-C still reaches wrk).
wrk_load() { # connections duration
  timeout --foreground -k 5 $(($2 + 60)) wrk -t2 -c"$1" -d"$2"s --timeout 5s "http://127.0.0.1:$port/hello/world"
}

# Runs one measured load. Sets rps[KEY] and errors[KEY], and row[KEY] for the table: server, delay,
# connections, requests/s, bound, % of bound, average latency, errors. KEY is "server delay_ms
# connections".
declare -A rps errors row
measure() { # server delay_ms connections
  local key="$1 $2 $3" result bound percent non2xx
  result=$(wrk_load "$3" "$seconds")
  rps[$key]=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$result")
  # wrk prints "Socket errors: connect 0, read 0, write 0, timeout 0" only when there were some.
  errors[$key]=$(sed -n 's/^ *Socket errors: connect \([0-9]*\), read \([0-9]*\), write \([0-9]*\), timeout \([0-9]*\)$/\1\/\2\/\3\/\4/p' <<<"$result")
  errors[$key]=${errors[$key]:-0/0/0/0}
  non2xx=$(awk -F': *' '/Non-2xx or 3xx responses/ { print $2 }' <<<"$result")
  if [ -n "$non2xx" ]; then errors[$key]="${errors[$key]}, non-2xx $non2xx"; fi
  if [ "$2" -gt 0 ]; then
    bound=$(($3 * 1000 / $2))
    percent=$(awk -v r="${rps[$key]}" -v b="$bound" 'BEGIN { printf "%.1f%%", 100 * r / b }')
  else
    bound=- percent=-
  fi
  row[$key]="$1|$2 ms|$3|${rps[$key]}|$bound|$percent|$(awk '$1 == "Latency" { print $2; exit }' <<<"$result")|${errors[$key]}"
}

# Before each measured window, the same load for 5 s (not measured), the same for both servers: the
# JVM's compiler has then done its work, and the first burst of connections has been accepted once.
warm_up() { wrk_load "$1" 5 >/dev/null; }

loads=("500 100" "500 1000" "500 $max_connections" "0 100") # delay_ms connections
for server in java aiohttp; do
  for delay in 500 0; do
    if [ $server = java ]; then
      # Each load gets the collector it wants: with thousands of slow requests G1's pauses of 15-77 ms
      # cost about half a point of the bound, so ZGC; for raw throughput, G1 (ZGC costs a quarter).
      gc=-XX:+UseG1GC
      [ "$delay" -gt 0 ] && gc=-XX:+UseZGC
      start_server "$jdk/bin/java" "$gc" -cp "$out" HelloLoadServer $delay
    else
      start_server "$python" "$home/src/bench/python/hello_server.py" $delay
    fi
    for load in "${loads[@]}"; do
      read -r load_delay connections <<<"$load"
      if [ "$load_delay" = $delay ]; then
        warm_up "$connections"
        measure $server $delay "$connections"
      fi
    done
    stop_server
  done
done

echo "JDK: $jdk; aiohttp $("$python" -c 'import aiohttp; print(aiohttp.__version__)'); $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
echo "wrk -t2 --timeout 5s, GET /hello/world, $seconds s per load, $(nproc) cores"
echo "bound: connections / delay (Little's law); errors: wrk's socket errors connect/read/write/timeout"
# wrk counts only completed requests, and each connection's requests follow one another: in a window of
# T seconds, a connection whose requests take even slightly over 0.5 s completes T / 0.5 - 1 of them,
# so even a perfect server shows (T - 0.5) / T of the bound: 98.3% in 30 s, 90% in 5 s.
echo "(a perfect server shows $(awk -v t="$seconds" 'BEGIN { printf "%.1f%%", 100 * (t - 0.5) / t }') of the bound in $seconds s: the request in flight at the end is not counted)"
for load in "${loads[@]}"; do
  for server in java aiohttp; do printf '%s\n' "${row[$server $load]}"; done
done | awk -F'|' 'BEGIN { f = "%-8s %6s %12s %11s %7s %11s %12s  %s\n"
                         printf f, "server", "delay", "connections", "requests/s", "bound", "% of bound", "avg latency", "errors" }
                  { printf f, $1, $2, $3, $4, $5, $6, $7, $8 }'
echo
big="500 $max_connections"
awk -v r="${rps[java $big]}" -v c="$max_connections" -v e="${errors[java $big]}" \
  'BEGIN { printf "java, 0.5 s, %d connections: %.1f%% of the bound, errors %s (target: at least 98%%, no errors)\n", c, 100 * r / (2 * c), e }'
awk -v j="${rps[java 0 100]}" -v a="${rps[aiohttp 0 100]}" \
  'BEGIN { printf "java / aiohttp, zero delay, 100 connections: %.2fx (target: at least 2x)\n", j / a }'
awk -v j1="${rps[java 500 100]}" -v a1="${rps[aiohttp 500 100]}" -v j2="${rps[java 500 1000]}" -v a2="${rps[aiohttp 500 1000]}" \
    -v j3="${rps[java $big]}" -v a3="${rps[aiohttp $big]}" -v c="$max_connections" \
  'BEGIN { printf "java / aiohttp, 0.5 s, 100 / 1000 / %d connections: %.2fx / %.2fx / %.2fx (target: at least 1x)\n", c, j1 / a1, j2 / a2, j3 / a3 }'

# Each run in a JVM of its own, as the demo is run. The burst lasts about a second on 2 cores: C1 only,
# so C2's compiler threads do not take the cores from the carriers, and a young generation large
# enough that no collection runs during it (without these flags: 1.4-1.8 s).
times=()
for ((i = 0; i < 5; i++)); do
  times+=("$("$jdk/bin/java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn1g -cp "$out" SleepingThreads)")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }')
echo "100,000 virtual threads sleeping 1 s, start to join: median $median s (${times[*]}) (target: 1.2 s)"
