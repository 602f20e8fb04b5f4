package io.aiconexus.gateway.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aiconexus.gateway.identity.AgentIdentity;
import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.sdk.AgentKeys;
import io.aiconexus.gateway.sdk.ClientError;
import io.aiconexus.gateway.sdk.Message;
import io.aiconexus.gateway.sdk.Messages;

/**
 * Interoperability with implementations that share no code with the SDK: a Node.js script
 * (src/test/node/interop.mjs) with @noble/ed25519, canonicalize (RFC 8785) and @scure/base checks
 * the frames the SDK signs, and signs frames the SDK must verify. Needs {@code npm ci} in
 * src/test/node first; nothing goes to the network while the test runs.
 */
class NodeInteropTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path NODE_DIR = Path.of(System.getProperty("ioap.node.dir", "src/test/node"));
    private static final AgentIdentity ALICE = AgentKeys.generate();
    private static final AgentIdentity BOB = AgentKeys.generate();

    @TempDir
    Path work;

    @BeforeAll
    static void nodeIsReady() {
        if (!Files.isDirectory(NODE_DIR.resolve("node_modules"))) {
            fail("the interoperability script's packages are not installed: run 'npm ci --prefix "
                    + NODE_DIR.toAbsolutePath() + "' (needs Node.js 18 or later)");
        }
    }

    @Test
    void framesSignedByTheSdkVerifyInNode() throws Exception {
        Frames frames = new Frames(ALICE);
        Map<String, Message> sent = new LinkedHashMap<>();
        for (Message message : List.of(
                Messages.offer(BOB.did(), "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n"),
                Messages.intent(BOB.did(), "translate", Map.of("text", "Zoë — 東京 😀", "quote", "\"\\/\u2028")),
                Message.builder(MessageType.EXEC_REQUEST, BOB.did())
                        .payloadJson("{\"args\":{\"ratio\":0.1,\"big\":1e21,\"small\":1e-7,\"whole\":1234.0,"
                                + "\"negative\":-0.5,\"list\":[3,2,1],\"nested\":{\"z\":null,\"a\":true}},\"timeout_ms\":5000}")
                        .build(),
                Messages.execRequest(BOB.did(), Map.of("n", Long.MAX_VALUE)),
                Messages.ping(Messages.GATEWAY, 7))) {
            sent.put(message.id(), message);
        }
        List<String> texts = new ArrayList<>();
        for (Message message : sent.values()) {
            texts.add(frames.sign(message).text());
        }
        String tampered = frames.sign(Messages.offer(BOB.did(), "v=0 as signed")).text().replace("as signed", "changed");
        texts.add(tampered);
        Path file = work.resolve("frames.json");
        Files.writeString(file, JSON.writeValueAsString(texts));

        JsonNode results = JSON.readTree(node("verify", file.toString()));

        assertEquals(texts.size(), results.size());
        for (int i = 0; i < sent.size(); i++) {
            JsonNode result = results.get(i);
            assertTrue(sent.containsKey(result.get("id").asText()));
            assertTrue(result.get("valid").asBoolean(), () -> "Node refused " + result + ": " + texts.get(results.size() - 1));
        }
        assertFalse(results.get(texts.size() - 1).get("valid").asBoolean(), "Node must refuse a changed frame too");
    }

    @Test
    void framesSignedInNodeVerifyInTheSdk() throws Exception {
        JsonNode signed = JSON.readTree(node("sign"));
        Set<String> tampered = Set.of(JSON.convertValue(signed.get("tampered"), String[].class));
        Frames frames = new Frames(BOB);

        int verified = 0;
        for (JsonNode text : signed.get("frames")) {
            Frames.Received received = frames.read(text.asText());
            String id = JSON.readTree(text.asText()).get("id").asText();
            if (tampered.contains(id)) {
                assertEquals(ClientError.Kind.INVALID_SIGNATURE, received.error().kind(), text.asText());
            } else {
                assertNull(received.error(), () -> "the SDK refused a frame Node signed: " + received.error());
                verified++;
            }
        }
        assertEquals(5, verified);
    }

    /** Runs the script; fails the test with its stderr when it does not exit 0. */
    private String node(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", "interop.mjs"));
        command.addAll(List.of(args));
        Path errors = work.resolve("node-stderr.txt");
        Process process;
        try {
            process = new ProcessBuilder(command).directory(NODE_DIR.toFile())
                    .redirectError(errors.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("cannot run 'node' (Node.js 18 or later must be on the PATH): " + e.getMessage(), e);
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("node " + String.join(" ", args) + " did not finish within 60 s");
        }
        assertEquals(0, process.exitValue(), () -> "node " + String.join(" ", args) + " failed: " + read(errors));
        return out;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no stderr: " + e + ")";
        }
    }
}
