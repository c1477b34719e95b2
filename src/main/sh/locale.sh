# Sourced by the concur launcher. Java spells file names in the character set of the locale's
# LC_CTYPE; under LANG=C or POSIX that is ASCII, and a lesson named café.md, an example in grüße/
# or a home folder /home/josé cannot even be named (every such path is an InvalidPathException).

# Makes character types UTF-8 when they are not, keeping the learner's language for messages;
# LC_ALL overrides LC_CTYPE, so when it is set it must change instead. Shell builtins only.
use_utf8_for_file_names() {
  case "${LC_ALL:-${LC_CTYPE:-${LANG:-}}}" in
    *[Uu][Tt][Ff]-8* | *[Uu][Tt][Ff]8*) return 0 ;;
  esac
  if [ -n "${LC_ALL:-}" ]; then
    export LC_ALL=C.UTF-8
  else
    export LC_CTYPE=C.UTF-8
  fi
}
