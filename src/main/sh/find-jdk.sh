# Finds a JDK 21 or newer; sourced by the concur launcher and the benchmarks so both use the same one.
# Defines find_jdk, which prints the JDK's home folder, or fails when there is none.

# Major version of the JDK at $1, read from its release file with shell builtins only: the launcher
# runs on every concur command, and each forked process costs milliseconds.
jdk_major() {
  local line version=""
  [ -r "$1/release" ] || return 1
  while IFS= read -r line; do
    case $line in
      JAVA_VERSION=*) version=${line#JAVA_VERSION=}; version=${version//\"/}; break ;;
    esac
  done <"$1/release"
  version=${version#1.}
  version=${version%%[.+-]*}
  [[ $version =~ ^[0-9]+$ ]] && echo "$version"
}

# A usable JDK has a compiler (concur compiles examples in-process) and is 21 or newer.
usable_jdk() {
  local major
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  major=$(jdk_major "$1") || return 1
  [ "$major" -ge 21 ]
}

# The usual install folders of Linux packages, SDKMAN!, IntelliJ and macOS.
jdk_install_dirs() {
  local dir
  for dir in /usr/lib/jvm/* /usr/java/* /usr/local/java/* /opt/java/* /opt/jdk* \
             "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* \
             /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$dir" ] && echo "$dir"
  done
  return 0
}

# JAVA_HOME first, then the java on PATH, then the newest JDK in the install folders.
find_jdk() {
  local candidate on_path best="" best_major=0 major
  if [ -n "${JAVA_HOME:-}" ] && usable_jdk "$JAVA_HOME"; then
    echo "$JAVA_HOME"; return 0
  fi
  if on_path=$(command -v java 2>/dev/null); then
    candidate=$(dirname "$(dirname "$(readlink -f "$on_path")")")
    if usable_jdk "$candidate"; then echo "$candidate"; return 0; fi
  fi
  while IFS= read -r candidate; do
    usable_jdk "$candidate" || continue
    major=$(jdk_major "$candidate")
    if [ "$major" -gt "$best_major" ]; then best="$candidate"; best_major=$major; fi
  done < <(jdk_install_dirs)
  [ -n "$best" ] && echo "$best"
}
