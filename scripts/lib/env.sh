# Sourced by every script: finds a JDK >= 25, installs missing Debian packages, knows the layout.
# shellcheck shell=bash

XGATE_HOME=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export XGATE_HOME

xgate_java_major() { # prints the feature version of the JDK at $1
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'
}

xgate_find_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(xgate_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 25 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "xgate: no JDK 25 or newer found (looked at \$JAVA_HOME and /usr/lib/jvm/*)." >&2
  echo "xgate: install Temurin 25 or set JAVA_HOME to a JDK >= 25." >&2
  return 1
}

# Debian packages every command may need; installed once, quietly, when missing.
XGATE_PACKAGES=(maven tshark python3-scapy libipsec-mb1 iproute2 nftables tcpdump ethtool iputils-ping
  strongswan-charon strongswan-swanctl libcharon-extra-plugins)

xgate_install_packages() {
  local missing=() pkg
  for pkg in "${XGATE_PACKAGES[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "xgate: missing packages ${missing[*]}; run as root or install them with apt-get." >&2
    return 1
  fi
  echo "xgate: installing ${missing[*]} ..." >&2
  export DEBIAN_FRONTEND=noninteractive
  # tshark asks whether non-root users may capture; answer once, non-interactively.
  echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections 2>/dev/null || true
  if ! apt-get install -y -q "${missing[@]}" >/tmp/xgate-apt.log 2>&1; then
    apt-get update -q >>/tmp/xgate-apt.log 2>&1
    apt-get install -y -q "${missing[@]}" >>/tmp/xgate-apt.log 2>&1 || {
      echo "xgate: apt-get install failed, see /tmp/xgate-apt.log" >&2; return 1; }
  fi
}

XGATE_MVN_FLAGS=(-B -q -Dstyle.color=never)
# Maven itself runs on the JDK found above; silence its Unsafe deprecation noise on JDK 25.
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"

# Builds the reactor when any source or pom is newer than the last successful build.
xgate_build_if_stale() {
  local stamp="$XGATE_HOME/controlplane/target/.xgate-build-stamp"
  if [ -f "$stamp" ] && [ -z "$(find "$XGATE_HOME" -path "$XGATE_HOME/.git" -prune -o \
        \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -newer "$stamp" -print -quit)" ]; then
    return 0
  fi
  echo "xgate: building ..." >&2
  local log="$XGATE_HOME/target/xgate-build.log"
  mkdir -p "$XGATE_HOME/target"
  (cd "$XGATE_HOME" && mvn "${XGATE_MVN_FLAGS[@]}" -DskipTests package) >"$log" 2>&1 || {
    cat "$log" >&2; echo "xgate: build failed (log: $log)" >&2; return 1; }
  touch "$stamp"
}

XGATE_JVM_FLAGS=(--add-exports java.base/jdk.internal.misc=ALL-UNNAMED --enable-native-access=ALL-UNNAMED)

xgate_classpath() { # $1 = module whose jar and target/lib make the classpath
  local m="$XGATE_HOME/$1/target"
  echo "$m/$1-0.1.0-SNAPSHOT.jar:$m/lib/*"
}
