# syntax=docker/dockerfile:1
# The image of any of the three services; the build arguments say which:
#   SERVICE        the Maven module (gateway-service, message-service, listing-events-service)
#   PORT_VARIABLE  the environment variable its server port is read from (GATEWAY_PORT, ...)
#   DEFAULT_PORT   the port it listens on when that variable is not set
# Build from the repository root (the whole Maven reactor is the build context), for example:
#   docker build --build-arg SERVICE=gateway-service --build-arg PORT_VARIABLE=GATEWAY_PORT \
#       --build-arg DEFAULT_PORT=3000 -t ticketing/gateway-service .
# docker-compose.yml does this for every service.

FROM maven:3.9-eclipse-temurin-17 AS build
ARG SERVICE
WORKDIR /src
COPY . .
# Only this module and the modules it depends on; the Maven cache survives between builds (BuildKit).
RUN --mount=type=cache,target=/root/.m2 \
    test -n "${SERVICE}" \
    && mvn -B -q -pl "${SERVICE}" -am -DskipTests package \
    && cp "${SERVICE}/target/${SERVICE}.jar" /src/service.jar

FROM eclipse-temurin:17-jre
ARG PORT_VARIABLE
ARG DEFAULT_PORT
# curl for the health check only: the Temurin images no longer ship it.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system ticketing \
    && useradd --system --gid ticketing --home-dir /app --shell /usr/sbin/nologin ticketing \
    && mkdir -p /app/state \
    && chown -R ticketing:ticketing /app
WORKDIR /app
COPY --from=build --chown=ticketing:ticketing /src/service.jar /app/service.jar
USER ticketing
# Kafka Streams (gateway, listing-events-service) keeps its RocksDB state in /app/state; mount a volume to keep it.
# JVM: a fixed 512 MB heap with the serial collector, measured with ./ticketing bench fanout on 2 cores: the least
# CPU per delivery and a flat RSS near 500 MB; G1 cost 15-30 % more CPU for no better p99, and a heap relative to
# the host (MaxRAMPercentage=75 gave 17.7 GB on a 24 GB machine) let RSS grow past 1 GB. An idle gateway socket
# holds about 5 KB of heap: raise -Xmx (JAVA_TOOL_OPTIONS at run time) for more than about 50,000 per instance.
# The replay window of recovery (ticketing.socketio.recovery.memory, 64 MB) is direct memory, outside -Xmx.
ENV PORT_VARIABLE=${PORT_VARIABLE} \
    DEFAULT_PORT=${DEFAULT_PORT} \
    JAVA_TOOL_OPTIONS="-Xms512m -Xmx512m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError" \
    TICKETING_STREAMS_STATE_DIR=/app/state
EXPOSE ${DEFAULT_PORT}
# The port the service really listens on: its port variable when set (compose may), else the default.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=6 \
    CMD port="$(printenv "$PORT_VARIABLE" || echo "$DEFAULT_PORT")" \
        && curl -fsS "http://127.0.0.1:${port}/actuator/health" > /dev/null || exit 1
ENTRYPOINT ["java", "-jar", "/app/service.jar"]
