package io.aiconexus.gateway.router.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aiconexus.gateway.identity.AgentIdentity;
import io.aiconexus.gateway.identity.internal.CachingEnvelopeVerifier;
import io.aiconexus.gateway.identity.internal.DidKeyCodec;
import io.aiconexus.gateway.identity.internal.JcsEnvelopeSigner;
import io.aiconexus.gateway.identity.internal.KeyFileIdentities;
import io.aiconexus.gateway.protocol.ErrorCode;
import io.aiconexus.gateway.protocol.JsonLimits;
import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.protocol.internal.JacksonEnvelopeCodec;
import io.aiconexus.gateway.protocol.internal.JsonCanonicalizer;
import io.aiconexus.gateway.registry.internal.InMemoryAgentRegistry;
import io.aiconexus.gateway.registry.internal.RegistryConfig;
import io.aiconexus.gateway.router.MessageHandler;
import io.aiconexus.gateway.router.RoutingDecision;
import io.aiconexus.gateway.router.RoutingEvent;
import io.aiconexus.gateway.router.RoutingPolicy;
import io.aiconexus.gateway.verification.internal.SignatureFrameVerifier;
import io.aiconexus.gateway.verification.internal.VerifierConfig;
import io.aiconexus.gateway.transport.testing.RecordingConnection;

/** The router with the real codec, signer, verifier and registry; only the sockets are recorded. */
class GatewayRouterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JacksonEnvelopeCodec codec = new JacksonEnvelopeCodec(JsonLimits.DEFAULT);
    private final JsonCanonicalizer canonicalizer = new JsonCanonicalizer();
    private final DidKeyCodec didKeys = new DidKeyCodec();
    private final JcsEnvelopeSigner signer = new JcsEnvelopeSigner(canonicalizer);
    private final KeyFileIdentities identities = new KeyFileIdentities();
    private final AgentIdentity gateway = identities.generate();
    private final InMemoryAgentRegistry registry = new InMemoryAgentRegistry(Configs.of(RegistryConfig.class, Map.of()));
    private final SignatureFrameVerifier verifier = new SignatureFrameVerifier(
            new CachingEnvelopeVerifier(canonicalizer, didKeys), Configs.of(VerifierConfig.class, Map.of()));
    private GatewayRouter router;
    private final Agent alice = new Agent();
    private final Agent bob = new Agent();
    private final Agent carol = new Agent();

    @BeforeEach
    void start() throws Exception {
        router = new GatewayRouter(codec, didKeys, signer, gateway, registry, verifier,
                Configs.of(RouterConfig.class, Map.of()));
        router.addHandler(new DirectDeliveryHandler(), properties(0, MessageHandler.TARGET_AGENT, "direct-delivery"));
        for (Agent agent : List.of(alice, bob, carol)) {
            router.opened(agent.connection);
            router.text(agent.connection, agent.frame(MessageType.REGISTER, agent.identity.did(), "{}"));
            assertEquals("REGISTER", type(agent.connection.last()));
        }
    }

    @AfterEach
    void stop() {
        router.deactivate();
        registry.deactivate();
        verifier.deactivate();
    }

    @Test
    void policiesAreAskedHighestRankingFirstAndADenialStopsTheFrame() throws Exception {
        List<String> asked = new ArrayList<>();
        router.addPolicy(request -> {
            asked.add("low");
            return RoutingDecision.allow();
        }, properties(1, null, "low"));
        router.addPolicy(request -> {
            asked.add("high");
            return RoutingDecision.deny(ErrorCode.FORBIDDEN, "not today");
        }, properties(10, null, "high"));

        String offer = alice.offerTo(bob);
        router.text(alice.connection, offer);

        assertEquals(List.of("high"), asked);
        JsonNode error = JSON.readTree(alice.connection.last());
        assertEquals("FORBIDDEN", error.at("/payload/code").asText());
        assertEquals("high", error.at("/payload/details/policy").asText());
        assertEquals(1, bob.connection.sent.size(), "bob only has his REGISTER ack");
        assertEquals(List.of("high (ranking 10)", "low (ranking 1)"), router.policies());
    }

    @Test
    void aRedirectSendsTheFrameElsewhereUnchanged() throws Exception {
        router.addPolicy(request -> RoutingDecision.redirect(carol.identity.did()), properties(0, null, "to-carol"));

        String offer = alice.offerTo(bob);
        router.text(alice.connection, offer);

        assertEquals(offer, carol.connection.last());
        assertEquals(1, bob.connection.sent.size());
    }

    @Test
    void aPolicyThatThrowsFailsClosed() throws Exception {
        router.addPolicy(request -> {
            throw new IllegalStateException("boom");
        }, properties(0, null, "broken"));

        router.text(alice.connection, alice.offerTo(bob));

        assertEquals("INTERNAL_ERROR", JSON.readTree(alice.connection.last()).at("/payload/code").asText());
        assertEquals(1, bob.connection.sent.size());
    }

    @Test
    void aHigherRankedHandlerReplacesTheBuiltInDelivery() throws Exception {
        List<String> seen = new ArrayList<>();
        router.addHandler(context -> {
            seen.add(context.envelope().id());
            context.reply(MessageType.PONG, context.newObject());
            return true;
        }, properties(100, MessageHandler.TARGET_AGENT, "interceptor"));

        router.text(alice.connection, alice.offerTo(bob));

        assertEquals(1, seen.size());
        assertEquals("PONG", type(alice.connection.last()));
        assertEquals(1, bob.connection.sent.size());
        assertEquals("interceptor [agent, *] (ranking 100)", router.handlers().get(0));
    }

    @Test
    void listenersHearDeliveriesAndRefusals() throws Exception {
        List<RoutingEvent> events = new ArrayList<>();
        router.addListener(events::add, properties(0, null, "recorder"));

        router.text(alice.connection, alice.offerTo(bob));
        router.text(alice.connection, alice.frame(MessageType.OFFER, identities.generate().did(), "{\"sdp\":\"v=0\"}"));

        assertEquals(RoutingEvent.Outcome.DELIVERED, events.get(0).outcome());
        assertEquals(bob.identity.did(), events.get(0).recipient());
        assertEquals(RoutingEvent.Outcome.REFUSED, events.get(1).outcome());
        assertEquals("UNKNOWN_AGENT", events.get(1).code());
    }

    @Test
    void aClosedConnectionLeavesTheRegistry() {
        router.closed(bob.connection, 1006, "gone");

        assertTrue(registry.byDid(bob.identity.did()).isEmpty());
    }

    private static String type(String frame) throws Exception {
        return JSON.readTree(frame).get("type").asText();
    }

    private static Map<String, Object> properties(int ranking, String target, String name) {
        Map<String, Object> properties = new java.util.HashMap<>();
        properties.put(Constants.SERVICE_RANKING, ranking);
        properties.put(Constants.SERVICE_ID, (long) ranking);
        properties.put(RoutingPolicy.NAME, name);
        properties.put(MessageHandler.NAME, name);
        if (target != null) {
            properties.put(MessageHandler.TARGET, target);
        }
        return properties;
    }

    private final class Agent {
        final AgentIdentity identity = identities.generate();
        final RecordingConnection connection = new RecordingConnection();

        String frame(MessageType type, String to, String payloadJson) throws Exception {
            var payload = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(payloadJson);
            return codec.write(signer.sign(identity, codec.newEnvelope(type, identity.did(), to, null, payload)));
        }

        String offerTo(Agent other) throws Exception {
            return frame(MessageType.OFFER, other.identity.did(), "{\"sdp\":\"v=0\"}");
        }
    }
}
