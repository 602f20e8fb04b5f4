package io.aiconexus.gateway.plugin.auditlog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.router.RoutingEvent;
import io.aiconexus.gateway.router.RoutingEvent.Outcome;

class AuditLineTest {
    private static final Instant TIME = Instant.parse("2026-01-12T10:00:00.123Z");

    @Test
    void aDeliveredFrameHasEveryFieldInOrder() {
        RoutingEvent event = new RoutingEvent(TIME, "id-1", MessageType.OFFER, "did:key:zA", "did:key:zB", "did:key:zB",
                Outcome.DELIVERED, null, "direct-delivery");
        assertEquals("{\"time\":\"2026-01-12T10:00:00.123Z\",\"id\":\"id-1\",\"type\":\"OFFER\",\"from\":\"did:key:zA\","
                + "\"to\":\"did:key:zB\",\"recipient\":\"did:key:zB\",\"outcome\":\"DELIVERED\",\"code\":null,"
                + "\"by\":\"direct-delivery\"}", AuditLine.of(event));
    }

    @Test
    void aRefusedFrameCarriesItsCodeAndAnIdNeedingEscapesIsEscaped() {
        RoutingEvent event = new RoutingEvent(TIME, "quote\"and\nnewline", MessageType.PING, "did:key:zA",
                "did:key:zB", null, Outcome.REFUSED, "FORBIDDEN", "access-control");
        assertEquals("{\"time\":\"2026-01-12T10:00:00.123Z\",\"id\":\"quote\\\"and\\nnewline\",\"type\":\"PING\","
                + "\"from\":\"did:key:zA\",\"to\":\"did:key:zB\",\"recipient\":null,\"outcome\":\"REFUSED\","
                + "\"code\":\"FORBIDDEN\",\"by\":\"access-control\"}", AuditLine.of(event));
    }

    @Test
    void aGapLineSaysHowManyDecisionsAreMissing() {
        assertEquals("{\"time\":\"2026-01-12T10:00:00.123Z\",\"dropped\":42}", AuditLine.dropped(TIME, 42));
    }
}
