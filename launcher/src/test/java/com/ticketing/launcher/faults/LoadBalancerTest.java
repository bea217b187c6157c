package com.ticketing.launcher.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoadBalancerTest {

    private final List<ServerSocket> backends = new ArrayList<>();

    @BeforeEach
    void twoBackendsThatSayWhoTheyAre() throws IOException {
        for (char name : new char[] {'a', 'b'}) {
            ServerSocket backend = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            backends.add(backend);
            Thread acceptor = new Thread(() -> {
                while (!backend.isClosed()) {
                    try {
                        Socket accepted = backend.accept();
                        accepted.getOutputStream().write(name);
                        accepted.getOutputStream().flush(); // stays open until the other side closes it
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }
    }

    @AfterEach
    void closeBackends() throws IOException {
        for (ServerSocket backend : backends) {
            backend.close();
        }
    }

    @Test
    void newConnectionsTakeTheBackendsInTurnUntilRoutedElsewhere() throws IOException {
        try (LoadBalancer balancer = new LoadBalancer(port(0), port(1))) {
            assertThat(List.of(firstByte(balancer), firstByte(balancer), firstByte(balancer), firstByte(balancer)))
                    .containsExactly('a', 'b', 'a', 'b');
            balancer.route(port(1));
            assertThat(List.of(firstByte(balancer), firstByte(balancer))).containsExactly('b', 'b');
        }
    }

    @Test
    void droppedConnectionsEndForTheClientAndNewOnesStillGetThrough() throws IOException {
        try (LoadBalancer balancer = new LoadBalancer(port(0));
             Socket client = connect(balancer)) {
            InputStream in = client.getInputStream();
            assertThat((char) in.read()).isEqualTo('a');
            balancer.dropConnections();
            assertThat(in.read()).as("end of stream: the connection was cut").isEqualTo(-1);
            assertThat(firstByte(balancer)).isEqualTo('a');
        }
    }

    @Test
    void aConnectionToADeadBackendIsClosedSoTheClientRetries() throws IOException {
        int nothing;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nothing = probe.getLocalPort();
        }
        try (LoadBalancer balancer = new LoadBalancer(nothing); Socket client = connect(balancer)) {
            assertThat(client.getInputStream().read()).isEqualTo(-1);
        }
    }

    private int port(int backend) {
        return backends.get(backend).getLocalPort();
    }

    private static char firstByte(LoadBalancer balancer) throws IOException {
        try (Socket client = connect(balancer)) {
            return (char) client.getInputStream().read();
        }
    }

    private static Socket connect(LoadBalancer balancer) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), URI.create(balancer.url()).getPort());
        socket.setSoTimeout(10_000);
        return socket;
    }
}
