package com.ticketing.launcher.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP load balancer on loopback, as the fault suite and the e2e tests put in front of gateways: each new
 * connection goes to the next of the current backends in turn. {@link #route} changes them, as a balancer
 * takes a dead instance out; connections already open stay where they are and end with their backend,
 * so clients see their server go away and reconnect through the balancer.
 */
public final class LoadBalancer implements AutoCloseable {

    private final ServerSocket listener;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger turn = new AtomicInteger();
    private int[] backends;
    private long generation;
    private volatile boolean running = true;

    public LoadBalancer(int... backends) throws IOException {
        this.backends = backends.clone();
        listener = new ServerSocket(0, 1000, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "load-balancer-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String url() {
        return "http://localhost:" + listener.getLocalPort();
    }

    /** From now on new connections go to these ports, in turn; one being opened to the old ones is dropped. */
    public synchronized void route(int... ports) {
        backends = ports.clone();
        generation++;
    }

    /** Cuts every open connection at once, as a network that drops does (the clients see their transport close). */
    public synchronized void dropConnections() {
        open.forEach(this::closeQuietly);
    }

    /** Keeps a connection just made, unless {@link #route} changed the backends while it was being made. */
    private synchronized boolean keep(long madeIn, Socket client, Socket server) {
        if (madeIn != generation) {
            return false;
        }
        open.add(client);
        open.add(server);
        return true;
    }

    private void accept() {
        while (running) {
            try {
                Socket client = listener.accept();
                long madeIn;
                int[] current;
                synchronized (this) {
                    madeIn = generation;
                    current = backends;
                }
                Socket server;
                try {
                    server = new Socket(InetAddress.getLoopbackAddress(), current[Math.floorMod(turn.getAndIncrement(), current.length)]);
                } catch (IOException backendDown) {
                    client.close(); // as a balancer with a dead backend: the client retries
                    continue;
                }
                if (!keep(madeIn, client, server)) {
                    client.close(); // routed elsewhere (or cut) meanwhile: this one must not survive the cut
                    server.close();
                    continue;
                }
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                pump(client, server);
                pump(server, client);
            } catch (IOException e) {
                if (!running) {
                    return;
                }
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
        }, "load-balancer-pump");
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
