#!/usr/bin/env bash
# Starts the conformance server (production heartbeat, so 10,000 idle clients are not pinged every
# 300 ms), opens N idle connections to it and prints the server's memory per idle connection.
#
# Usage: bench/run.sh [connections=10000]   JAVA_OPTS="-Xmx512m -XX:+UseSerialGC" to compare GCs,
#        HISTOGRAM=30 to print the 30 classes holding the most heap with 10,000 connections open
# Needs: socketio-conformance/target/socketio-conformance.jar (mvn -pl socketio,socketio-conformance package)
set -euo pipefail
cd "$(dirname "$0")"
connections="${1:-10000}"
port="${PORT:-3900}"
jar=../target/socketio-conformance.jar

# one descriptor per connection on both sides: as high as this shell may go
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
if [ "$(ulimit -n)" -le "$connections" ]; then
  echo "open-file limit $(ulimit -n) is too low for $connections connections" >&2
  exit 1
fi
[ -d node_modules ] || npm ci --no-audit --no-fund >/dev/null

# shellcheck disable=SC2086
java ${JAVA_OPTS:--Xmx1g} -jar "$jar" --server.port="$port" \
  --conformance.ping-interval=25s --conformance.ping-timeout=20s --conformance.connect-timeout=45s \
  >server.log 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 60); do
  curl -s -o /dev/null "http://localhost:$port/socket.io/?EIO=4&transport=polling" && break
  sleep 0.5
done
sleep 2 # let start-up garbage go before the first measurement
node idle-connections.mjs "http://localhost:$port" "$server" "$connections"
