package io.aiconexus.gateway.sdk.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.aiconexus.gateway.sdk.GatewayClient;
import io.aiconexus.gateway.sdk.itests.support.CliRun;
import io.aiconexus.gateway.sdk.itests.support.SdkTestBase;

/** The {@code ioap} commands that talk to a gateway, run in-process against the real one. */
class CliCommandsTest extends SdkTestBase {

    @TempDir
    Path home;

    @Test
    void listenPrintsWhatSendSends() throws Exception {
        Map<String, String> listener = keyEnv("listener.json");
        Map<String, String> sender = keyEnv("sender.json");
        assertEquals(0, CliRun.run(listener, "keygen").exitCode());
        assertEquals(0, CliRun.run(sender, "keygen").exitCode());
        String listenerDid = didOf(CliRun.run(listener, "whoami"));
        String senderDid = didOf(CliRun.run(sender, "whoami"));

        CompletableFuture<Integer> listening = new CompletableFuture<>();
        CliRun listen = CliRun.start(listener, listening, "listen", "--count", "1", "--timeout", "30");
        listen.whenErr("Listening on").get(15, TimeUnit.SECONDS);

        CliRun send = CliRun.run(sender, "send", "OFFER", listenerDid, "sdp=v=0 from the cli");

        assertEquals(0, send.exitCode(), send::toString);
        assertTrue(send.out().contains("Sent OFFER ") && send.out().contains("The gateway routed it"), send::toString);
        assertEquals(0, listening.get(15, TimeUnit.SECONDS), listen::toString);
        String line = listen.out().strip();
        assertTrue(line.contains("OFFER from " + senderDid) && line.contains("{\"sdp\":\"v=0 from the cli\"}"), line);
    }

    @Test
    void sendToAnUnknownAgentSaysWhatTheGatewayAnswered() throws Exception {
        Map<String, String> sender = keyEnv("sender.json");
        CliRun.run(sender, "keygen");
        String nobody = io.aiconexus.gateway.sdk.AgentKeys.generate().did();

        CliRun send = CliRun.run(sender, "send", "OFFER", nobody, "sdp=v=0");

        assertEquals(1, send.exitCode(), send::toString);
        assertTrue(send.err().contains("UNKNOWN_AGENT"), send::toString);
    }

    @Test
    void anExecRequestPrintsTheAnswer() throws Exception {
        GatewayClient worker = client(clientBuilder());
        worker.on(io.aiconexus.gateway.protocol.MessageType.EXEC_REQUEST,
                (request, client) -> client.send(io.aiconexus.gateway.sdk.Messages.execResponse(request, "done")));
        worker.connect();
        Map<String, String> sender = keyEnv("sender.json");
        CliRun.run(sender, "keygen");

        CliRun send = CliRun.run(sender, "send", "EXEC_REQUEST", worker.did(), "--payload", "{\"args\":{\"n\":1}}");

        assertEquals(0, send.exitCode(), send::toString);
        assertTrue(send.out().contains("Answer: ") && send.out().contains("EXEC_RESPONSE from " + worker.did())
                && send.out().contains("\"result\":\"done\""), send::toString);
    }

    @Test
    void pingHealthAndAgents() throws Exception {
        Map<String, String> pinger = keyEnv("pinger.json");
        CliRun.run(pinger, "keygen");
        GatewayClient present = client(clientBuilder().capability("translate", null));
        present.connect();

        CliRun ping = CliRun.run(pinger, "ping", "--count", "2", "--interval", "0");
        CliRun health = CliRun.run(env(), "health");
        CliRun agents = CliRun.run(env(), "agents", "--capability", "translate");

        assertEquals(0, ping.exitCode(), ping::toString);
        assertTrue(ping.out().contains("PONG from gateway: seq=1 time=") && ping.out().contains("PONG from gateway: seq=2 time=")
                && ping.out().contains("2 sent, 2 received, 0 lost"), ping::toString);
        assertEquals(0, health.exitCode(), health::toString);
        assertTrue(health.out().contains(": healthy, "), health::toString);
        assertEquals(0, agents.exitCode(), agents::toString);
        assertTrue(agents.out().contains(present.did()), agents::toString);
    }

    @Test
    void aMissingKeyFileIsReportedWithExitCode5() {
        CliRun listen = CliRun.run(keyEnv("never-made.json"), "listen", "--count", "1");

        assertEquals(5, listen.exitCode(), listen::toString);
        assertTrue(listen.err().contains("no key file at") && listen.err().contains("ioap keygen"), listen::toString);
        assertTrue(Files.notExists(home.resolve("never-made.json")));
    }

    private Map<String, String> keyEnv(String keyFile) {
        Map<String, String> env = new HashMap<>(env());
        env.put("IOAP_KEY", home.resolve(keyFile).toString());
        return env;
    }

    private static String didOf(CliRun whoami) {
        return whoami.outLines().stream().filter(line -> line.startsWith("DID:")).findFirst()
                .map(line -> line.substring(4).strip()).orElseThrow(() -> new AssertionError(whoami.toString()));
    }
}
