package io.aiconexus.gateway.plugin.accesscontrol.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.identity.DidKey;
import io.aiconexus.gateway.protocol.Envelope;
import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.protocol.payload.Capability;
import io.aiconexus.gateway.registry.RegisteredAgent;
import io.aiconexus.gateway.router.RoutingRequest;
import io.aiconexus.gateway.transport.Connection;
import io.aiconexus.gateway.transport.SendResult;

/** Just enough of a registered agent and its connection for a policy to decide on. */
final class Fakes {

    private Fakes() {
    }

    record Sender(String did, String host) implements RegisteredAgent, Connection {

        RoutingRequest request() {
            return request(MessageType.ICE_CANDIDATE, "did:key:zPeer", false);
        }

        RoutingRequest request(MessageType type, String recipient, boolean toGateway) {
            ObjectNode tree = JsonNodeFactory.instance.objectNode();
            tree.putObject("payload");
            String id = UUID.randomUUID().toString();
            Envelope envelope = new Envelope(tree, "{}", id, null, Instant.now(), did, recipient, type, "sig");
            return new RoutingRequest(envelope, this, recipient, toGateway);
        }

        @Override
        public DidKey key() {
            return new DidKey(did, new byte[32], DidKey.Encoding.STANDARD);
        }

        @Override
        public Connection connection() {
            return this;
        }

        @Override
        public Instant connectedAt() {
            return Instant.EPOCH;
        }

        @Override
        public Instant lastActivity() {
            return Instant.EPOCH;
        }

        @Override
        public List<Capability> capabilities() {
            return List.of();
        }

        @Override
        public ObjectNode metadata() {
            return JsonNodeFactory.instance.objectNode();
        }

        @Override
        public long framesIn() {
            return 0;
        }

        @Override
        public long framesOut() {
            return 0;
        }

        @Override
        public boolean hasCapability(String name, boolean prefix) {
            return false;
        }

        @Override
        public String id() {
            return "ws-" + did;
        }

        @Override
        public String remoteAddress() {
            return host + ":40000";
        }

        @Override
        public String remoteHost() {
            return host;
        }

        @Override
        public Instant openedAt() {
            return Instant.EPOCH;
        }

        @Override
        public String subprotocol() {
            return "ioap.v1";
        }

        @Override
        public SendResult send(String text) {
            return SendResult.QUEUED;
        }

        @Override
        public int queuedFrames() {
            return 0;
        }

        @Override
        public void close(int code, String reason) {
        }

        @Override
        public void abort(String reason) {
        }

        @Override
        public boolean isOpen() {
            return true;
        }
    }
}
