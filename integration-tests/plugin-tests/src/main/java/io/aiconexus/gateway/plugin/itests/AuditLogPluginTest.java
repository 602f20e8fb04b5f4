package io.aiconexus.gateway.plugin.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aiconexus.gateway.plugin.itests.support.Configs;
import io.aiconexus.gateway.plugin.itests.support.Eventually;
import io.aiconexus.gateway.plugin.itests.support.PluginTestBase;
import io.aiconexus.gateway.plugin.itests.support.Plugins;
import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.testsupport.TestAgent;

/** The audit-log plugin, dropped into a running gateway: what it writes for frames sent by real clients. */
class AuditLogPluginTest extends PluginTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WRITTEN = Duration.ofSeconds(20);
    private static final List<String> FIELDS = List.of("time", "id", "type", "from", "to", "recipient", "outcome", "code", "by");

    @Test
    void deliveredAndRefusedFramesAreWrittenToTheDataDirectoryByDefault() throws Exception {
        Path log = Paths.get(context.getProperty("aiconexus.data"), "audit", "routing.log");
        Files.deleteIfExists(log);
        String policy = Configs.set(configAdmin, Plugins.ACCESS_CONTROL, Map.of("rules", new String[] { "deny types=ANSWER" }));
        deploy.drop(Plugins.jar(context, Plugins.ACCESS_CONTROL));
        Plugins.awaitPolicy(context, "access-control", Configs.generation(policy));
        deploy.drop(Plugins.jar(context, Plugins.AUDIT_LOG));
        Plugins.awaitListener(context);

        try (TestAgent alice = TestAgent.registered(kit()); TestAgent bob = TestAgent.registered(kit())) {
            Instant before = Instant.now();
            String offer = alice.send(MessageType.OFFER, bob.did(), alice.payload().put("sdp", "v=0"));
            bob.next();
            String answer = bob.send(MessageType.ANSWER, alice.did(), bob.payload().put("sdp", "v=0"));
            bob.nextError(answer, "FORBIDDEN");
            String nobody = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";
            String lost = alice.send(MessageType.OFFER, nobody, alice.payload().put("sdp", "v=0"));
            alice.nextError(lost, "UNKNOWN_AGENT");
            String ping = alice.send(MessageType.PING, "did:key:gateway", alice.payload().put("sequence", 1));
            alice.next();

            Map<String, JsonNode> lines = Eventually.await("four audit lines in " + log, WRITTEN, () -> {
                Map<String, JsonNode> byId = byId(readLines(log));
                return byId.keySet().containsAll(List.of(offer, answer, lost, ping)) ? byId : null;
            });

            JsonNode delivered = lines.get(offer);
            assertEquals(FIELDS, fieldNames(delivered), "every line has the same fields, in order");
            assertEquals("OFFER", delivered.get("type").asText());
            assertEquals(alice.did(), delivered.get("from").asText());
            assertEquals(bob.did(), delivered.get("to").asText());
            assertEquals(bob.did(), delivered.get("recipient").asText());
            assertEquals("DELIVERED", delivered.get("outcome").asText());
            assertTrue(delivered.get("code").isNull());
            assertEquals("direct-delivery", delivered.get("by").asText());
            assertFalse(Instant.parse(delivered.get("time").asText()).isBefore(before.minusSeconds(1)));

            JsonNode forbidden = lines.get(answer);
            assertEquals("REFUSED", forbidden.get("outcome").asText());
            assertEquals("FORBIDDEN", forbidden.get("code").asText());
            assertEquals("access-control", forbidden.get("by").asText());
            assertTrue(forbidden.get("recipient").isNull());

            JsonNode unknown = lines.get(lost);
            assertEquals("REFUSED", unknown.get("outcome").asText());
            assertEquals("UNKNOWN_AGENT", unknown.get("code").asText());
            assertEquals(nobody, unknown.get("to").asText());

            JsonNode toGateway = lines.get(ping);
            assertEquals("DELIVERED", toGateway.get("outcome").asText());
            assertEquals(gateway.did(), toGateway.get("recipient").asText());
            assertEquals("ping", toGateway.get("by").asText());
        }
    }

    @Test
    void theFileIsRotatedBySizeKeepingTheConfiguredNumberOfFiles() throws Exception {
        Path dir = Files.createTempDirectory(Paths.get(context.getProperty("aiconexus.data")), "audit-");
        Path log = dir.resolve("routing.log");
        String generation = Configs.set(configAdmin, Plugins.AUDIT_LOG,
                Map.of("file", log.toString(), "maxFileBytes", 4096L, "maxFiles", 2));
        deploy.drop(Plugins.jar(context, Plugins.AUDIT_LOG));
        Plugins.awaitListener(context, Configs.generation(generation));

        try (TestAgent alice = TestAgent.registered(kit()); TestAgent bob = TestAgent.registered(kit())) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                ids.add(alice.send(MessageType.ICE_CANDIDATE, bob.did(), alice.payload().put("candidate", "c" + i)));
            }
            for (int i = 0; i < 120; i++) {
                bob.next();
            }
            String last = ids.get(ids.size() - 1);
            Eventually.await("the last frame in " + log, WRITTEN, () -> byId(readLines(log)).containsKey(last));

            Path first = dir.resolve("routing.log.1");
            Path second = dir.resolve("routing.log.2");
            assertTrue(Files.exists(first) && Files.exists(second), "two rotated files");
            assertFalse(Files.exists(dir.resolve("routing.log.3")), "no more than two rotated files are kept");
            List<String> kept = new ArrayList<>();
            for (Path file : List.of(second, first, log)) {
                assertTrue(Files.size(file) <= 4096, file + " is " + Files.size(file) + " bytes");
                readLines(file).forEach(line -> kept.add(line.get("id").asText()));
            }
            int from = ids.indexOf(kept.get(0));
            assertTrue(from > 0, "the oldest lines were rotated away");
            assertEquals(ids.subList(from, ids.size()), kept, "the kept files hold the newest lines, in order, none missing");
        }
    }

    private static List<JsonNode> readLines(Path file) throws Exception {
        if (!Files.exists(file)) {
            return List.of();
        }
        // the writer may be in the middle of a line: read only complete ones
        String text = Files.readString(file);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
            if (!line.isEmpty()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    private static Map<String, JsonNode> byId(List<JsonNode> lines) {
        return lines.stream().collect(Collectors.toMap(line -> line.path("id").asText(), line -> line, (a, b) -> a));
    }

    private static List<String> fieldNames(JsonNode line) {
        List<String> names = new ArrayList<>();
        line.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
