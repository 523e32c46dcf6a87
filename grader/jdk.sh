# Sourced by ./grade and grader/flaky: find_jdk prints the home of a JDK 21 or newer (JAVA_HOME,
# then the javac on PATH, then the usual install folders), or fails.
# The feature version of the JDK at $1 (a JDK home), or nothing if it is not a usable JDK.
jdk_version() {
  local home="$1" v=""
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  if [ -f "$home/release" ]; then
    v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" | head -n 1)"
  fi
  if [ -z "$v" ]; then
    v="$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)"
  fi
  [ "$v" = "1" ] && v=8
  echo "$v"
}

find_jdk() {
  local candidates=() c v
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  # LOCKSTEP_JDK_DIRS replaces the usual install folders (a space-separated list of globs).
  local dirs="${LOCKSTEP_JDK_DIRS-/usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /opt/*/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home $HOME/.sdkman/candidates/java/* $HOME/.jdks/* $HOME/.local/share/mise/installs/java/*}"
  for c in $dirs; do
    [ -d "$c" ] && candidates+=("$c")
  done
  for c in ${candidates[@]+"${candidates[@]}"}; do
    v="$(jdk_version "$c")"
    if [ -n "$v" ] && [ "$v" -ge 21 ] 2>/dev/null; then
      echo "$c"
      return 0
    fi
  done
  return 1
}
