#!/usr/bin/env bash
# Install the Debian packages plangraph's tests need, if any is missing:
#   fonts-noto-cjk  CJK font for the network figures (matplotlib)
#   fonts-wqy-microhei  TrueType CJK font the tests use to write PDF fixtures
#   chromium        headless browser for the page test
#   libgomp1 libssl3  system libraries of FalkorDB's falkordb.so
#   openjdk-17-jdk-headless maven  Java 17 and Maven for the Neo4j test server (tools/neo4j-server),
#                   only when `javac` / `mvn` are not on PATH already
set -euo pipefail
need=()
for pkg in fonts-noto-cjk fonts-wqy-microhei chromium libgomp1 libssl3; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
command -v javac >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
[ ${#need[@]} -eq 0 ] && exit 0
echo "installing Debian packages: ${need[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y --no-install-recommends "${need[@]}" >/dev/null 2>&1 || {
  $SUDO apt-get update -qq
  $SUDO apt-get install -y --no-install-recommends "${need[@]}" || {
    echo "error: could not install the Debian packages ${need[*]} (the Neo4j test server needs" \
         "openjdk-17-jdk-headless and maven); install them, then run make test again" >&2
    exit 1
  }
}
