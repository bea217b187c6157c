package com.ticketing.socketio.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HandshakeDataTest {

    private static HandshakeData from(String peer, String forwardedFor) {
        Map<String, List<String>> headers = forwardedFor == null ? Map.of()
                : Map.of("x-forwarded-for", List.of(forwardedFor));
        return new HandshakeData(Map.of(), headers, new InetSocketAddress(peer, 40_000));
    }

    @Test
    void theClientIsThePeerWhenThePeerIsNoTrustedProxy() {
        assertThat(from("203.0.113.7", "198.51.100.1").clientAddress(Set.of())).isEqualTo("203.0.113.7");
    }

    @Test
    void behindATrustedProxyTheClientIsTheLastForwardedHopThatIsNoProxy() {
        Set<String> proxies = Set.of("127.0.0.1", "127.0.0.2");

        assertThat(from("127.0.0.1", "198.51.100.1, 203.0.113.9, 127.0.0.2").clientAddress(proxies))
                .as("a client cannot pick its address by sending X-Forwarded-For itself").isEqualTo("203.0.113.9");
        assertThat(from("127.0.0.1", null).clientAddress(proxies)).isEqualTo("127.0.0.1");
    }
}
