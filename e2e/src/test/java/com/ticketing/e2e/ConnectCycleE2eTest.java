package com.ticketing.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.events.topic.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A signed-in user cycling CONNECT and DISCONNECT of the main namespace on one WebSocket, as fast as
 * the server answers: every CONNECT is answered, at most ten in any ten seconds are accepted (contract
 * section 3, limits), and the presence topic gets the records of the accepted ones only (a connect and
 * a disconnect each), not one per step. (A DISCONNECT for a namespace the socket is not in closes the
 * connection, as in the reference server, so the loop disconnects only what was accepted.)
 */
class ConnectCycleE2eTest {

    private static final int CYCLES = 1_000;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private final E2eStack stack = E2eStack.get();

    @Test
    void aThousandConnectDisconnectCyclesOnOneWebSocketAreAnsweredButWriteOnlyTheAllowedPresenceRecords()
            throws Exception {
        String user = "cycler-" + UUID.randomUUID().toString().substring(0, 8);
        String gateway = stack.gateway(0);
        Queue<String> packets = new ConcurrentLinkedQueue<>();
        BlockingQueue<String> connectAnswers = new LinkedBlockingQueue<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(gateway.replace("http://", "ws://") + "/socket.io/?EIO=4&transport=websocket"),
                        collecting(packets, connectAnswers))
                .get(20, TimeUnit.SECONDS);
        Awaitility.await().atMost(WAIT).until(() -> packets.stream().anyMatch(packet -> packet.startsWith("0{")));
        String connect = "40{\"token\":\"" + stack.token(user) + "\"}";

        long began = System.nanoTime();
        for (int i = 1; i <= CYCLES; i++) {
            socket.sendText(connect, true).get(20, TimeUnit.SECONDS);
            String answer = connectAnswers.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(answer).as("the answer to CONNECT %d; the last packets: %s", i, last(packets)).isNotNull();
            if (answer.startsWith("40{")) {
                socket.sendText("41", true).get(20, TimeUnit.SECONDS);
            }
        }
        long elapsedMs = (System.nanoTime() - began) / 1_000_000;
        socket.abort();

        long accepted = answers(packets, "40{");
        System.out.printf("%,d CONNECT/DISCONNECT cycles on one WebSocket answered in %d ms: %d accepted, %,d refused%n",
                CYCLES, elapsedMs, accepted, answers(packets, "44{"));
        long windows = 1 + elapsedMs / 10_000;
        assertThat(accepted).as("at most 10 connection attempts per 10 s are accepted (%d ms)", elapsedMs)
                .isBetween(10L, 10L * windows);
        assertThat(packets).filteredOn(packet -> packet.startsWith("44{"))
                .allMatch(packet -> packet.contains("Too many connection attempts"));
        // Each accepted connection wrote one connected and one disconnected record; nothing else was written.
        Awaitility.await().atMost(WAIT).until(() -> presenceRecordsOf(user) == 2 * accepted);
        assertThat(presenceRecordsOf(user)).isEqualTo(2 * accepted);
    }

    private static List<String> last(Queue<String> packets) {
        List<String> all = List.copyOf(packets);
        return all.subList(Math.max(0, all.size() - 5), all.size()).stream()
                .map(packet -> packet.length() > 120 ? packet.substring(0, 120) + "…" : packet).toList();
    }

    private static long answers(Queue<String> packets, String prefix) {
        return packets.stream().filter(packet -> packet.startsWith(prefix)).count();
    }

    /** Reads the whole presence topic up to its current end and counts the records keyed by {@code user}. */
    private static long presenceRecordsOf(String user) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, E2eStack.kafka(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.PRESENCE_EVENTS.name()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long count = 0;
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (user.equals(record.key())) {
                        count++;
                    }
                }
            }
            return count;
        }
    }

    /** Collects every text message (an Engine.IO packet each), answering the server's pings. */
    private static WebSocket.Listener collecting(Queue<String> packets, BlockingQueue<String> connectAnswers) {
        return new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    String packet = partial.toString();
                    partial.setLength(0);
                    if (packet.equals("2")) {
                        webSocket.sendText("3", true);
                    }
                    packets.add(packet);
                    if (packet.startsWith("40{") || packet.startsWith("44{")) {
                        connectAnswers.add(packet);
                    }
                }
                webSocket.request(1);
                return CompletableFuture.completedFuture(null);
            }
        };
    }
}
