package com.ticketing.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) running inside this JVM
 * on a fixed port, keeping its log directory across restarts so topics and records survive.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private final KafkaRaftServer server;
    private final int port;

    private EmbeddedKafka(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Formats {@code logDir} if it is new, then starts the broker on {@code localhost:port}. */
    public static EmbeddedKafka start(Path logDir, int port, int controllerPort) throws IOException {
        return start(logDir, port, brokerProperties(logDir, port, controllerPort));
    }

    /**
     * A broker as a secured cluster runs one: clients must authenticate with SCRAM-SHA-512 on
     * {@code localhost:port}, over TLS when {@code tls} is given (SASL_SSL), else in plaintext
     * (SASL_PLAINTEXT); the standard authorizer refuses whatever no ACL allows, and {@code superUser}
     * (created at format time, as for a new cluster) may do anything. The controller listener is
     * plaintext on loopback only: the broker's own connection to its controller.
     */
    public static EmbeddedKafka startScram(Path logDir, int port, int controllerPort, String superUser,
                                           String superPassword, Tls tls) throws IOException {
        String protocol = tls == null ? "SASL_PLAINTEXT" : "SASL_SSL";
        Properties p = brokerProperties(logDir, port, controllerPort);
        p.setProperty("listeners", "CLIENT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.setProperty("advertised.listeners", "CLIENT://localhost:" + port);
        p.setProperty("inter.broker.listener.name", "CLIENT");
        p.setProperty("listener.security.protocol.map", "CLIENT:" + protocol + ",CONTROLLER:PLAINTEXT");
        p.setProperty("sasl.enabled.mechanisms", "SCRAM-SHA-512");
        p.setProperty("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512");
        p.setProperty("listener.name.client.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + superUser
                        + "\" password=\"" + superPassword + "\";");
        if (tls != null) {
            p.setProperty("ssl.keystore.location", tls.keystore().toString());
            p.setProperty("ssl.keystore.password", tls.password());
            p.setProperty("ssl.keystore.type", "PKCS12");
            p.setProperty("ssl.truststore.location", tls.certificate().toString()); // the broker calls itself
            p.setProperty("ssl.truststore.type", "PEM");
        }
        p.setProperty("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.setProperty("allow.everyone.if.no.acl.found", "false");
        // ANONYMOUS is the broker itself on the plaintext controller listener.
        p.setProperty("super.users", "User:" + superUser + ";User:ANONYMOUS");
        return start(logDir, port, p, "--add-scram", "SCRAM-SHA-512=[name=" + superUser + ",password=" + superPassword + "]");
    }

    /** The broker's TLS identity: a PKCS12 key store, its password, and its certificate in PEM for clients to trust. */
    public record Tls(Path keystore, String password, Path certificate) {
    }

    private static EmbeddedKafka start(Path logDir, int port, Properties properties, String... formatOptions)
            throws IOException {
        Files.createDirectories(logDir);
        Path configFile = logDir.resolveSibling("kafka-server.properties");
        try (Writer writer = Files.newBufferedWriter(configFile)) {
            properties.store(writer, "written by ./ticketing local");
        }
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(logDir, configFile, formatOptions); // once: a formatted directory keeps its cluster id, topics and records
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        server.startup();
        return new EmbeddedKafka(server, port);
    }

    /**
     * One node of a cluster of several, from its properties file (static quorum in
     * {@code controller.quorum.voters}): formats its log directory with {@code clusterId} the first time,
     * then starts it. The fault suite runs each such node as a process of its own.
     */
    public static EmbeddedKafka startNode(Path configFile, String clusterId) throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(configFile)) {
            properties.load(reader);
        }
        Path logDir = Path.of(properties.getProperty("log.dirs"));
        Files.createDirectories(logDir);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(logDir, List.of("format", "-t", clusterId, "-c", configFile.toString()));
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        server.startup();
        String clientListener = properties.getProperty("listeners").split(",")[0]; // PLAINTEXT://host:port
        return new EmbeddedKafka(server, Integer.parseInt(clientListener.substring(clientListener.lastIndexOf(':') + 1)));
    }

    /** Blocks until the broker has shut down (a shutdown hook's {@link #close}, or a fatal error). */
    public void awaitShutdown() {
        server.awaitShutdown();
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private static void format(Path logDir, Path configFile, String... options) {
        String clusterId = Uuid.randomUuid().toString();
        List<String> arguments = new ArrayList<>(List.of("format", "-t", clusterId, "-c", configFile.toString(),
                "--standalone"));
        arguments.addAll(List.of(options));
        format(logDir, arguments);
    }

    private static void format(Path logDir, List<String> arguments) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = StorageTool.execute(arguments.toArray(String[]::new), new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException("could not format the Kafka log directory " + logDir + ": "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }

    private static Properties brokerProperties(Path logDir, int port, int controllerPort) {
        Properties p = nodeProperties(1, logDir, port, controllerPort, 1);
        p.setProperty("controller.quorum.bootstrap.servers", "localhost:" + controllerPort);
        p.setProperty("num.partitions", "1");
        return p;
    }

    /**
     * A combined broker and controller on loopback: plaintext clients on {@code port}, the quorum on
     * {@code controllerPort}, every internal topic on {@code replicas} nodes (written on two of them from three).
     * The caller adds how the node finds its quorum.
     */
    public static Properties nodeProperties(int nodeId, Path logDir, int port, int controllerPort, int replicas) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", Integer.toString(nodeId));
        p.setProperty("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toAbsolutePath().toString());
        String writes = Integer.toString(replicas >= 3 ? 2 : 1);
        p.setProperty("offsets.topic.replication.factor", Integer.toString(replicas));
        p.setProperty("transaction.state.log.replication.factor", Integer.toString(replicas));
        p.setProperty("transaction.state.log.min.isr", writes);
        p.setProperty("share.coordinator.state.topic.replication.factor", Integer.toString(replicas));
        p.setProperty("share.coordinator.state.topic.min.isr", writes);
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "false");
        return p;
    }
}
