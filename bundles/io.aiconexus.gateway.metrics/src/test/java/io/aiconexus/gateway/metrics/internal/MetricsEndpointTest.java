package io.aiconexus.gateway.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.aiconexus.gateway.identity.DidKey;
import io.aiconexus.gateway.identity.DidKey.Encoding;
import io.aiconexus.gateway.monitoring.internal.AtomicGatewayMetrics;
import io.aiconexus.gateway.protocol.ErrorCode;
import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.registry.internal.InMemoryAgentRegistry;
import io.aiconexus.gateway.registry.internal.RegistryConfig;
import io.aiconexus.gateway.transport.Connection;
import io.aiconexus.gateway.transport.HttpRequest;
import io.aiconexus.gateway.transport.HttpResponse;

/** What Prometheus (and a person with curl) reads at /metrics after the gateway has done some work. */
class MetricsEndpointTest {
    private final AtomicGatewayMetrics metrics = new AtomicGatewayMetrics();
    private final FakeTransport transport = new FakeTransport();
    private final InMemoryAgentRegistry agents = new InMemoryAgentRegistry(Configs.of(RegistryConfig.class, Map.of()));

    @AfterEach
    void stop() {
        agents.deactivate();
    }

    @Test
    void answersInThePrometheusTextFormat() {
        HttpResponse response = endpoint(true).handle(get(Map.of()));

        assertEquals(200, response.status());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", response.contentType());
    }

    @Test
    void everyFamilyIsThereWithItsType() {
        Scrape scrape = scrape(endpoint(true), Map.of());

        Map<String, String> expected = Map.ofEntries(Map.entry("ioap_connections", "gauge"),
                Map.entry("ioap_agents_registered", "gauge"), Map.entry("ioap_frames_received_total", "counter"),
                Map.entry("ioap_frames_sent_total", "counter"), Map.entry("ioap_errors_total", "counter"),
                Map.entry("ioap_registrations_total", "counter"),
                Map.entry("ioap_verification_failures_total", "counter"),
                Map.entry("ioap_verification_seconds", "histogram"), Map.entry("ioap_routing_seconds", "histogram"),
                Map.entry("ioap_outbound_queued_frames", "gauge"), Map.entry("ioap_outbound_queued_frames_max", "gauge"),
                Map.entry("ioap_transport_buffered_events", "gauge"),
                Map.entry("process_cpu_seconds_total", "counter"), Map.entry("process_start_time_seconds", "gauge"),
                Map.entry("jvm_memory_used_bytes", "gauge"), Map.entry("jvm_threads_current", "gauge"),
                Map.entry("jvm_gc_collection_seconds", "summary"));
        expected.forEach((name, type) -> assertEquals(type, scrape.types.get(name), name + " in\n" + scrape.text));
        assertTrue(scrape.value("process_cpu_seconds_total") > 0, "the test JVM has used some CPU");
        assertTrue(scrape.value("jvm_memory_used_bytes{area=\"heap\"}") > 0);
    }

    @Test
    void frameErrorAndFailureCountersMoveWithTheirLabels() {
        MetricsEndpoint endpoint = endpoint(false);
        metrics.frameIn(MessageType.OFFER);
        metrics.frameIn(MessageType.OFFER);
        metrics.frameIn(MessageType.OFFER);
        metrics.frameIn(null);
        metrics.frameOut(MessageType.ANSWER);
        metrics.error(ErrorCode.UNKNOWN_AGENT);
        metrics.verificationFailure("stale");
        metrics.registration();

        Scrape scrape = scrape(endpoint, Map.of());

        assertEquals(3, scrape.value("ioap_frames_received_total{type=\"OFFER\"}"));
        assertEquals(1, scrape.value("ioap_frames_received_total{type=\"INVALID\"}"));
        assertEquals(1, scrape.value("ioap_frames_sent_total{type=\"ANSWER\"}"));
        assertEquals(1, scrape.value("ioap_errors_total{code=\"UNKNOWN_AGENT\"}"));
        assertEquals(1, scrape.value("ioap_verification_failures_total{reason=\"stale\"}"));
        assertEquals(1, scrape.value("ioap_registrations_total"));
    }

    @Test
    void knownLabelValuesAreThereAtZeroBeforeTheFirstEvent() {
        Scrape scrape = scrape(endpoint(false), Map.of());

        for (MessageType type : MessageType.values()) {
            assertEquals(0, scrape.value("ioap_frames_received_total{type=\"" + type + "\"}"));
            assertEquals(0, scrape.value("ioap_frames_sent_total{type=\"" + type + "\"}"));
        }
        for (ErrorCode code : ErrorCode.values()) {
            assertEquals(0, scrape.value("ioap_errors_total{code=\"" + code + "\"}"));
        }
        for (String reason : List.of("bad_signature", "stale", "replayed", "from_mismatch", "key_mismatch")) {
            assertEquals(0, scrape.value("ioap_verification_failures_total{reason=\"" + reason + "\"}"));
        }
    }

