package io.aiconexus.gateway.metrics.internal;

import static io.aiconexus.gateway.metrics.internal.MetricNames.*;

import java.util.Arrays;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.aiconexus.gateway.mailbox.Mailboxes;
import io.aiconexus.gateway.monitoring.GatewayMetrics;
import io.aiconexus.gateway.monitoring.MetricsSnapshot;
import io.aiconexus.gateway.protocol.ErrorCode;
import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.registry.AgentRegistry;
import io.aiconexus.gateway.transport.Connection;
import io.aiconexus.gateway.transport.Transport;
import io.aiconexus.gateway.verification.Verdict;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/**
 * The gateway's own metric families, read at scrape time: the counters and histograms from one
 * {@link MetricsSnapshot} (so they agree with each other), gauges from the transport and the registry.
 * Nothing here runs on the frame path.
 */
final class GatewayCollector implements MultiCollector {
    private static final List<String> FRAME_TYPES = Stream.concat(Arrays.stream(MessageType.values()).map(Enum::name),
            Stream.of("INVALID")).toList();
    private static final List<String> SENT_TYPES = Arrays.stream(MessageType.values()).map(Enum::name).toList();
    private static final List<String> ERROR_CODES = Arrays.stream(ErrorCode.values()).map(Enum::name).toList();
    // the verifier's reasons, and the router's own checks before it: from is not the connection's DID,
    // a REGISTER's public_key is not the key of its DID
    private static final List<String> FAILURE_REASONS = Stream.concat(
            Arrays.stream(Verdict.Failure.values()).map(Verdict.Failure::reason),
            Stream.of("from_mismatch", "key_mismatch")).toList();
    // as the client's registry knows them (counters without _total), so it refuses a second family of the same name
    private static final List<String> NAMES = Stream.of(CONNECTIONS, AGENTS, FRAMES_RECEIVED, FRAMES_SENT, ERRORS,
            REGISTRATIONS, VERIFICATION_FAILURES, VERIFICATION_SECONDS, ROUTING_SECONDS, QUEUED_FRAMES,
            QUEUED_FRAMES_MAX, BUFFERED_EVENTS, MAILBOXES_OPEN, MAILBOX_FRAMES).map(Families::base).toList();

    private final GatewayMetrics metrics;
    private final Supplier<Transport> transport;
    private final AgentRegistry registry;
    private final Supplier<Mailboxes> mailboxes;

    /** {@code mailboxes} answers null while the mailbox bundle is absent: its gauges are left out then. */
    GatewayCollector(GatewayMetrics metrics, Supplier<Transport> transport, AgentRegistry registry,
            Supplier<Mailboxes> mailboxes) {
        this.metrics = metrics;
        this.transport = transport;
        this.registry = registry;
        this.mailboxes = mailboxes;
    }

    @Override
    public MetricSnapshots collect() {
        MetricsSnapshot counters = metrics.snapshot();
        long since = counters.startedAt().toEpochMilli();
        Transport current = transport.get();
        Collection<Connection> connections = current == null ? List.of() : current.connections();
        long queued = 0;
        int deepest = 0;
        for (Connection connection : connections) {
            int frames = connection.queuedFrames();
            queued += frames;
            deepest = Math.max(deepest, frames);
        }
        List<MetricSnapshot> families = new ArrayList<>(List.of(
                Families.gauge(CONNECTIONS, "Open WebSocket connections, registered or not.", connections.size()),
                Families.gauge(AGENTS, "Agents registered.", registry.size()),
                Families.counterBy(FRAMES_RECEIVED, "Frames received from agents, by IoAP type (INVALID: did not parse).",
                        TYPE, FRAME_TYPES, counters.framesIn(), since),
                Families.counterBy(FRAMES_SENT, "Frames queued for agents, relayed or written by the gateway, by IoAP type.",
                        TYPE, SENT_TYPES, counters.framesOut(), since),
                Families.counterBy(ERRORS, "ERROR frames the gateway answered, by code.", CODE, ERROR_CODES,
                        counters.errors(), since),
                Families.counter(REGISTRATIONS, "Successful REGISTERs.", counters.registrations(), since),
                Families.counterBy(VERIFICATION_FAILURES, "Frames that failed verification, by reason.", REASON,
                        FAILURE_REASONS, counters.verificationFailures(), since),
                Families.seconds(VERIFICATION_SECONDS, "Time the verifier took per frame (signature and replay window).",
                        counters.verificationTime(), since),
                Families.seconds(ROUTING_SECONDS,
                        "Time from a frame's arrival to its queueing for the recipient (parse, verify, policies, handler).",
                        counters.routingLatency(), since),
                Families.gauge(QUEUED_FRAMES, "Frames queued for writing, summed over connections.", queued),
                Families.gauge(QUEUED_FRAMES_MAX, "Frames queued for writing on the connection with the most.", deepest),
                Families.gauge(BUFFERED_EVENTS, "Connection events held while no router is bound (during an update).",
                        current == null ? 0 : current.bufferedEvents())));
        Mailboxes kept = mailboxes.get();
        if (kept != null) {
            families.add(Families.gauge(MAILBOXES_OPEN,
                    "Mailboxes open: agents that dropped without UNREGISTER, within their grace period.",
                    kept.openMailboxes()));
            families.add(Families.gauge(MAILBOX_FRAMES, "Frames kept in the open mailboxes.", kept.keptFrames()));
        }
        return new MetricSnapshots(families);
    }

    @Override
    public List<String> getPrometheusNames() {
        return NAMES;
    }
}
