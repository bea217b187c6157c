package com.ticketing.socketio.engine.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client on a plain TCP socket that reads only when told to, frame by frame, exactly as
 * the server wrote them: for clients that stop reading, and for counting close frames.
 */
public final class RawWebSocket implements AutoCloseable {

    /** One frame as it came off the wire. */
    public record Frame(int opcode, byte[] payload) {
        public static final int TEXT = 1;
        public static final int BINARY = 2;
        public static final int CLOSE = 8;

        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /**
     * Connects and completes the upgrade; {@code receiveBuffer} bytes of kernel buffer on this side
     * (small, so that a client that stops reading is noticed sooner).
     */
    public static RawWebSocket connect(URI uri, int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(receiveBuffer);
        socket.connect(new java.net.InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
        socket.setSoTimeout(5_000);
        RawWebSocket ws = new RawWebSocket(socket);
        ws.upgrade(uri);
        return ws;
    }

    private void upgrade(URI uri) throws IOException {
        String key = Base64.getEncoder().encodeToString(new byte[16]);
        out.write(("GET " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\n"
                + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String status = readLine();
        if (!status.startsWith("HTTP/1.1 101")) {
            throw new IOException("upgrade refused: " + status);
        }
        while (!readLine().isEmpty()) {
            // headers
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException("connection ended during the upgrade");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    /** The next frame, or null when the connection ended (EOF or reset) before one was complete. */
    public Frame nextFrame() throws IOException {
        try {
            int first = in.readUnsignedByte();
            int second = in.readUnsignedByte();
            long length = second & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] payload = new byte[Math.toIntExact(length)];
            in.readFully(payload);
            return new Frame(first & 0x0f, payload);
        } catch (EOFException | java.net.SocketException ended) {
            return null;
        }
    }

    /** Reads frames until the connection ends or nothing arrives for a while; counts what it saw. */
    public Tally readToEnd() throws IOException {
        Tally tally = new Tally();
        socket.setSoTimeout(2_000);
        try {
            Frame frame;
            while ((frame = nextFrame()) != null) {
                tally.frames++;
                if (frame.opcode() == Frame.CLOSE) {
                    tally.closeFrames++;
                }
            }
            tally.ended = true;
        } catch (SocketTimeoutException quiet) {
            // the server kept the connection open
        }
        return tally;
    }

    /** What {@link #readToEnd()} saw. */
    public static final class Tally {
        public int frames;
        public int closeFrames;
        public boolean ended;
    }

    /** Sends a masked text frame, as a client must. */
    public void sendText(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x80 | Frame.TEXT);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xff);
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
