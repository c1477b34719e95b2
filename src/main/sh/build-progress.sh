# shellcheck shell=bash
# What the build is doing, from Maven's log: each plugin step, and a count of downloads. On a terminal
# it is one line redrawn in place; otherwise a line per step, so a CI log shows where the time went.
build_progress() {
  local line what="" downloads=0 shown=""
  while IFS= read -r line; do
    case $line in
      *"--- "*" ---"*)
        case $line in
          *":compile "*) what="compiling concur" ;;
          *"copy-fray"*) what="copying Fray, for concur verify" ;;
          *"copy-runtime-deps"*) what="copying the libraries" ;;
          *":jar "*) what="packaging concur.jar" ;;
          *"picocli"*) what="preparing picocli" ;;
          *) continue ;;
        esac
        ;;
      Downloading*|*"Downloading from"*)
        downloads=$((downloads + 1))
        what="downloading Maven and the libraries ($downloads files so far)"
        ;;
      *) continue ;;
    esac
    [ "$what" = "$shown" ] && continue
    shown=$what
    if [ -t 2 ]; then
      printf '\r\033[2Kconcur: building: %s' "${what:0:70}" >&2
    elif [[ $what != downloading* ]] || [ $((downloads % 50)) -eq 1 ]; then
      echo "concur: building: $what" >&2 # in a log, every 50th download is enough
    fi
  done
  [ -t 2 ] && printf '\r\033[2K' >&2
  return 0
}
