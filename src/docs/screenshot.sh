#!/usr/bin/env bash
# Renders what concur shows in a real terminal to a PNG for the README: tmux runs the command,
# capture-pane keeps its colours, aha turns them into HTML, headless Chromium takes the picture.
# Usage: src/docs/screenshot.sh OUT.png COLUMNS ROWS COMMAND...   (needs tmux, aha, chromium)
set -euo pipefail
out=$(realpath -m "$1") cols=$2 rows=$3
shift 3
home=$(cd "$(dirname "$0")/../.." && pwd)
socket="concur-shot-$$"
tmp=$(mktemp -d)
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$tmp"' EXIT

tmux -L "$socket" new-session -d -s shot -x "$cols" -y "$rows" "cd '$home' && TERM=xterm-256color $* ; echo '[done]'; sleep 60"
until tmux -L "$socket" capture-pane -p -t shot | grep -q '^\[done\]'; do sleep 0.2; done
tmux -L "$socket" capture-pane -e -p -t shot | grep -v '^\[done\]' | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' >"$tmp/pane.ansi"

lines=$(wc -l <"$tmp/pane.ansi")
aha --black --no-header <"$tmp/pane.ansi" >"$tmp/body.html"
cat >"$tmp/page.html" <<HTML
<!doctype html><meta charset="utf-8">
<style>body{margin:0;background:#000}pre{margin:0;padding:12px;font:14px/1.25 'DejaVu Sans Mono',monospace;color:#ddd;white-space:pre}</style>
<pre>$(cat "$tmp/body.html")</pre>
HTML
width=$((cols * 85 / 10 + 24))
height=$((lines * 175 / 10 + 24))
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$tmp/profile" --hide-scrollbars \
  --window-size="$width,$height" --screenshot="$out" "file://$tmp/page.html" >/dev/null 2>&1
echo "$out"
