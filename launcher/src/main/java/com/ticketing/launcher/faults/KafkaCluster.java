package com.ticketing.launcher.faults;

import com.ticketing.launcher.EmbeddedKafka;
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
    /** Where a cut proxy sends new connections: nothing listens on port 1, so they fail at once. */
    private static final int DEAD_PORT = 1;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    /** Small and quick to start; its log says what a pause is read from (logback-fault-node.xml). */
    private static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Dlogback.configurationFile=logback-fault-node.xml");

    /**
     * One node: its id, the ports it listens on (clients, quorum), its files, and on a proxied cluster the
     * proxy in front of its client listener (the address it advertises, so clients and the other brokers'
     * replication reach it only through that proxy); null otherwise.
     */
    record Member(int id, int port, int controllerPort, Path config, LoadBalancer clientProxy) {
    }

    private final List<Member> members;
    /** {@code from -> to}: the proxy node {@code from} reaches node {@code to}'s controller through. */
    private final Map<String, LoadBalancer> quorumProxies;
    private final Path launcherJar;
    private final Path logDir;
    private final String clusterId = Uuid.randomUuid().toString();
    private final Map<Integer, ServiceProcess> running = new HashMap<>();

    private KafkaCluster(List<Member> members, Map<String, LoadBalancer> quorumProxies, Path launcherJar, Path logDir) {
        this.members = members;
        this.quorumProxies = quorumProxies;
        this.launcherJar = launcherJar;
        this.logDir = logDir;
    }

    /**
     * Writes every node's configuration under {@code dataDir}, starts them, and waits for all three to be
     * registered. On a {@code proxied} cluster every way into a node goes through a proxy of this process
     * (clients and replication through its client proxy, each other node's quorum traffic through a proxy of
     * that pair), so {@link #isolate} can cut one node off from everything on loopback. The proxies cost: every
     * byte of the cluster passes through this JVM, so only the partition scenario asks for them.
     */
    static KafkaCluster start(Path dataDir, Path launcherJar, Path logDir, boolean proxied)
            throws IOException, InterruptedException {
        List<Member> members = new ArrayList<>();
        for (int id = 1; id <= SIZE; id++) {
            int port = FreePorts.next();
            members.add(new Member(id, port, FreePorts.next(), dataDir.resolve("kafka-" + id + ".properties"),
                    proxied ? new LoadBalancer(port) : null));
        }
        Map<String, LoadBalancer> quorumProxies = new HashMap<>();
        for (Member from : members) {
            for (Member to : members) {
                if (proxied && from != to) {
                    quorumProxies.put(from.id() + ">" + to.id(), new LoadBalancer(to.controllerPort()));
                }
            }
        }
        for (Member member : members) {
            // Each node names the others' controllers by its own proxies to them (a static quorum's addresses
            // may differ per node; only the ids must agree).
            String voters = members.stream().map(voter -> {
                LoadBalancer proxy = quorumProxies.get(member.id() + ">" + voter.id());
                return voter.id() + "@localhost:" + (proxy == null ? voter.controllerPort() : port(proxy));
            }).collect(Collectors.joining(","));
            write(member.config(), nodeProperties(member, voters, dataDir.resolve("kafka-" + member.id())));
        }
        KafkaCluster cluster = new KafkaCluster(members, quorumProxies, launcherJar, logDir);
        try {
            for (Member member : members) {
                cluster.startNode(member.id());
            }
            cluster.awaitRegistered(SIZE, START_TIMEOUT);
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close(); // no node or proxy outlives a failed start
            throw e;
        }
    }

    /** Cuts node {@code nodeId} off: every connection to and from it through the proxies ends, and no new one opens. */
    void isolate(int nodeId) {
        if (quorumProxies.isEmpty()) {
            throw new IllegalStateException("only a proxied cluster can cut a node off");
        }
        for (LoadBalancer proxy : proxiesOf(nodeId)) {
            proxy.route(DEAD_PORT);
            proxy.dropConnections();
        }
    }

    /** Lets node {@code nodeId} be reached again. */
    void heal(int nodeId) {
        Member member = members.get(nodeId - 1);
        member.clientProxy().route(member.port());
        quorumProxies.forEach((pair, proxy) -> {
            if (touches(pair, nodeId)) {
                proxy.route(members.get(Integer.parseInt(pair.substring(pair.indexOf('>') + 1)) - 1).controllerPort());
            }
        });
    }

    private List<LoadBalancer> proxiesOf(int nodeId) {
        List<LoadBalancer> proxies = new ArrayList<>(List.of(members.get(nodeId - 1).clientProxy()));
        quorumProxies.forEach((pair, proxy) -> {
            if (touches(pair, nodeId)) {
                proxies.add(proxy);
            }
        });
        return proxies;
    }

    private static boolean touches(String pair, int nodeId) {
        String[] ends = pair.split(">");
        return Integer.parseInt(ends[0]) == nodeId || Integer.parseInt(ends[1]) == nodeId;
    }

    /** Where clients and the other brokers reach a node: its proxy on a proxied cluster, else its own port. */
    private static int advertisedPort(Member member) {
        return member.clientProxy() == null ? member.port() : port(member.clientProxy());
    }

    private static int port(LoadBalancer proxy) {
        return java.net.URI.create(proxy.url()).getPort();
    }

    String bootstrapServers() {
        return members.stream().map(m -> "localhost:" + advertisedPort(m)).collect(Collectors.joining(","));
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
        awaitWhole();
    }

    /**
     * Waits until all three brokers are registered and every partition has all three replicas in sync again,
     * so the next fault does not meet partitions still one replica short (below {@code min.insync.replicas}).
     */
    void awaitWhole() throws InterruptedException {
        awaitRegistered(SIZE, START_TIMEOUT);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            while (System.nanoTime() < deadline) {
                try {
                    var topics = admin.describeTopics(admin.listTopics().names().get(10, TimeUnit.SECONDS))
                            .allTopicNames().get(30, TimeUnit.SECONDS);
                    boolean inSync = topics.values().stream().flatMap(topic -> topic.partitions().stream())
                            .allMatch(partition -> partition.isr().size() == SIZE);
                    if (inSync) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException notYet) {
                    // asked again below
                }
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("partitions were still under-replicated " + START_TIMEOUT.toSeconds()
                + " s after the cluster had its three brokers back; logs in " + logDir);
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
        Properties p = EmbeddedKafka.nodeProperties(member.id(), logDir, member.port(), member.controllerPort(), SIZE);
        p.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + advertisedPort(member));
        p.setProperty("controller.quorum.voters", voters);
        // What a production cluster of three runs with: every topic on all three, writes on two.
        p.setProperty("default.replication.factor", Integer.toString(SIZE));
        p.setProperty("min.insync.replicas", "2");
        p.setProperty("unclean.leader.election.enable", "false");
        // How long the controller waits for a silent broker before it moves that broker's leaderships away
        // (Kafka's default is 9 s): a killed leader's partitions accept writes again within about 7 s, not 12.
        p.setProperty("broker.session.timeout.ms", "6000");
        p.setProperty("broker.heartbeat.interval.ms", "1500");
        return p;
    }

    private static void write(Path file, Properties properties) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, "a node of the ./ticketing faults cluster");
        }
    }

    /** Stops every node that still runs (SIGTERM, a clean shutdown), then the proxies. */
    @Override
    public void close() {
        running.values().forEach(ServiceProcess::close);
        for (Member member : members) {
            if (member.clientProxy() != null) {
                closeQuietly(member.clientProxy());
            }
        }
        quorumProxies.values().forEach(KafkaCluster::closeQuietly);
    }

    private static void closeQuietly(LoadBalancer proxy) {
        try {
            proxy.close();
        } catch (IOException ignored) {
            // stopping anyway
        }
    }
}
