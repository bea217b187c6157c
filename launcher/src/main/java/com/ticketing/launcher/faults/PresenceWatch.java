package com.ticketing.launcher.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Watches presence for a sample of the run's users from the fault on: presence is right when each one is
 * online with exactly its client's current socket, on a gateway that is running. Reported: how long after
 * the fault it was last seen wrong (0 if never), and whether it was right at the end.
 */
final class PresenceWatch implements AutoCloseable {

    private static final Duration EVERY = Duration.ofMillis(500);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Where presence is asked and what the clients say their sockets are. */
    interface Truth {
        Map<String, String> socketIds(List<String> users);

        Set<String> liveGateways();
    }

    private final String gatewayUrl;
    private final String adminToken;
    private final List<String> users;
    private final Truth truth;
    private final long faultAt = System.nanoTime();
    private final Thread watcher;
    private volatile boolean watching = true;
    private volatile long lastWrongNanos = -1;
    private volatile boolean rightNow;
    private volatile String lastProblem = "";

    PresenceWatch(String gatewayUrl, String adminToken, List<String> users, Truth truth) {
        this.gatewayUrl = gatewayUrl;
        this.adminToken = adminToken;
        this.users = List.copyOf(users);
        this.truth = truth;
        watcher = new Thread(this::watch, "fault-presence-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void watch() {
        while (watching) {
            String problem = problem();
            if (!watching) {
                return; // closed while asking: that answer says nothing about presence
            }
            rightNow = problem == null;
            if (problem != null) {
                lastWrongNanos = System.nanoTime();
                lastProblem = problem;
            }
            try {
                Thread.sleep(EVERY.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** What is wrong with presence now, or null when it is right for every sampled user. */
    private String problem() {
        try {
            Map<String, String> expected = truth.socketIds(users);
            Set<String> live = truth.liveGateways();
            for (String user : users) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/presence/users/" + user))
                        .header("Authorization", "Bearer " + adminToken).timeout(Duration.ofSeconds(3)).build();
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    return user + ": HTTP " + response.statusCode();
                }
                JsonNode sockets = JSON.readTree(response.body()).path("sockets");
                if (sockets.size() != 1 || !sockets.get(0).path("socketId").asString("").equals(expected.get(user))
                        || !onLiveGateway(sockets.get(0).path("instanceId").asString(""), live)) {
                    return user + ": " + sockets + " (its socket: " + expected.get(user) + ")";
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** A gateway's instance id is its configured name and a suffix of the process: {@code gateway-b-1f2e3d4c}. */
    private static boolean onLiveGateway(String instanceId, Set<String> live) {
        return live.stream().anyMatch(name -> instanceId.startsWith(name + "-"));
    }

    /** Seconds from the fault until presence was last seen wrong; 0 when it never was. */
    double wrongFor() {
        long last = lastWrongNanos;
        return last < 0 ? 0 : (last - faultAt + EVERY.toNanos()) / 1e9;
    }

    boolean rightAtTheEnd() {
        return rightNow;
    }

    String lastProblem() {
        return lastProblem;
    }

    @Override
    public void close() throws InterruptedException {
        watching = false;
        watcher.interrupt();
        watcher.join(5_000);
    }
}
