package io.aiconexus.gateway.plugin.auditlog.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.aiconexus.gateway.router.RoutingEvent;

/**
 * Writes routing events on its own thread through a bounded queue: {@link #offer} never blocks
 * the frame path. What does not fit is counted, logged, and recorded in the file as a
 * {@code dropped} line before the next lines written.
 */
final class AuditWriter {
    private static final Logger LOG = LoggerFactory.getLogger(AuditWriter.class);
    private static final int BATCH = 1000;

    /** Where the lines go: a {@link RotatingLogFile} in production. Used by the writer thread only. */
    interface Sink {
        void append(String line) throws IOException;

        void flush() throws IOException;

        void close() throws IOException;
    }

    private final Sink sink;
    private final String where;
    private final int capacity;
    private final Clock clock;
    private final ArrayBlockingQueue<RoutingEvent> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final Thread thread;
    private volatile boolean stopping;
    private long droppedReported;
    private boolean failing;

    AuditWriter(Sink sink, String where, int capacity, Clock clock) {
        this.sink = sink;
        this.where = where;
        this.capacity = Math.max(1, capacity);
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(this.capacity);
        this.thread = new Thread(this::run, "aiconexus-audit-log");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Queues an event without waiting; false (and counted) when the queue is full. */
    boolean offer(RoutingEvent event) {
        if (queue.offer(event)) {
            return true;
        }
        dropped.incrementAndGet();
        return false;
    }

    long dropped() {
        return dropped.get();
    }

    long written() {
        return written.get();
    }

    /** Writes what is queued, closes the file and ends the thread, waiting up to {@code millis}. */
    void stop(long millis) {
        stopping = true;
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("Audit log: the writer of {} did not finish within {} ms; {} lines still queued", where, millis,
                    queue.size());
        }
    }

    private void run() {
        List<RoutingEvent> batch = new ArrayList<>(BATCH);
        boolean dirty = false;
        try {
            while (true) {
                // polling, not interrupting: an interrupt would close the file channel under a write
                RoutingEvent first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    dirty = reportDrops() || dirty;
                    if (dirty) {
                        flush();
                        dirty = false;
                    }
                    if (stopping) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                reportDrops();
                for (RoutingEvent event : batch) {
                    write(AuditLine.of(event));
                }
                batch.clear();
                dirty = true;
                if (queue.isEmpty()) {
                    flush();
                    dirty = false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                sink.close();
            } catch (IOException e) {
                LOG.warn("Audit log: closing {} failed: {}", where, e.toString());
            }
        }
    }

    private boolean reportDrops() {
        long total = dropped.get();
        if (total == droppedReported) {
            return false;
        }
        long count = total - droppedReported;
        droppedReported = total;
        LOG.warn("Audit log: {} routing decisions were not written to {}: the queue of {} lines was full", count, where,
                capacity);
        write(AuditLine.dropped(clock.instant(), count));
        return true;
    }

    private void write(String line) {
        try {
            sink.append(line);
            written.incrementAndGet();
            if (failing) {
                failing = false;
                LOG.info("Audit log: writing to {} again", where);
            }
        } catch (IOException e) {
            lost(e);
        }
    }

    private void flush() {
        try {
            sink.flush();
        } catch (IOException e) {
            lost(e);
        }
    }

    private void lost(IOException e) {
        if (!failing) {
            failing = true;
            LOG.error("Audit log: cannot write {}: {} (lines are lost until it works again)", where, e.toString());
        }
        try {
            // reopened by the next append
            sink.close();
        } catch (IOException ignored) {
            // already failing: the first error is the one logged
        }
    }
}
