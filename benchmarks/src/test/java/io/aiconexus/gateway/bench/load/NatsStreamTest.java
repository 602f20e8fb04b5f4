package io.aiconexus.gateway.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class NatsStreamTest {
    private final List<String> seen = new ArrayList<>();
    private final NatsStream stream = new NatsStream();
    private final NatsStream.Handler handler = new NatsStream.Handler() {
        @Override
        public void control(String line) {
            seen.add("control " + line);
        }

        @Override
        public void message(String payload) {
            seen.add("message " + payload);
        }
    };

    private void feed(String text) {
        stream.feed(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), handler);
    }

    @Test
    void messagesSplitAcrossFramesArriveWhole() {
        String envelope = "{\"type\":\"OFFER\",\"sdp\":\"v=0\\r\\n é\"}";
        int bytes = envelope.getBytes(StandardCharsets.UTF_8).length;
        String wire = "INFO {\"server_id\":\"x\"}\r\nMSG did:key:z6Mk 1 " + bytes + "\r\n" + envelope + "\r\nPING\r\n";
        // cut inside the control line, inside the MSG header, inside the payload and between CR and LF
        int[] cuts = {5, 30, 45, wire.length() - 7, wire.length() - 1};
        int from = 0;
        for (int cut : cuts) {
            feed(wire.substring(from, cut));
            from = cut;
        }
        feed(wire.substring(from));
        assertEquals(List.of("control INFO {\"server_id\":\"x\"}", "message " + envelope, "control PING"), seen);
    }

    @Test
    void severalMessagesInOneFrame() {
        feed("MSG a 1 2\r\nhi\r\nMSG b 1 reply.to 3\r\nyou\r\n+OK\r\n");
        assertEquals(List.of("message hi", "message you", "control +OK"), seen);
    }

    @Test
    void aPayloadLargerThanTheInitialBufferIsKeptWhole() {
        String big = "x".repeat(20_000);
        feed("MSG a 1 " + big.length() + "\r\n" + big.substring(0, 9_000));
        feed(big.substring(9_000) + "\r\n");
        assertEquals(List.of("message " + big), seen);
    }
}
