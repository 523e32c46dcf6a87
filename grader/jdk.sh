# Sourced by ./grade, grader/flaky and grader/bench-watch: find_jdk prints the home of a JDK 21 or
# newer (JAVA_HOME, then the javac on PATH, then the usual install folders), or fails; then
# no_jdk says so, naming the older Java it found, if any. grade.cmd mirrors this for Windows.

# The feature version of the Java at $1 (a Java home) from its release file or `java -version`,
# or nothing if there is no java there or it does not say.
java_version() {
  local home="$1" v=""
  [ -x "$home/bin/java" ] || return 0
  if [ -f "$home/release" ]; then
    v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" | head -n 1)"
  fi
  if [ -z "$v" ]; then
    v="$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)"
  fi
  [ "$v" = "1" ] && v=8
  echo "$v"
}

# The feature version of the JDK at $1 (a JDK home), or nothing if it is not a usable JDK (no javac).
jdk_version() {
  [ -x "$1/bin/javac" ] || return 0
  java_version "$1"
}

# The Java homes to look at, in order, one a line, each once: JAVA_HOME, the javac's and then the
# java's on PATH, then the usual install folders.
java_candidates() {
  local c seen=$'\n' all=()
  [ -n "${JAVA_HOME:-}" ] && all+=("${JAVA_HOME%/}")
  for c in javac java; do
    if command -v "$c" >/dev/null 2>&1; then
      all+=("$(dirname "$(dirname "$(readlink -f "$(command -v "$c")")")")")
    fi
  done
  # LOCKSTEP_JDK_DIRS replaces the usual install folders (a space-separated list of globs).
  local dirs="${LOCKSTEP_JDK_DIRS-/usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /opt/*/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home $HOME/.sdkman/candidates/java/* $HOME/.jdks/* $HOME/.local/share/mise/installs/java/*}"
  for c in $dirs; do
    [ -d "$c" ] && all+=("${c%/}")
  done
  for c in ${all[@]+"${all[@]}"}; do
    case "$seen" in *$'\n'"$c"$'\n'*) continue ;; esac
    seen="$seen$c"$'\n'
    echo "$c"
  done
}

find_jdk() {
  local c v
  while IFS= read -r c; do
    v="$(jdk_version "$c")"
    if [ -n "$v" ] && [ "$v" -ge 21 ] 2>/dev/null; then
      echo "$c"
      return 0
    fi
  done < <(java_candidates)
  return 1
}

# The Java that find_jdk looked at and could not use, as "HOME (Java N)" (", no javac" for a
# runtime without the compiler), comma-separated; nothing if there was none.
unusable_javas() {
  local c v list=""
  while IFS= read -r c; do
    v="$(java_version "$c")"
    [ -n "$v" ] || continue
    if [ -x "$c/bin/javac" ]; then
      list="${list:+$list, }$c (Java $v)"
    else
      list="${list:+$list, }$c (Java $v, no javac)"
    fi
  done < <(java_candidates)
  echo "$list"
}

# Says on stderr, for the program $1, that no JDK 21 or newer was found, and which older Java was.
no_jdk() {
  local found
  found="$(unusable_javas)"
  if [ -n "$found" ]; then
    echo "$1: Lockstep needs a JDK 21 or newer, and found only $found." >&2
  else
    echo "$1: Lockstep needs a JDK 21 or newer, and none was found." >&2
  fi
  printf '%s\n' "  Looked at JAVA_HOME, the javac and java on PATH, and the usual install folders" \
    "  (/usr/lib/jvm, /opt/java, /Library/Java/JavaVirtualMachines, ~/.sdkman, ~/.jdks)." \
    "  Install a JDK 21 or newer (for example Temurin 21 or 25), then set JAVA_HOME to it." >&2
}
