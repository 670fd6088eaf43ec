# Sourced by bin/run, bin/test and .ci/run: points JAVA_HOME at a Java 25 JDK.
# An existing JAVA_HOME is kept when it is Java 25 or newer.
java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}'
}
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" && "$(java_major "$JAVA_HOME")" -ge 25 ]]; then
  :
else
  JAVA_HOME=""
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25* /usr/lib/jvm/*; do
    if [[ -x "$candidate/bin/java" && "$(java_major "$candidate")" -ge 25 ]]; then
      JAVA_HOME="$candidate"
      break
    fi
  done
  if [[ -z "$JAVA_HOME" ]]; then
    echo "Cairn needs a Java 25 JDK: install one (for example Temurin 25) or set JAVA_HOME to it." >&2
    exit 1
  fi
fi
export JAVA_HOME
