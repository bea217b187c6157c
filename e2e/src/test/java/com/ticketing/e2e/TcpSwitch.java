package com.ticketing.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP load balancer for the tests, on loopback: every connection goes to the current backend port,
 * until {@link #switchTo} names another (as a balancer takes a dead instance out). Connections to a
 * backend that dies end with it, so clients see their server go away and reconnect through it.
 */
final class TcpSwitch implements AutoCloseable {

    private final ServerSocket listener;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile int backend;
    private volatile boolean running = true;

    TcpSwitch(int backend) throws IOException {
        this.backend = backend;
        listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "tcp-switch");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "http://localhost:" + listener.getLocalPort();
    }

    void switchTo(int port) {
        backend = port;
    }

    private void accept() {
        while (running) {
            try {
                Socket client = listener.accept();
                Socket server;
                try {
                    server = new Socket(InetAddress.getLoopbackAddress(), backend);
                } catch (IOException backendDown) {
                    client.close();
                    continue;
                }
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                open.add(client);
                open.add(server);
                pump(client, server);
                pump(server, client);
            } catch (IOException e) {
                if (running) {
                    continue;
                }
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ended) {
                // one side went away
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-switch-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        open.remove(socket);
    }

    @Override
    public void close() throws IOException {
        running = false;
        listener.close();
        open.forEach(this::closeQuietly);
    }
}
