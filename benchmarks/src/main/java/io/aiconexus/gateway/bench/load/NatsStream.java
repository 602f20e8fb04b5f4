package io.aiconexus.gateway.bench.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits what a NATS server sends into its protocol messages. Over WebSocket a frame may carry
 * several messages or part of one, so bytes are kept until a whole line, or a whole MSG payload
 * ({@code MSG <subject> <sid> [reply-to] <#bytes>\r\n<payload>\r\n}), has arrived. One per connection;
 * not thread-safe (a WebSocket listener is called for one frame at a time).
 */
final class NatsStream {

    /** What the stream holds. */
    interface Handler {
        /** A control line without its CRLF: INFO, PING, PONG, +OK, -ERR. */
        void control(String line);

        /** The payload of a MSG. */
        void message(String payload);
    }

    private byte[] buffer = new byte[8192];
    private int length;
    /** Bytes of the MSG payload awaited (its CRLF not counted); -1 while a control line is awaited. */
    private int payloadBytes = -1;

    void feed(ByteBuffer data, Handler handler) {
        append(data);
        int start = 0;
        while (true) {
            if (payloadBytes >= 0) {
                if (length - start < payloadBytes + 2) {
                    break;
                }
                String payload = new String(buffer, start, payloadBytes, StandardCharsets.UTF_8);
                start += payloadBytes + 2;
                payloadBytes = -1;
                handler.message(payload);
            } else {
                int end = lineEnd(start);
                if (end < 0) {
                    break;
                }
                String line = new String(buffer, start, end - start, StandardCharsets.UTF_8);
                start = end + 2;
                if (line.startsWith("MSG ")) {
                    payloadBytes = Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1));
                } else {
                    handler.control(line);
                }
            }
        }
        System.arraycopy(buffer, start, buffer, 0, length - start);
        length -= start;
    }

    private void append(ByteBuffer data) {
        int needed = length + data.remaining();
        if (needed > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(needed, buffer.length * 2));
        }
        int n = data.remaining();
        data.get(buffer, length, n);
        length += n;
    }

    private int lineEnd(int from) {
        for (int i = from; i + 1 < length; i++) {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
