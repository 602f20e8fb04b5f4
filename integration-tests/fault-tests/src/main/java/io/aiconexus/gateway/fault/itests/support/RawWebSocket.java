package io.aiconexus.gateway.fault.itests.support;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A WebSocket client written by hand on a plain {@link Socket}, for what a well-behaved client
 * library will not do: send invalid UTF-8 or a frame larger than any sane limit, connect from
 * another loopback address, stop reading and answering (no pong, no close frame), or drop the TCP
 * connection with a reset. It answers nothing on its own: pings are read like any frame.
 */
public final class RawWebSocket implements AutoCloseable {
    public static final int CONTINUATION = 0x0;
    public static final int TEXT = 0x1;
    public static final int BINARY = 0x2;
    public static final int CLOSE = 0x8;
    public static final int PING = 0x9;
    public static final int PONG = 0xA;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final int status;
    private final Map<String, String> headers;
    private final String body;

    private RawWebSocket(Socket socket, DataInputStream in, OutputStream out, int status, Map<String, String> headers,
            String body) {
        this.socket = socket;
        this.in = in;
        this.out = out;
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    /** Opens a TCP connection from {@code localHost} (any loopback address) and sends the upgrade request. */
    public static RawWebSocket connect(URI ws, String localHost) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(localHost, 0));
        socket.connect(new InetSocketAddress(ws.getHost(), ws.getPort()), 10_000);
        socket.setSoTimeout(10_000); // an unanswered upgrade fails the test instead of hanging it
        socket.setTcpNoDelay(true);
        OutputStream out = socket.getOutputStream();
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String request = "GET " + ws.getRawPath() + " HTTP/1.1\r\n"
                + "Host: " + ws.getHost() + ":" + ws.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: ioap.v1\r\n\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        DataInputStream in = new DataInputStream(socket.getInputStream());
        String statusLine = line(in);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        String body = status == 101 ? "" : body(in, headers);
        return new RawWebSocket(socket, in, out, status, headers, body);
    }

    /** The HTTP status of the upgrade: 101 when it was accepted. */
    public int status() {
        return status;
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The body of a refused upgrade. */
    public String body() {
        return body;
    }

    public void sendText(String text) throws IOException {
        sendFrame(TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** One complete, masked frame, as a client must send. */
    public void sendFrame(int opcode, byte[] payload) throws IOException {
        sendFragment(opcode, payload, true);
    }

    /** One masked frame of a message: the first carries the opcode, the rest {@link #CONTINUATION}. */
    public void sendFragment(int opcode, byte[] payload, boolean last) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write((last ? 0x80 : 0) | opcode);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length <= 0xFFFF) {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length);
        } else {
            frame.write(0x80 | 127);
            long length = payload.length;
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) (length >>> shift));
            }
        }
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        frame.write(mask, 0, 4);
        byte[] masked = new byte[payload.length];
        for (int i = 0; i < payload.length; i++) {
            masked[i] = (byte) (payload[i] ^ mask[i & 3]);
        }
        frame.write(masked, 0, masked.length);
        out.write(frame.toByteArray());
        out.flush();
    }

    /** The next frame from the gateway, pings included, or a SocketTimeoutException after {@code timeout}. */
    public Frame read(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        long length = second & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[Math.toIntExact(length)];
        in.readFully(payload);
        return new Frame(first & 0x0F, payload);
    }

    /** The next text frame, skipping pings (and not answering them). */
    public String readText(Duration timeout) throws IOException {
        while (true) {
            Frame frame = read(timeout);
            if (frame.opcode() == TEXT) {
                return frame.text();
            }
            if (frame.opcode() == CLOSE) {
                throw new EOFException("closed by the gateway with " + frame.closeCode());
            }
        }
    }

    /** The close code the gateway sends, skipping other frames; -1 when the connection ends without one. */
    public int awaitClose(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                Frame frame = read(Duration.ofMillis(left));
                if (frame.opcode() == CLOSE) {
                    return frame.closeCode();
                }
            }
        } catch (EOFException | java.net.SocketException ended) {
            return -1;
        } catch (SocketTimeoutException stillOpen) {
            throw new SocketTimeoutException("no close within " + timeout);
        }
    }

    /** Whether the gateway has closed the TCP connection (reads end of stream or a reset), within {@code timeout}. */
    public boolean endsWithin(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                read(Duration.ofMillis(left));
            }
            return false;
        } catch (EOFException | java.net.SocketException ended) {
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        }
    }

    /** Drops the connection with a TCP reset: no close frame, no FIN, as a crashed host's kernel or a NAT would. */
    public void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** The body of a refusal: by Content-Length, chunked, or up to the end of the connection. */
    private static String body(DataInputStream in, Map<String, String> headers) throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        if (headers.containsKey("content-length")) {
            byte[] bytes = new byte[Integer.parseInt(headers.get("content-length"))];
            in.readFully(bytes);
            content.write(bytes, 0, bytes.length);
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
                byte[] chunk = new byte[size];
                in.readFully(chunk);
                content.write(chunk, 0, size);
                line(in);
            }
        } else {
            in.transferTo(content);
        }
        return content.toString(StandardCharsets.UTF_8);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed during the upgrade after: " + line);
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    /** A received frame: its opcode and payload. */
    public record Frame(int opcode, byte[] payload) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        public int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
        }
    }
}
