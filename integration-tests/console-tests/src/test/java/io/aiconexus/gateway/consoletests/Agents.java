package io.aiconexus.gateway.consoletests;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Real agents in a Node process (src/test/node/agents.mjs): own Ed25519 keys, standard did:key,
 * frames signed over RFC 8785 JSON, a real WebSocket each. Their events arrive as JSON lines.
 */
final class Agents implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Process process;
    private final LineLog events;
    private final Writer commands;
    private final Map<String, String> dids = new LinkedHashMap<>();

    private Agents(Process process, Path log) {
        this.process = process;
        this.events = LineLog.follow("agents", process.getInputStream(), log);
        LineLog.follow("agents-stderr", process.getErrorStream(), log.resolveSibling("agents-stderr.log"));
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    /** Connects and registers one agent per spec ({@code NAME:CAP1,CAP2}); returns once all are registered. */
    static Agents connect(String url, Path log, String... specs) throws IOException {
        List<String> arguments = new ArrayList<>();
        arguments.add(url);
        arguments.addAll(List.of(specs));
        Agents agents = new Agents(Node.start("agents.mjs", Map.of(), arguments), log);
        for (String spec : specs) {
            String name = spec.split(":")[0];
            JsonNode registered = agents.await(e -> e.path("event").asText().equals("registered")
                    && e.path("name").asText().equals(name), name + " registered");
            agents.dids.put(name, registered.path("did").asText());
        }
        return agents;
    }

    String did(String name) {
        return dids.get(name);
    }

    int mark() {
        return events.size();
    }

    /** Sends a PING to the gateway from {@code name}; returns the frame's id. */
    String ping(String name, boolean badSignature) throws IOException {
        int from = mark();
        send(Map.of("cmd", "ping", "name", name, "badSignature", badSignature));
        return await(from, e -> e.path("event").asText().equals("sent") && e.path("name").asText().equals(name),
                "the PING of " + name + " sent").path("id").asText();
    }

    /** The gateway's answer to the frame {@code id} sent by {@code name}. */
    JsonNode answerTo(String name, String id) {
        return await(e -> e.path("event").asText().equals("frame") && e.path("name").asText().equals(name)
                && e.path("correlation_id").asText().equals(id), "the answer to " + id);
    }

    /** The close of {@code name}'s socket: {@code code} and {@code reason}. */
    JsonNode closed(String name, Duration within) {
        return parse(events.await(0, line -> matches(line, e -> e.path("event").asText().equals("closed")
                && e.path("name").asText().equals(name)), within, name + "'s socket closed"));
    }

    boolean isOpen(String name) {
        return events.lines().stream().noneMatch(line -> matches(line, e -> e.path("event").asText().equals("closed")
                && e.path("name").asText().equals(name)));
    }

    JsonNode await(Predicate<JsonNode> condition, String what) {
        return await(0, condition, what);
    }

    private JsonNode await(int from, Predicate<JsonNode> condition, String what) {
        return parse(events.await(from, line -> matches(line, condition), WAIT, what));
    }

    private void send(Map<String, Object> command) throws IOException {
        commands.write(JSON.writeValueAsString(command) + "\n");
        commands.flush();
    }

    private static boolean matches(String line, Predicate<JsonNode> condition) {
        return line.startsWith("{") && condition.test(parse(line));
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + line, e);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        commands.close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
