package io.aiconexus.gateway.metrics.internal;

/**
 * The names of the gateway's metric families, as scraped (counters with their {@code _total}).
 * docs/METRICS.md describes each; renaming one breaks dashboards and alerts.
 */
final class MetricNames {
    static final String CONNECTIONS = "ioap_connections";
    static final String AGENTS = "ioap_agents_registered";
    static final String FRAMES_RECEIVED = "ioap_frames_received_total";
    static final String FRAMES_SENT = "ioap_frames_sent_total";
    static final String ERRORS = "ioap_errors_total";
    static final String REGISTRATIONS = "ioap_registrations_total";
    static final String VERIFICATION_FAILURES = "ioap_verification_failures_total";
    static final String VERIFICATION_SECONDS = "ioap_verification_seconds";
    static final String ROUTING_SECONDS = "ioap_routing_seconds";
    static final String QUEUED_FRAMES = "ioap_outbound_queued_frames";
    static final String QUEUED_FRAMES_MAX = "ioap_outbound_queued_frames_max";
    static final String BUFFERED_EVENTS = "ioap_transport_buffered_events";
    static final String MAILBOXES_OPEN = "ioap_mailboxes_open";
    static final String MAILBOX_FRAMES = "ioap_mailbox_kept_frames";

    /** Label of the frame counters: the IoAP message type, or INVALID for a frame that did not parse. */
    static final String TYPE = "type";
    /** Label of the error counter: the ERROR code the gateway answered. */
    static final String CODE = "code";
    /** Label of the verification failures: the {@code details.reason} of the INVALID_SIGNATURE answer. */
    static final String REASON = "reason";

    private MetricNames() {
    }
}
