package io.aiconexus.gateway.plugin.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.plugin.itests.support.Configs;
import io.aiconexus.gateway.plugin.itests.support.PluginTestBase;
import io.aiconexus.gateway.plugin.itests.support.Plugins;
import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.testsupport.TestAgent;

/** The access-control plugin, dropped into a running gateway, seen from real WebSocket clients. */
class AccessControlPluginTest extends PluginTestBase {

    @Test
    void theFirstMatchingRuleDecidesAndARefusalIsForbidden() throws Exception {
        try (TestAgent alice = TestAgent.registered(kit()); TestAgent bob = TestAgent.registered(kit());
                TestAgent carol = TestAgent.registered(kit()); TestAgent vault = TestAgent.registered(kit())) {
            String generation = Configs.set(configAdmin, Plugins.ACCESS_CONTROL, Map.of("rules", new String[] {
                    "deny from=" + alice.did() + " to=" + bob.did() + " types=OFFER,ANSWER",
                    "allow from=" + alice.did(),
                    "deny to=" + prefix(vault.did()) }));
            deploy.drop(Plugins.jar(context, Plugins.ACCESS_CONTROL));
            Plugins.awaitPolicy(context, "access-control", Configs.generation(generation));

            String offer = alice.send(MessageType.OFFER, bob.did(), alice.payload().put("sdp", "v=0"));
            ObjectNode refused = alice.nextError(offer, "FORBIDDEN");
            assertEquals("access-control", refused.at("/details/policy").asText());
            assertTrue(refused.get("message").asText().contains("rule 1"), refused::toString);

            String candidate = alice.send(MessageType.ICE_CANDIDATE, bob.did(), alice.payload().put("candidate", "c"));
            assertEquals(candidate, bob.next().get("id").asText(), "rule 1 names only OFFER and ANSWER");

            String toVault = alice.send(MessageType.OFFER, vault.did(), alice.payload().put("sdp", "v=0"));
            assertEquals(toVault, vault.next().get("id").asText(), "rule 2 allows alice before rule 3 is reached");

            String carolToVault = carol.send(MessageType.OFFER, vault.did(), carol.payload().put("sdp", "v=0"));
            assertTrue(carol.nextError(carolToVault, "FORBIDDEN").get("message").asText().contains("rule 3"));

            String carolToBob = carol.send(MessageType.OFFER, bob.did(), carol.payload().put("sdp", "v=0"));
            assertEquals(carolToBob, bob.next().get("id").asText(), "no rule matches: the default allows");
        }
    }

    @Test
    void aDefaultDenyNeedsARuleEvenForPingsToTheGateway() throws Exception {
        try (TestAgent alice = TestAgent.registered(kit()); TestAgent bob = TestAgent.registered(kit())) {
            String generation = Configs.set(configAdmin, Plugins.ACCESS_CONTROL, Map.of("defaultAction", "deny",
                    "rules", new String[] { "allow from=" + alice.did() + " to=" + bob.did(), "allow to=gateway types=PING" }));
            deploy.drop(Plugins.jar(context, Plugins.ACCESS_CONTROL));
            Plugins.awaitPolicy(context, "access-control", Configs.generation(generation));

            String offer = alice.send(MessageType.OFFER, bob.did(), alice.payload().put("sdp", "v=0"));
            assertEquals(offer, bob.next().get("id").asText());
            String answer = bob.send(MessageType.ANSWER, alice.did(), bob.payload().put("sdp", "v=0"));
            assertTrue(bob.nextError(answer, "FORBIDDEN").get("message").asText().contains("default deny"));
            String ping = bob.send(MessageType.PING, "did:key:gateway", bob.payload().put("sequence", 7));
            ObjectNode pong = bob.next();
            assertEquals("PONG", pong.get("type").asText(), pong::toString);
            assertEquals(ping, pong.get("correlation_id").asText());
        }
    }

    @Test
    void aConfigurationWithABadRuleIsRejectedAndThePreviousRulesStay() throws Exception {
        try (TestAgent alice = TestAgent.registered(kit()); TestAgent bob = TestAgent.registered(kit())) {
            String first = Configs.set(configAdmin, Plugins.ACCESS_CONTROL,
                    Map.of("rules", new String[] { "deny from=" + alice.did() }));
            deploy.drop(Plugins.jar(context, Plugins.ACCESS_CONTROL));
            Plugins.awaitPolicy(context, "access-control", Configs.generation(first));

            String broken = Configs.set(configAdmin, Plugins.ACCESS_CONTROL,
                    Map.of("rules", new String[] { "allow from=" + alice.did(), "deny form=" + bob.did() }));
            Plugins.awaitPolicy(context, "access-control", Configs.generation(broken));

            String offer = alice.send(MessageType.OFFER, bob.did(), alice.payload().put("sdp", "v=0"));
            alice.nextError(offer, "FORBIDDEN");
            String answer = bob.send(MessageType.ANSWER, alice.did(), bob.payload().put("sdp", "v=0"));
            assertEquals(answer, alice.next().get("id").asText(), "the rejected deny rule for bob never applied");
        }
    }

    @Test
    void rulesCanComeFromAConfigurationFileInTheDeployFolder() throws Exception {
        try (TestAgent alice = TestAgent.registered(kit()); TestAgent bob = TestAgent.registered(kit())) {
            // the .config format of FileInstall, as docs/PLUGINS.md shows it
            deploy.writeConfiguration(Plugins.ACCESS_CONTROL + ".config", String.join("\n",
                    "rules=[ \\",
                    "  \"deny from=" + prefix(alice.did()) + " to=* types=OFFER,ANSWER\", \\",
                    "  ]",
                    "defaultAction=\"allow\"",
                    Configs.GENERATION + "=\"from-file\"", ""));
            deploy.drop(Plugins.jar(context, Plugins.ACCESS_CONTROL));
            Plugins.awaitPolicy(context, "access-control", Configs.generation("from-file"));

            String offer = alice.send(MessageType.OFFER, bob.did(), alice.payload().put("sdp", "v=0"));
            alice.nextError(offer, "FORBIDDEN");
            String candidate = alice.send(MessageType.ICE_CANDIDATE, bob.did(), alice.payload().put("candidate", "c"));
            assertEquals(candidate, bob.next().get("id").asText());
        }
    }

    /** A prefix pattern that matches {@code did} and, in practice, no other agent. */
    private static String prefix(String did) {
        return did.substring(0, did.length() - 4) + "*";
    }
}
