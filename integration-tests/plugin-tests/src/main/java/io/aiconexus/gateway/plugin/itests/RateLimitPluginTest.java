package io.aiconexus.gateway.plugin.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.plugin.itests.support.Configs;
import io.aiconexus.gateway.plugin.itests.support.PluginTestBase;
import io.aiconexus.gateway.plugin.itests.support.Plugins;
import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.testsupport.TestAgent;

/** The rate-limit plugin, dropped into a running gateway, seen from real WebSocket clients. */
class RateLimitPluginTest extends PluginTestBase {
    /** Slow enough that no token comes back while a test runs: the counts below are exact. */
    private static final double NO_REFILL = 0.001;

    @Test
    void framesBeyondTheAgentBurstAreAnsweredRateLimitedAndRemovingThePluginLiftsTheLimit() throws Exception {
        String generation = Configs.set(configAdmin, Plugins.RATE_LIMIT,
                Map.of("agentRate", NO_REFILL, "agentBurst", 20, "hostRate", 0.0));
        deploy.drop(Plugins.jar(context, Plugins.RATE_LIMIT));
        Plugins.awaitPolicy(context, "rate-limit", Configs.generation(generation));

        try (TestAgent sender = TestAgent.registered(kit()); TestAgent receiver = TestAgent.registered(kit())) {
            List<String> ids = sendCandidates(sender, receiver, 30);
            for (int i = 20; i < 30; i++) {
                ObjectNode error = sender.nextError(ids.get(i), "RATE_LIMITED");
                assertEquals("rate-limit", error.at("/details/policy").asText());
                assertTrue(error.get("message").asText().contains("per agent"), error::toString);
            }
            for (int i = 0; i < 20; i++) {
                assertEquals("c" + i, receiver.next().at("/payload/candidate").asText(), "the burst is delivered in order");
            }
            String answer = receiver.send(MessageType.ICE_CANDIDATE, sender.did(), receiver.payload().put("candidate", "back"));
            ObjectNode back = sender.next();
            assertEquals(answer, back.get("id").asText(), "another agent keeps its own budget: " + back);

            deploy.remove(Plugins.RATE_LIMIT + ".jar");
            String after = sender.send(MessageType.ICE_CANDIDATE, receiver.did(), sender.payload().put("candidate", "free"));
            assertEquals(after, receiver.next().get("id").asText(), "without the plugin the sender is not limited");
        }
    }

    @Test
    void agentsOfOneHostShareTheHostBudget() throws Exception {
        String generation = Configs.set(configAdmin, Plugins.RATE_LIMIT,
                Map.of("agentRate", 0.0, "hostRate", NO_REFILL, "hostBurst", 30));
        deploy.drop(Plugins.jar(context, Plugins.RATE_LIMIT));
        Plugins.awaitPolicy(context, "rate-limit", Configs.generation(generation));

        try (TestAgent first = TestAgent.registered(kit()); TestAgent second = TestAgent.registered(kit());
                TestAgent receiver = TestAgent.registered(kit())) {
            sendCandidates(first, receiver, 20);
            for (int i = 0; i < 20; i++) {
                assertEquals(first.did(), receiver.next().get("from").asText());
            }
            List<String> ids = sendCandidates(second, receiver, 20);
            for (int i = 10; i < 20; i++) {
                ObjectNode error = second.nextError(ids.get(i), "RATE_LIMITED");
                assertTrue(error.get("message").asText().contains("per host 127.0.0.1"), error::toString);
            }
            for (int i = 0; i < 10; i++) {
                assertEquals(ids.get(i), receiver.next().get("id").asText(), "the host had 10 frames of budget left");
            }
        }
    }

    @Test
    void theDefaultsLetABurstOfAFewHundredFramesThrough() throws Exception {
        deploy.drop(Plugins.jar(context, Plugins.RATE_LIMIT));
        Plugins.awaitPolicy(context, "rate-limit");

        try (TestAgent sender = TestAgent.registered(kit()); TestAgent receiver = TestAgent.registered(kit())) {
            List<String> ids = sendCandidates(sender, receiver, 400);
            for (int i = 0; i < 400; i++) {
                assertEquals(ids.get(i), receiver.next().get("id").asText(), "frame " + i);
            }
            // frames of one connection are routed in order: a refusal would come before this PONG
            String ping = sender.send(MessageType.PING, "did:key:gateway", sender.payload().put("sequence", 1));
            ObjectNode pong = sender.next();
            assertEquals("PONG", pong.get("type").asText(), () -> "expected no ERROR, got " + pong);
            assertEquals(ping, pong.get("correlation_id").asText());
        }
    }

    private static List<String> sendCandidates(TestAgent from, TestAgent to, int count) throws Exception {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(from.send(MessageType.ICE_CANDIDATE, to.did(), from.payload().put("candidate", "c" + i)));
        }
        return ids;
    }
}