    @Test
    void latenciesAreCumulativeHistogramsInSeconds() {
        MetricsEndpoint endpoint = endpoint(false);
        metrics.routed(3_000); // 3 µs
        metrics.routed(40_000); // 40 µs
        metrics.verified(60_000); // 60 µs

        Scrape scrape = scrape(endpoint, Map.of());

        assertEquals(0, scrape.bucket("ioap_routing_seconds", 2.5e-6));
        assertEquals(1, scrape.bucket("ioap_routing_seconds", 5e-6));
        assertEquals(2, scrape.bucket("ioap_routing_seconds", 5e-5));
        assertEquals(2, scrape.bucket("ioap_routing_seconds", Double.POSITIVE_INFINITY));
        assertEquals(2, scrape.value("ioap_routing_seconds_count"));
        assertEquals(43e-6, scrape.value("ioap_routing_seconds_sum"), 1e-12);
        assertEquals(0, scrape.bucket("ioap_verification_seconds", 5e-5));
        assertEquals(1, scrape.bucket("ioap_verification_seconds", 1e-4));
        assertEquals(1, scrape.value("ioap_verification_seconds_count"));
    }

    @Test
    void gaugesAreReadFromTheTransportAndTheRegistryAtScrapeTime() {
        MetricsEndpoint endpoint = endpoint(false);
        Connection alice = transport.connect(0);
        Connection bob = transport.connect(4);
        transport.connect(7); // not registered yet
        register(alice, "did:key:z6MkAlice", 1);
        register(bob, "did:key:z6MkBob", 2);
        transport.bufferedEvents = 5;

        Scrape scrape = scrape(endpoint, Map.of());

        assertEquals(3, scrape.value("ioap_connections"));
        assertEquals(2, scrape.value("ioap_agents_registered"));
        assertEquals(11, scrape.value("ioap_outbound_queued_frames"));
        assertEquals(7, scrape.value("ioap_outbound_queued_frames_max"));
        assertEquals(5, scrape.value("ioap_transport_buffered_events"));

        transport.connections.clear();
        Scrape later = scrape(endpoint, Map.of());
        assertEquals(0, later.value("ioap_connections"));
        assertEquals(0, later.value("ioap_outbound_queued_frames_max"));
    }

    @Test
    void mailboxGaugesAppearWithTheMailboxService() {
        MetricsEndpoint endpoint = endpoint(false);
        assertFalse(scrape(endpoint, Map.of()).types.containsKey("ioap_mailboxes_open"), "no mailbox bundle, no gauge");

        endpoint.bindMailboxes(new KeptMailboxes(3, 17));
        Scrape scrape = scrape(endpoint, Map.of());

        assertEquals("gauge", scrape.types.get("ioap_mailboxes_open"));
        assertEquals(3, scrape.value("ioap_mailboxes_open"));
        assertEquals(17, scrape.value("ioap_mailbox_kept_frames"));
    }

    @Test
    void nameParametersLimitTheAnswerToThoseFamilies() {
        Scrape scrape = scrape(endpoint(true),
                Map.of("name[]", List.of("ioap_routing_seconds", "process_cpu_seconds_total", "ioap_errors_total")));

        assertEquals(Map.of("ioap_routing_seconds", "histogram", "process_cpu_seconds_total", "counter",
                "ioap_errors_total", "counter"), scrape.types);
    }

    @Test
    void jvmAndProcessMetricsCanBeLeftOut() {
        Scrape scrape = scrape(endpoint(false), Map.of());

        assertFalse(scrape.hasFamilyStartingWith("jvm_"), scrape.text);
        assertFalse(scrape.hasFamilyStartingWith("process_"), scrape.text);
        assertTrue(scrape.types.containsKey("ioap_connections"));
    }

    private MetricsEndpoint endpoint(boolean jvmMetrics) {
        return new MetricsEndpoint(metrics, agents, Configs.of(MetricsConfig.class, Map.of("jvmMetrics", jvmMetrics)),
                () -> transport);
    }

    private static Scrape scrape(MetricsEndpoint endpoint, Map<String, List<String>> query) {
        return new Scrape(endpoint.handle(get(query)).body());
    }

    private static HttpRequest get(Map<String, List<String>> query) {
        return new HttpRequest("GET", "/metrics", query, "127.0.0.1:9090");
    }

    private void register(Connection connection, String did, int seed) {
        byte[] key = new byte[32];
        key[0] = (byte) seed;
        agents.register(connection, new DidKey(did, key, Encoding.STANDARD), List.of(),
                JsonNodeFactory.instance.objectNode());
    }
}
