package io.aiconexus.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands and errors that need no gateway: help, keys, and bad arguments. */
class IoapOfflineTest {

    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {
    }

    private Result ioap(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Ioap.run(List.of(args), env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Map<String, String> key(String name) {
        return Map.of(Ioap.ENV_KEY, dir.resolve(name).toString());
    }

    @Test
    void helpListsEveryCommandAndTheExitCodes() {
        Result help = ioap(Map.of(), "help");

        assertEquals(0, help.exit());
        for (String command : List.of("keygen", "whoami", "listen", "send", "ping", "agents", "health", "demo-two-clients",
                "demo-exchange")) {
            assertTrue(help.out().contains("  " + command + " "), () -> command + " missing from\n" + help.out());
        }
        assertTrue(help.out().contains("3 gateway not reachable, 4 registration refused, 5 bad key file"), help.out());
        assertTrue(ioap(Map.of(), "help", "send").out().startsWith("ioap send TYPE TO"));
        assertTrue(ioap(Map.of(), "send", "--help").out().startsWith("ioap send TYPE TO"));
    }

    @Test
    void keygenThenWhoamiShowTheSameDid() throws Exception {
        Result keygen = ioap(key("agent.json"), "keygen");
        Result whoami = ioap(key("agent.json"), "whoami");

        assertEquals(0, keygen.exit(), keygen::toString);
        assertEquals(0, whoami.exit(), whoami::toString);
        String did = whoami.out().lines().filter(l -> l.startsWith("DID:")).findFirst().orElseThrow().substring(4).strip();
        assertTrue(did.startsWith("did:key:z6Mk") && keygen.out().contains(did), keygen + "\n" + whoami);
        assertTrue(Files.readString(dir.resolve("agent.json")).contains(did));
    }

    @Test
    void keygenKeepsAnExistingKeyUnlessForced() {
        ioap(key("agent.json"), "keygen");

        Result again = ioap(key("agent.json"), "keygen");
        Result forced = ioap(key("agent.json"), "keygen", "--force");

        assertEquals(1, again.exit());
        assertTrue(again.err().contains("already exists") && again.err().contains("--force"), again.err());
        assertEquals(0, forced.exit(), forced::toString);
    }

    @Test
    void aBadKeyFileIsExitCode5WithTheReason() throws Exception {
        Files.writeString(dir.resolve("broken.json"), "{\"did\": \"did:key:z6Mk\", \"private_key\": \"short\"}");

        Result broken = ioap(key("broken.json"), "whoami");
        Result missing = ioap(key("missing.json"), "send", "OFFER", "gateway", "sdp=v=0");

        assertEquals(5, broken.exit());
        assertTrue(broken.err().contains("bad key file") && broken.err().contains("private_key is not base64 of 32 bytes"),
                broken.err());
        assertEquals(5, missing.exit());
        assertTrue(missing.err().contains("no key file at") && missing.err().contains("ioap keygen"), missing.err());
    }

    @Test
    void badArgumentsAreExitCode2AndSayWhatIsWrong() {
        ioap(key("agent.json"), "keygen");

        Result unknownCommand = ioap(Map.of(), "sned");
        Result unknownOption = ioap(key("agent.json"), "ping", "--cont", "3");
        Result notANumber = ioap(key("agent.json"), "ping", "--count", "three");
        Result badType = ioap(key("agent.json"), "send", "HELLO", "gateway");
        Result badPayload = ioap(key("agent.json"), "send", "OFFER", "gateway", "--payload", "[1]");
        Result schema = ioap(key("agent.json"), "send", "OFFER", "gateway", "spd=typo");
        Result badGateway = ioap(key("agent.json"), "ping", "--gateway", "http://127.0.0.1:8000");
        Result badJson = ioap(key("agent.json"), "send", "EXEC_REQUEST", "gateway", "args:={x}");
        Result stringWhereNumber = ioap(key("agent.json"), "send", "EXEC_REQUEST", "gateway", "timeout_ms=5000");

        for (Result result : List.of(unknownCommand, unknownOption, notANumber, badType, badPayload, schema, badGateway,
                badJson, stringWhereNumber)) {
            assertEquals(2, result.exit(), result::toString);
        }
        assertTrue(unknownCommand.err().contains("unknown command 'sned'"));
        assertTrue(unknownOption.err().contains("unknown option --cont"));
        assertTrue(notANumber.err().contains("--count must be a whole number, not 'three'"));
        assertTrue(badType.err().contains("TYPE must be one of"));
        assertTrue(badPayload.err().contains("must be a JSON object"));
        assertTrue(schema.err().contains("payload.sdp"), schema.err());
        assertTrue(badGateway.err().contains("must look like ws://127.0.0.1:8000/ws"), badGateway.err());
        assertTrue(badJson.err().contains("args:= needs a JSON value"), badJson.err());
        assertTrue(stringWhereNumber.err().contains("payload.timeout_ms"), stringWhereNumber.err());
    }

    @Test
    void noGatewayIsExitCode3() {
        ioap(key("agent.json"), "keygen");
        Map<String, String> env = Map.of(Ioap.ENV_KEY, dir.resolve("agent.json").toString(), Ioap.ENV_GATEWAY,
                "ws://127.0.0.1:1/ws");

        Result ping = ioap(env, "ping", "--count", "1");
        Result health = ioap(env, "health");

        assertEquals(3, ping.exit(), ping::toString);
        assertTrue(ping.err().contains("gateway not reachable"), ping.err());
        assertEquals(3, health.exit(), health::toString);
    }
}
