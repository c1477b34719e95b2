#!/usr/bin/env bash
# Latency a learner feels, measured in a real terminal (tmux): from Enter on `concur lesson threads`
# to the first step on screen, and from the key that moves to step 2 to that step's first output
# line. Medians over N rounds (default 5). Needs tmux.
set -euo pipefail
home=$(cd "$(dirname "$0")/../.." && pwd)
rounds=${1:-5}
"$home/concur" --version >/dev/null # build first: the build is not what we measure

now_ms() { echo $(($(date +%s%N) / 1000000)); }
screen() { tmux -L "$socket" capture-pane -p -t bench; }
# Milliseconds until the screen shows $1 (polled every few milliseconds).
wait_for() {
  local start=$1 text=$2
  until screen | grep -qF -- "$text"; do sleep 0.005; done
  echo $(($(now_ms) - start))
}
median() { sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'; }

open_times=() step_times=()
for ((i = 0; i < rounds; i++)); do
  socket="concur-bench-$$-$i" # a server per round: reusing one races with the last one's exit
  tmux -L "$socket" new-session -d -s bench -x 120 -y 50 "cd '$home' && bash --norc"
  sleep 0.3
  tmux -L "$socket" send-keys -t bench "./concur lesson threads" && start=$(now_ms) && tmux -L "$socket" send-keys -t bench Enter
  open_times+=("$(wait_for "$start" "threads · step 1/7")")
  wait_for "$(now_ms)" "passed 1" >/dev/null # step 1 runs to the end before the keys are read
  start=$(now_ms) && tmux -L "$socket" send-keys -t bench Enter
  step_times+=("$(wait_for "$start" "each thread deposited")")
  tmux -L "$socket" send-keys -t bench q
  tmux -L "$socket" kill-server 2>/dev/null || true
done
echo "Enter on 'concur lesson threads' to step 1 on screen: median $(printf '%s\n' "${open_times[@]}" | median) ms (${open_times[*]})"
echo "Enter on step 1 to step 2's first output line:        median $(printf '%s\n' "${step_times[@]}" | median) ms (${step_times[*]})"
