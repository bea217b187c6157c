package com.ticketing.launcher.faults;

import com.ticketing.launcher.ServiceProcess;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;

/**
 * A Kafka cluster of three KRaft nodes (each broker and controller, a static quorum), every node a
 * process of its own ({@code ./ticketing kafka-node}) that can be killed with -9 and started again on
 * its kept log directory. Internal topics are replicated three times with {@code min.insync.replicas} 2,
 * as the contract's topics are.
 */
final class KafkaCluster implements AutoCloseable {

    static final int SIZE = 3;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");

    /** One node: its id, where clients reach it, its quorum port and its files. */
    record Member(int id, int port, int controllerPort, Path config) {
    }

    private final List<Member> members;
    private final Path launcherJar;
    private final Path logDir;
    private final String clusterId = Uuid.randomUuid().toString();
    private final Map<Integer, ServiceProcess> running = new HashMap<>();

    private KafkaCluster(List<Member> members, Path launcherJar, Path logDir) {
        this.members = members;
        this.launcherJar = launcherJar;
        this.logDir = logDir;
    }

    /** Writes every node's configuration under {@code dataDir}, starts them, and waits for all three to be registered. */
    static KafkaCluster start(Path dataDir, Path launcherJar, Path logDir) throws IOException, InterruptedException {
        List<Member> members = new ArrayList<>();
        for (int id = 1; id <= SIZE; id++) {
            members.add(new Member(id, FreePorts.next(), FreePorts.next(), dataDir.resolve("kafka-" + id + ".properties")));
        }
        String voters = members.stream().map(m -> m.id() + "@localhost:" + m.controllerPort())
                .collect(Collectors.joining(","));
        for (Member member : members) {
            write(member.config(), nodeProperties(member, voters, dataDir.resolve("kafka-" + member.id())));
        }
        KafkaCluster cluster = new KafkaCluster(members, launcherJar, logDir);
        for (Member member : members) {
            cluster.startNode(member.id());
        }
        cluster.awaitRegistered(SIZE, START_TIMEOUT);
        return cluster;
    }

    String bootstrapServers() {
        return members.stream().map(m -> "localhost:" + m.port()).collect(Collectors.joining(","));
    }

    List<Member> members() {
        return members;
    }

    long pid(int nodeId) {
        return running.get(nodeId).pid();
    }

    /** Kills node {@code nodeId} at once (SIGKILL to the process this cluster started). */
    void kill(int nodeId) throws InterruptedException {
        running.get(nodeId).kill();
    }

    /** Starts node {@code nodeId} again on its kept log directory and waits until the cluster has all nodes again. */
    void restart(int nodeId) throws IOException, InterruptedException {
        startNode(nodeId);
        awaitRegistered(SIZE, START_TIMEOUT);
    }

    /** The node that leads the most partitions of the given topics now. */
    int leaderOfMostPartitions(Admin admin, List<String> topics) throws InterruptedException {
        Map<Integer, Integer> led = new HashMap<>();
        try {
            for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
                for (TopicPartitionInfo partition : topic.partitions()) {
                    if (partition.leader() != null) {
                        led.merge(partition.leader().id(), 1, Integer::sum);
                    }
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not describe the topics: " + e.getMessage(), e);
        }
        return led.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    /** Waits until {@code expected} brokers are registered and unfenced. */
    void awaitRegistered(int expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastProblem = "no answer";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
            while (System.nanoTime() < deadline) {
                for (ServiceProcess node : running.values()) {
                    if (!node.isAlive()) {
                        throw new IllegalStateException(node.name() + " exited with code " + node.exitValue()
                                + "; see " + node.log());
                    }
                }
                try {
                    var nodes = admin.describeCluster().nodes().get(10, TimeUnit.SECONDS);
                    if (nodes.size() >= expected) {
                        return;
                    }
                    lastProblem = nodes.stream().map(Node::idString).collect(Collectors.joining(",", "nodes [", "]"));
                } catch (ExecutionException | TimeoutException notYet) {
                    lastProblem = notYet.getMessage();
                }
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("the Kafka cluster did not have " + expected + " brokers within "
                + timeout.toSeconds() + " s (" + lastProblem + "); logs in " + logDir);
    }

    private void startNode(int nodeId) throws IOException {
        Member member = members.get(nodeId - 1);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-jar", launcherJar.toString(), "kafka-node", member.config().toString(), clusterId));
        running.put(nodeId, ServiceProcess.startCommand("kafka-" + nodeId, command, member.port(), "", Map.of(), logDir));
    }

    private static Properties nodeProperties(Member member, String voters, Path logDir) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", Integer.toString(member.id()));
        p.setProperty("controller.quorum.voters", voters);
        p.setProperty("listeners", "PLAINTEXT://localhost:" + member.port() + ",CONTROLLER://localhost:" + member.controllerPort());
        p.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + member.port());
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toAbsolutePath().toString());
        // What a production cluster of three runs with: every internal topic on all three, writes on two.
        p.setProperty("default.replication.factor", "3");
        p.setProperty("min.insync.replicas", "2");
        p.setProperty("offsets.topic.replication.factor", "3");
        p.setProperty("transaction.state.log.replication.factor", "3");
        p.setProperty("transaction.state.log.min.isr", "2");
        p.setProperty("share.coordinator.state.topic.replication.factor", "3");
        p.setProperty("share.coordinator.state.topic.min.isr", "2");
        p.setProperty("unclean.leader.election.enable", "false");
        // How long the controller waits for a silent broker before it moves that broker's leaderships away
        // (Kafka's default is 9 s): a killed leader's partitions accept writes again within about 7 s, not 12.
        p.setProperty("broker.session.timeout.ms", "6000");
        p.setProperty("broker.heartbeat.interval.ms", "1500");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "false");
        return p;
    }

    private static void write(Path file, Properties properties) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, "a node of the ./ticketing faults cluster");
        }
    }

    /** Stops every node that still runs (SIGTERM, a clean shutdown). */
    @Override
    public void close() {
        running.values().forEach(ServiceProcess::close);
    }
}
