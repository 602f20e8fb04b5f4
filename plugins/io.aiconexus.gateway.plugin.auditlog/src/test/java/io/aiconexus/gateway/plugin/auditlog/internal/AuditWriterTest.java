package io.aiconexus.gateway.plugin.auditlog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.router.RoutingEvent;
import io.aiconexus.gateway.router.RoutingEvent.Outcome;

class AuditWriterTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-12T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void everyOfferedEventIsWrittenInOrderAndTheFileClosedOnStop() {
        RecordingSink sink = new RecordingSink(null);
        AuditWriter writer = new AuditWriter(sink, "memory", 100, CLOCK);
        writer.start();
        for (int i = 0; i < 50; i++) {
            assertTrue(writer.offer(event("id-" + i)));
        }
        writer.stop(10_000);
        assertEquals(50, sink.lines.size());
        for (int i = 0; i < 50; i++) {
            assertTrue(sink.lines.get(i).contains("\"id\":\"id-" + i + "\""), sink.lines.get(i));
        }
        assertTrue(sink.closed);
        assertEquals(50, writer.written());
    }

    @Test
    void aFullQueueNeverBlocksTheCallerAndTheGapIsCountedAndRecorded() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        RecordingSink sink = new RecordingSink(release);
        AuditWriter writer = new AuditWriter(sink, "memory", 3, CLOCK);
        writer.start();
        assertTrue(writer.offer(event("first")));
        assertTrue(sink.entered.await(10, TimeUnit.SECONDS), "the writer is stuck in its first append");
        assertTrue(writer.offer(event("q1")));
        assertTrue(writer.offer(event("q2")));
        assertTrue(writer.offer(event("q3")));
        assertFalse(writer.offer(event("lost1")));
        assertFalse(writer.offer(event("lost2")));
        assertEquals(2, writer.dropped());

        release.countDown();
        writer.stop(10_000);
        List<String> lines = sink.lines;
        assertEquals(5, lines.size(), lines::toString);
        assertTrue(lines.get(0).contains("\"first\""));
        assertEquals("{\"time\":\"2026-01-12T10:00:00Z\",\"dropped\":2}", lines.get(1),
                "the gap is recorded where it happened");
        assertTrue(lines.get(2).contains("\"q1\""));
        assertTrue(lines.get(4).contains("\"q3\""));
        assertFalse(String.join("", lines).contains("lost"));
    }

    @Test
    void aFailingDiskLosesLinesButTheWriterCarriesOn() {
        RecordingSink sink = new RecordingSink(null);
        sink.failNext = 2;
        AuditWriter writer = new AuditWriter(sink, "memory", 100, CLOCK);
        writer.start();
        for (int i = 0; i < 5; i++) {
            writer.offer(event("id-" + i));
        }
        writer.stop(10_000);
        assertEquals(3, sink.lines.size());
        assertEquals(3, writer.written());
        assertTrue(sink.lines.get(0).contains("id-2"));
    }

    private static RoutingEvent event(String id) {
        return new RoutingEvent(CLOCK.instant(), id, MessageType.OFFER, "did:key:zA", "did:key:zB", "did:key:zB",
                Outcome.DELIVERED, null, "direct-delivery");
    }

    /** Records lines; can hold the first append until released, and fail the first appends. */
    private static final class RecordingSink implements AuditWriter.Sink {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release;
        volatile int failNext;
        volatile boolean closed;

        RecordingSink(CountDownLatch release) {
            this.release = release;
        }

        @Override
        public void append(String line) throws IOException {
            entered.countDown();
            if (release != null) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failNext > 0) {
                failNext--;
                throw new IOException("disk full");
            }
            lines.add(line);
            closed = false;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
