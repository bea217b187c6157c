package com.ticketing.events.kafka;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.security.auth.SecurityProtocol;

/**
 * How a service authenticates to Kafka: plaintext (the local stack), or SASL with SCRAM (or PLAIN)
 * over plaintext or TLS. The same settings go into every producer, consumer, admin client and Kafka
 * Streams of a service, so its principal is one identity the broker's ACLs can name.
 *
 * <p>Blank fields take the defaults: protocol {@code PLAINTEXT}, mechanism {@code SCRAM-SHA-512},
 * truststore type as Kafka's own default. A SASL protocol needs a username and a password.
 */
public record KafkaSecurity(String protocol, String saslMechanism, String username, String password,
                            String truststoreLocation, String truststorePassword, String truststoreType) {

    /** The prefix of these settings in every service's configuration. */
    public static final String PREFIX = "ticketing.kafka.security";

    private static final Set<String> MECHANISMS = Set.of("SCRAM-SHA-512", "SCRAM-SHA-256", "PLAIN");

    public KafkaSecurity {
        protocol = isBlank(protocol) ? SecurityProtocol.PLAINTEXT.name : protocol.trim().toUpperCase(Locale.ROOT);
        if (!SecurityProtocol.names().contains(protocol)) {
            throw new IllegalArgumentException(PREFIX + ".protocol must be one of " + SecurityProtocol.names()
                    + ", not " + protocol);
        }
        saslMechanism = isBlank(saslMechanism) ? "SCRAM-SHA-512" : saslMechanism.trim().toUpperCase(Locale.ROOT);
        if (!MECHANISMS.contains(saslMechanism)) {
            throw new IllegalArgumentException(PREFIX + ".sasl-mechanism must be one of " + MECHANISMS + ", not "
                    + saslMechanism);
        }
        if (protocol.startsWith("SASL_") && (isBlank(username) || isBlank(password))) {
            throw new IllegalArgumentException(protocol + " needs " + PREFIX + ".username and .password"
                    + " (KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD)");
        }
    }

    /**
     * From the environment variables the README lists ({@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_MECHANISM},
     * {@code KAFKA_SASL_USERNAME}, {@code KAFKA_SASL_PASSWORD}, {@code KAFKA_SSL_TRUSTSTORE_LOCATION},
     * {@code KAFKA_SSL_TRUSTSTORE_PASSWORD}, {@code KAFKA_SSL_TRUSTSTORE_TYPE}): for clients outside Spring,
     * such as the command line's.
     */
    public static KafkaSecurity fromEnvironment(Map<String, String> environment) {
        return new KafkaSecurity(environment.get("KAFKA_SECURITY_PROTOCOL"), environment.get("KAFKA_SASL_MECHANISM"),
                environment.get("KAFKA_SASL_USERNAME"), environment.get("KAFKA_SASL_PASSWORD"),
                environment.get("KAFKA_SSL_TRUSTSTORE_LOCATION"), environment.get("KAFKA_SSL_TRUSTSTORE_PASSWORD"),
                environment.get("KAFKA_SSL_TRUSTSTORE_TYPE"));
    }

    /** No authentication: what the local stack's embedded broker speaks. */
    public static KafkaSecurity plaintext() {
        return new KafkaSecurity(null, null, null, null, null, null, null);
    }

    /** SASL over plaintext with {@code mechanism} as {@code username}. */
    public static KafkaSecurity sasl(String mechanism, String username, String password) {
        return new KafkaSecurity(SecurityProtocol.SASL_PLAINTEXT.name, mechanism, username, password, null, null, null);
    }

    public boolean usesSasl() {
        return protocol.startsWith("SASL_");
    }

    public boolean usesTls() {
        return protocol.equals(SecurityProtocol.SSL.name) || protocol.equals(SecurityProtocol.SASL_SSL.name);
    }

    /** The client configuration entries for these settings, to add to any Kafka client's configuration. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("security.protocol", protocol);
        if (usesSasl()) {
            properties.put(SaslConfigs.SASL_MECHANISM, saslMechanism);
            properties.put(SaslConfigs.SASL_JAAS_CONFIG, jaasConfig());
        }
        if (usesTls()) {
            putIfPresent(properties, SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, truststoreLocation);
            putIfPresent(properties, SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, truststorePassword);
            putIfPresent(properties, SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, truststoreType);
        }
        return properties;
    }

    /** {@code base} with these settings added: for the code that builds a client from one map. */
    public Map<String, Object> with(Map<String, ?> base) {
        Map<String, Object> properties = new HashMap<>(base);
        properties.putAll(clientProperties());
        return properties;
    }

    private String jaasConfig() {
        String module = saslMechanism.equals("PLAIN")
                ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                : "org.apache.kafka.common.security.scram.ScramLoginModule";
        return module + " required username=" + quoted(username) + " password=" + quoted(password) + ";";
    }

    /** A JAAS option value: quoted, with backslashes and quotes escaped, so any password survives. */
    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static void putIfPresent(Map<String, Object> properties, String key, String value) {
        if (!isBlank(value)) {
            properties.put(key, value);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "KafkaSecurity[" + protocol + (usesSasl() ? ", " + saslMechanism + " as " + username : "") + "]";
    }
}
