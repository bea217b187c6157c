package com.ticketing.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.junit.jupiter.api.Test;

class KafkaSecurityTest {

    @Test
    void blankSettingsMeanPlaintextAndAddNoCredentials() {
        KafkaSecurity security = new KafkaSecurity("", " ", null, null, null, null, null);

        assertThat(security).isEqualTo(KafkaSecurity.plaintext());
        assertThat(security.clientProperties()).containsExactly(Map.entry("security.protocol", "PLAINTEXT"));
    }

    @Test
    void scramOverTlsCarriesTheLoginModuleAndTheTruststore() {
        KafkaSecurity security = new KafkaSecurity("sasl_ssl", null, "ticketing-gateway", "s3cret",
                "/etc/kafka/truststore.p12", "changeit", "PKCS12");

        assertThat(security.clientProperties())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12")
                .containsEntry("ssl.truststore.password", "changeit")
                .containsEntry("ssl.truststore.type", "PKCS12");
        assertThat(loginOptions(security)).containsEntry("username", "ticketing-gateway")
                .containsEntry("password", "s3cret");
    }

    @Test
    void aPasswordWithQuotesAndBackslashesReachesTheLoginModuleUnchanged() {
        String password = "a\"b\\c; d=e";
        KafkaSecurity security = KafkaSecurity.sasl("SCRAM-SHA-256", "svc", password);

        assertThat(loginOptions(security)).containsEntry("password", password);
        assertThat(security.clientProperties()).containsEntry("sasl.mechanism", "SCRAM-SHA-256")
                .doesNotContainKey("ssl.truststore.location");
    }

    @Test
    void saslWithoutCredentialsAndUnknownNamesAreRefusedWithTheSettingToFix() {
        assertThatThrownBy(() -> new KafkaSecurity("SASL_PLAINTEXT", null, "svc", "", null, null, null))
                .hasMessageContaining("KAFKA_SASL_PASSWORD");
        assertThatThrownBy(() -> new KafkaSecurity("KERBEROS", null, null, null, null, null, null))
                .hasMessageContaining("ticketing.kafka.security.protocol");
        assertThatThrownBy(() -> new KafkaSecurity("SASL_SSL", "GSSAPI", "svc", "pw", null, null, null))
                .hasMessageContaining("sasl-mechanism");
    }

    @Test
    void theEnvironmentVariablesOfTheReadmeConfigureAClientOutsideSpring() {
        KafkaSecurity security = KafkaSecurity.fromEnvironment(Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_USERNAME", "ops", "KAFKA_SASL_PASSWORD", "pw",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/ca.pem", "KAFKA_SSL_TRUSTSTORE_TYPE", "PEM"));

        assertThat(security).isEqualTo(new KafkaSecurity("SASL_SSL", "SCRAM-SHA-512", "ops", "pw", "/etc/ca.pem", null,
                "PEM"));
        assertThat(KafkaSecurity.fromEnvironment(Map.of())).isEqualTo(KafkaSecurity.plaintext());
    }

    @Test
    void theTextFormNeverShowsThePassword() {
        assertThat(KafkaSecurity.sasl(null, "svc", "hunter2").toString())
                .contains("SASL_PLAINTEXT", "SCRAM-SHA-512", "svc").doesNotContain("hunter2");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> loginOptions(KafkaSecurity security) {
        Object jaas = security.clientProperties().get("sasl.jaas.config");
        JaasContext context = JaasContext.loadClientContext(Map.of("sasl.jaas.config", new Password((String) jaas)));
        AppConfigurationEntry entry = context.configurationEntries().get(0);
        return (Map<String, Object>) entry.getOptions();
    }
}
