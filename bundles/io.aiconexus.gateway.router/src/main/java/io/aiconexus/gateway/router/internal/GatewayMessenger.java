package io.aiconexus.gateway.router.internal;

import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.identity.AgentIdentity;
import io.aiconexus.gateway.identity.EnvelopeSigner;
import io.aiconexus.gateway.mailbox.Mailboxes;
import io.aiconexus.gateway.monitoring.GatewayMetrics;
import io.aiconexus.gateway.protocol.Envelope;
import io.aiconexus.gateway.protocol.EnvelopeCodec;
import io.aiconexus.gateway.protocol.ErrorCode;
import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.transport.Connection;
import io.aiconexus.gateway.transport.SendResult;

/** Writes the frames the gateway itself sends: every one a full envelope signed by the gateway. */
final class GatewayMessenger {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayMessenger.class);
    private static final ObjectMapper DETAILS = new ObjectMapper();

    private final EnvelopeCodec codec;
    private final EnvelopeSigner signer;
    private final AgentIdentity gateway;
    private final MetricsSink metrics;
    private final Supplier<Mailboxes> mailboxes;

    GatewayMessenger(EnvelopeCodec codec, EnvelopeSigner signer, AgentIdentity gateway, MetricsSink metrics,
            Supplier<Mailboxes> mailboxes) {
        this.codec = codec;
        this.signer = signer;
        this.gateway = gateway;
        this.metrics = metrics;
        this.mailboxes = mailboxes;
    }

    /** The mailbox service, or null while it is absent (then agents that drop are simply gone). */
    Mailboxes mailboxes() {
        return mailboxes.get();
    }

    String gatewayDid() {
        return gateway.did();
    }

    /** Whether {@code did} names the gateway: its DID or the {@code did:key:gateway} alias. */
    boolean isGateway(String did) {
        return gateway.did().equals(did) || Envelope.GATEWAY_ALIAS.equals(did);
    }

    String gatewayPublicKey() {
        return gateway.publicKeyBase58();
    }

    GatewayMetrics metrics() {
        return metrics.get();
    }

    ObjectNode newObject() {
        return codec.objectNode();
    }

    /** Sends a gateway-signed frame; a sender whose own queue is full is stuck and is dropped. */
    void send(Connection connection, MessageType type, String to, String correlationId, ObjectNode payload) {
        ObjectNode envelope = codec.newEnvelope(type, gateway.did(), to, correlationId, payload);
        String text = codec.write(signer.sign(gateway, envelope));
        SendResult result = connection.send(text);
        if (result == SendResult.QUEUED) {
            metrics.get().frameOut(type);
        } else if (result == SendResult.FULL) {
            LOG.warn("Outbound queue of {} ({}) is full: disconnecting it", connection.id(), connection.remoteAddress());
            connection.abort("outbound queue full");
        }
    }

    void error(Connection connection, String to, String correlationId, ErrorCode code, String message,
            Map<String, Object> details) {
        ObjectNode payload = codec.objectNode();
        payload.put("code", code.name());
        payload.put("message", message);
        payload.set("details", DETAILS.valueToTree(details == null ? Map.of() : details));
        metrics.get().error(code);
        send(connection, MessageType.ERROR, to, correlationId, payload);
    }

    /** Holds the optional, dynamic metrics service; a no-op while it is absent. */
    interface MetricsSink {
        GatewayMetrics get();
    }
}
