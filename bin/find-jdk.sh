# Finds a JDK 21 or newer for Portcullis's launcher and its test command. Sourced, not run.

java_major() { # prints the major version of the java binary $1, or 0
  local v
  v=$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1)
  case "$v" in 1.*) echo "${v#1.}" | cut -d. -f1 ;; "") echo 0 ;; *) echo "${v%%.*}" ;; esac
}

ok_jdk() { [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ "$(java_major "$1/bin/java")" -ge 21 ]; }

find_jdk() { # prints a JAVA_HOME with java and javac 21 or newer: JAVA_HOME, then PATH, then the newest installed
  if [ -n "${JAVA_HOME:-}" ] && ok_jdk "$JAVA_HOME"; then echo "$JAVA_HOME"; return 0; fi
  if command -v javac >/dev/null 2>&1; then
    local onpath
    onpath="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
    if ok_jdk "$onpath"; then echo "$onpath"; return 0; fi
  fi
  local dir best="" best_major=0 major
  for dir in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
             "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$dir/bin/java" ] && [ -x "$dir/bin/javac" ] || continue
    major=$(java_major "$dir/bin/java")
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best="$dir"; best_major=$major; fi
  done
  [ -n "$best" ] || return 1
  echo "$best"
}

