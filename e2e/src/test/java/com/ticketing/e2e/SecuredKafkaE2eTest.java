package com.ticketing.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.kafka.KafkaSecurity;
import com.ticketing.events.kafka.ServiceAcls;
import com.ticketing.events.payload.message.ConversationKey;
import com.ticketing.events.payload.message.SendMessageCommand;
import com.ticketing.events.serde.CloudEventSerde;
import com.ticketing.events.topic.Topic;
import com.ticketing.events.topic.TopicProvisioner;
import com.ticketing.events.topic.Topics;
import com.ticketing.launcher.EmbeddedKafka;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Kafka as a trust boundary (contract section 6): a broker that takes only TLS connections, authenticates
 * every client with SCRAM-SHA-512 and authorizes with ACLs, the three services as processes each with its own principal
 * and exactly the ACLs of {@link ServiceAcls}, real socket.io clients through the gateway; and a
 * principal without those ACLs, or another service's, cannot write what only one service may.
 */
class SecuredKafkaE2eTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String ADMIN = "admin";
    private static final String GATEWAY = "ticketing-gateway";
    private static final String MESSAGES = "ticketing-messages";
    private static final String LISTINGS = "ticketing-listings";
    private static final String MARKETPLACE = "marketplace-catalog";
    private static final String INTRUDER = "intruder";
    private static final String COMMANDS_GROUP = "message-service";
    private static final String LISTINGS_APPLICATION = "listing-events-service";

    private static EmbeddedKafka.Tls tls;
    private static EmbeddedKafka broker;
    private static String bootstrap;
    private static E2eStack stack;
    private static ClientAgent agent;
    private static Marketplace marketplace;
    private static String gateway;

    @BeforeAll
    static void startASecuredClusterAndThePlatformOnIt() throws Exception {
        Path dir = Path.of("target", "e2e", "secured-kafka-" + System.currentTimeMillis()).toAbsolutePath();
        int port = freePort();
        tls = selfSignedCertificate(dir.resolve("tls"));
        broker = EmbeddedKafka.startScram(dir.resolve("kafka"), port, freePort(), ADMIN, password(ADMIN), tls);
        bootstrap = broker.bootstrapServers();
        try (Admin admin = Admin.create(client(ADMIN))) {
            List<UserScramCredentialUpsertion> users = new ArrayList<>();
            for (String user : List.of(GATEWAY, MESSAGES, LISTINGS, MARKETPLACE, INTRUDER)) {
                users.add(new UserScramCredentialUpsertion(user,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password(user)));
            }
            admin.alterUserScramCredentials(new ArrayList<>(users)).all().get(30, TimeUnit.SECONDS);
            // The operator creates the topics; the services only use them (TICKETING_KAFKA_PROVISION_TOPICS=false).
            new TopicProvisioner(admin, (short) 1).provision(Topics.ALL);
            List<AclBinding> acls = new ArrayList<>();
            acls.addAll(ServiceAcls.gateway("User:" + GATEWAY));
            acls.addAll(ServiceAcls.messageService("User:" + MESSAGES, COMMANDS_GROUP));
            acls.addAll(ServiceAcls.listingEventsService("User:" + LISTINGS, LISTINGS_APPLICATION));
            acls.addAll(ServiceAcls.marketplacePublisher("User:" + MARKETPLACE));
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
        }
        stack = E2eStack.against("secured-kafka", bootstrap, Map.of(
                "gateway-service", serviceEnvironment(GATEWAY),
                "message-service", serviceEnvironment(MESSAGES),
                "listing-events-service", serviceEnvironment(LISTINGS)));
        gateway = stack.gateway(0);
        agent = new ClientAgent();
        marketplace = new Marketplace(client(MARKETPLACE));
    }

    @AfterAll
    static void stop() throws Exception {
        if (agent != null) {
            agent.close();
        }
        if (marketplace != null) {
            marketplace.close();
        }
        if (stack != null) {
            stack.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void listingTransactionAndMessageFlowsWorkWithEachServiceHoldingOnlyItsAcls() {
        String listingId = "lst-" + UUID.randomUUID().toString().substring(0, 8);
        String transactionId = "txn-" + UUID.randomUUID().toString().substring(0, 8);
        ClientAgent.Client buyer = agent.connect("secured-buyer", gateway, stack.token("bruce"), List.of("websocket"));
        ClientAgent.Client seller = agent.connect("secured-seller", gateway, stack.token("selma"), List.of("websocket"));
        assertThat(buyer.emitWithAck("subscribe:listing", listingId).get("ok").asBoolean()).isTrue();

        // marketplace -> listing-events-service (exactly-once, its own ACLs) -> gateway -> socket
        marketplace.listingCreated(listingId, "selma", 2, "80.00");
        marketplace.priceChanged(listingId, "75.00");
        buyer.awaitEvent("listing:updated", update -> update.get("version").asLong() == 2, WAIT);

        // the gateway grants the transaction room from the updates it may read, to the buyer only
        marketplace.transactionCreated(transactionId, listingId, "bruce", "selma");
        org.awaitility.Awaitility.await().atMost(WAIT).until(() ->
                buyer.emitWithAck("subscribe:transaction", transactionId).get("ok").asBoolean());
        marketplace.paymentReceived(transactionId);
        buyer.awaitEvent("transaction:updated", u -> "payment_received".equals(u.get("status").asString()), WAIT);

        // socket -> gateway (commands) -> message-service (PostgreSQL, events) -> gateway -> the other socket
        var ack = buyer.emitWithAck("message:send", Map.of("receiverId", "selma", "content", "Still available?",
                "clientMessageId", "secured-1"));
        assertThat(ack.get("ok").asBoolean()).as(ack.toString()).isTrue();
        String messageId = ack.get("id").asString();
        seller.awaitEvent("message:received", m -> messageId.equals(m.get("id").asString()), WAIT);
        buyer.disconnect();
        seller.disconnect();
    }

    @Test
    void aForgedCommandIsRefusedByTheBrokerAndNeverReachesTheCommandTopic() throws Exception {
        Map<TopicPartition, Long> before = endOffsets(Topics.MESSAGE_COMMANDS);

        assertRefused(INTRUDER, Topics.MESSAGE_COMMANDS, forgedSend("mallory", "victim"));
        // a principal with ACLs of its own may still not write another service's topic
        assertRefused(MARKETPLACE, Topics.MESSAGE_COMMANDS, forgedSend("seller", "buyer"));
        assertRefused(LISTINGS, Topics.MESSAGE_COMMANDS, forgedSend("seller", "buyer"));
        assertRefused(MESSAGES, Topics.MESSAGE_COMMANDS, forgedSend("seller", "buyer"));

        assertThat(endOffsets(Topics.MESSAGE_COMMANDS)).as("nothing was appended").isEqualTo(before);
    }

    @Test
    void onlyTheOwningServiceMayWriteMessageEventsAndUpdates() {
        CloudEvent<?> forged = forgedSend("mallory", "victim");
        for (String principal : List.of(INTRUDER, GATEWAY, LISTINGS, MARKETPLACE)) {
            assertRefused(principal, Topics.MESSAGE_EVENTS, forged);
        }
        for (String principal : List.of(INTRUDER, GATEWAY, MESSAGES, MARKETPLACE)) {
            assertRefused(principal, Topics.TRANSACTION_UPDATES, forged);
            assertRefused(principal, Topics.LISTING_UPDATES, forged);
        }
    }

    @Test
    void aWrongPasswordIsRefusedAtAuthentication() {
        Map<String, Object> config = new HashMap<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000));
        config.putAll(security(GATEWAY, "not-the-password").clientProperties());
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.MESSAGE_COMMANDS.name(), "k", "v")).get())
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    private static void assertRefused(String principal, Topic topic, CloudEvent<?> event) {
        Map<String, Object> config = new HashMap<>(client(principal));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new CloudEventSerde.EventSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic.name(), event.subject(), event)).get())
                    .as("%s writing %s", principal, topic.name())
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    /** A send request in someone else's name, as an attacker with broker access would write it. */
    private static CloudEvent<?> forgedSend(String claimedSender, String receiver) {
        var request = new SendMessageCommand(claimedSender, receiver, "send me the money", null, null,
                "forged-" + UUID.randomUUID(), Instant.now());
        return CloudEvent.of(EventTypes.MESSAGE_SEND_REQUESTED, "/intruder", ConversationKey.of(claimedSender, receiver),
                request);
    }

    private static Map<TopicPartition, Long> endOffsets(Topic topic) throws Exception {
        try (Admin admin = Admin.create(client(ADMIN))) {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (int partition = 0; partition < topic.partitions(); partition++) {
                request.put(new TopicPartition(topic.name(), partition), OffsetSpec.latest());
            }
            Map<TopicPartition, Long> offsets = new HashMap<>();
            admin.listOffsets(request).all().get(30, TimeUnit.SECONDS)
                    .forEach((partition, info) -> offsets.put(partition, info.offset()));
            return offsets;
        }
    }

    /** The environment that makes a service connect as {@code principal} to the secured broker. */
    private static Map<String, String> serviceEnvironment(String principal) {
        return Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_USERNAME", principal,
                "KAFKA_SASL_PASSWORD", password(principal),
                "KAFKA_SSL_TRUSTSTORE_LOCATION", tls.certificate().toString(),
                "KAFKA_SSL_TRUSTSTORE_TYPE", "PEM",
                "TICKETING_KAFKA_PROVISION_TOPICS", "false");
    }

    private static Map<String, Object> client(String principal) {
        Map<String, Object> config = new HashMap<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        config.putAll(security(principal, password(principal)).clientProperties());
        return config;
    }

    private static KafkaSecurity security(String principal, String password) {
        return new KafkaSecurity("SASL_SSL", "SCRAM-SHA-512", principal, password, tls.certificate().toString(), null,
                "PEM");
    }

    /** A key pair for localhost made with the JDK's keytool, and its certificate in PEM. */
    private static EmbeddedKafka.Tls selfSignedCertificate(Path dir) throws Exception {
        java.nio.file.Files.createDirectories(dir);
        Path keystore = dir.resolve("broker.p12");
        Path certificate = dir.resolve("broker.pem");
        String storePassword = "broker-keystore-password";
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", storePassword, "-keypass", storePassword);
        run(keytool, "-exportcert", "-rfc", "-alias", "broker", "-keystore", keystore.toString(),
                "-storepass", storePassword, "-file", certificate.toString());
        return new EmbeddedKafka.Tls(keystore, storePassword, certificate);
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    /** Test credentials: each principal's own. */
    private static String password(String principal) {
        return principal + "-secret-" + principal.length();
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
