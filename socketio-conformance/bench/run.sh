#!/usr/bin/env bash
# Starts the conformance server (production heartbeat, so 10,000 idle clients are not pinged every
# 300 ms), opens N idle connections to it and prints the server's memory per idle connection.
#
# Usage: bench/run.sh [connections=10000]      JAVA_OPTS="-Xmx512m -XX:+UseSerialGC" to compare GCs
# Needs: socketio-conformance/target/socketio-conformance.jar (mvn -pl socketio,socketio-conformance package)
set -euo pipefail
cd "$(dirname "$0")"
connections="${1:-10000}"
port="${PORT:-3900}"
jar=../target/socketio-conformance.jar

ulimit -n 65536 # one descriptor per connection on both sides
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
