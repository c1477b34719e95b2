#!/usr/bin/env bash
# How fast the lesson screen answers, as a person sees it in a terminal: tmux runs concur at 80x24 and
# this script polls the screen every 5 ms. Prints milliseconds for
#   start:  Enter on "concur lesson threads 2" until the step's heading is on screen
#   key:    a key (h, a hint) until the screen shows its answer
#   editor: an EDITOR that changes the example closes, until the re-run's first output line shows
# Usage: src/bench/lesson-latency.sh [ROUNDS] [TERM]   (default 5 rounds, xterm-256color, what most terminal
# emulators announce; tmux-256color, which JLine carries no description of, adds an infocmp process). Needs tmux.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-5}
term=${2:-xterm-256color}
./concur --version >/dev/null # build first: the build is not what we measure
./concur lesson threads 0 >/dev/null 2>&1 || true # nor the screen's start-up archive, trained on first use
data=$(mktemp -d)
socket="$data/tmux-0.sock" # a socket of its own each round (a new server on the old one can race its
# shutdown), gone with the folder
trap 'tmux -S "$socket" kill-server 2>/dev/null || true; rm -rf "$data"' EXIT
editor="$data/editor.sh"
printf '#!/bin/sh\nsed -i "s/expected balance: /expected balance (edited): /" "$1"\n' >"$editor"
chmod +x "$editor"

now() { date +%s%N; }
screen() { tmux -S "$socket" capture-pane -p -t bench; }
wait_for() { # text, start time: prints elapsed ms once the screen shows text
  local deadline=$(( $(now) + 60000000000 ))
  until screen | grep -qF -- "$1"; do
    [ "$(now)" -lt "$deadline" ] || { echo "timed out waiting for: $1" >&2; exit 1; }
    sleep 0.005
  done
  echo $(( ($(now) - $2) / 1000000 ))
}

for round in $(seq "$rounds"); do
  socket="$data/tmux-$round.sock"
  rm -rf "$data/ws" "$data/xdg"
  tmux -S "$socket" new-session -d -s bench -x 80 -y 24 \
    "cd '$PWD' && export TERM='$term' CONCUR_WORKSPACE='$data/ws' XDG_DATA_HOME='$data/xdg' EDITOR='$editor'; exec bash --norc"
  sleep 0.5
  tmux -S "$socket" send-keys -t bench './concur lesson threads 2'
  t=$(now); tmux -S "$socket" send-keys -t bench Enter
  start=$(wait_for "threads · step 2/" "$t")
  t=$(now); tmux -S "$socket" send-keys -t bench h
  key=$(wait_for "Hint 1/" "$t")
  t=$(now); tmux -S "$socket" send-keys -t bench e
  editor_ms=$(wait_for "expected balance (edited)" "$t")
  echo "round $round: start ${start} ms, key ${key} ms, editor to re-run's line ${editor_ms} ms"
  tmux -S "$socket" kill-server
done
