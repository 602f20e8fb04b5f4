package io.aiconexus.gateway.consoletests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An operator's session with the gateway, end to end: the runtime jar as a process, three real
 * WebSocket agents, the Web Console in headless chromium, and the Gogo shell on the runtime's
 * standard input. The tests run in order on one gateway, as one operator would work through it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class OperatorConsoleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PASSWORD_LINE = Pattern.compile("^  Password: (\\S+)$");
    private static final String MARKUP_CAPABILITY = "<b>x</b>";
    private static final String TEMPLATE_CAPABILITY = "${appRoot}";
    private static final List<String> GATEWAY_PIDS = List.of("io.aiconexus.gateway.protocol",
            "io.aiconexus.gateway.identity", "io.aiconexus.gateway.transport", "io.aiconexus.gateway.registry",
            "io.aiconexus.gateway.verification", "io.aiconexus.gateway.router");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private Path work;
    private GatewayRuntime gateway;
    private Agents agents;
    private Browser browser;
    private String password;

    @BeforeAll
    void startGatewayAndAgents() throws Exception {
        work = Path.of(System.getProperty("console.tests.work", "target/console-test-run"));
        deleteTree(work);
        Files.createDirectories(work);
        gateway = GatewayRuntime.start(Path.of(System.getProperty("gateway.jar")),
                Path.of(System.getProperty("gateway.etc")), work.resolve("home"));
        gateway.awaitLine(line -> line.contains("Server Address: " + gateway.agentsUrl()), GatewayRuntime.START_TIMEOUT,
                "the gateway banner");
        String passwordLine = gateway.awaitLine(PASSWORD_LINE.asMatchPredicate(), GatewayRuntime.START_TIMEOUT,
                "the console password");
        Matcher matcher = PASSWORD_LINE.matcher(passwordLine);
        assertTrue(matcher.matches());
        password = matcher.group(1);
        awaitStatus(dataJson(password), 200);
        agents = Agents.connect(gateway.agentsUrl(), work.resolve("agents.log"), "alpha:echo,time",
                "beta:" + MARKUP_CAPABILITY + "," + TEMPLATE_CAPABILITY, "gamma");
        browser = new Browser(gateway.consoleUrl(), "admin", password, work);
    }

    @AfterAll
    void stop() throws Exception {
        if (agents != null) {
            agents.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    @Order(1)
    void generatedPasswordIsPrintedOnceKeptOwnerOnlyAndStoredHashed() throws Exception {
        List<String> printed = gateway.lines().stream().filter(PASSWORD_LINE.asMatchPredicate()).toList();
        assertEquals(1, printed.size(), "the password is printed once: " + printed);
        assertTrue(gateway.lines().stream().anyMatch(line -> line.equals("  Web Console: " + gateway.consoleUrl())));

        Path file = gateway.home.resolve("data/console-password");
        assertEquals(password, Files.readString(file, StandardCharsets.UTF_8).strip());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        String stored = Files.readString(gateway.home.resolve(
                "data/config/org/apache/felix/webconsole/internal/servlet/OsgiManager.config"), StandardCharsets.UTF_8);
        assertTrue(stored.contains("{sha-256}"), stored);
        assertFalse(stored.contains(password), "the configuration holds the hash, not the password");

        assertEquals(401, http.send(get(URI.create(gateway.consoleUrl() + "/gateway/data.json"), null),
                HttpResponse.BodyHandlers.discarding()).statusCode());
        assertEquals(401, status(dataJson("admin")), "the console's built-in admin/admin is refused");
        assertEquals(200, status(dataJson(password)));
    }

    @Test
    @Order(2)
    void wrongPasswordIsRefusedInTheBrowser() throws Exception {
        JsonNode refused = browser.run("refused", "not-the-password");
        assertTrue(refused.path("statuses").toString().contains("401"), refused.toString());
        assertFalse(refused.path("statuses").toString().contains("200"), refused.toString());
        assertFalse(refused.path("pageShown").asBoolean(), refused.toString());
    }

    @Test
    @Order(3)
    void loggedInOperatorSeesTheConnectedAgents() throws Exception {
        JsonNode page = browser.run("overview");

        assertEquals("Apache Felix Web Console - Gateway", page.path("title").asText());
        assertEquals(3, page.path("agentCount").asInt());
        assertEquals(Set.of(agents.did("alpha"), agents.did("beta"), agents.did("gamma")), dids(page));
        JsonNode alpha = row(page, agents.did("alpha"));
        assertEquals("echo, time", alpha.path("capabilities").asText());
        assertTrue(alpha.path("address").asText().startsWith("127.0.0.1:"), alpha.toString());
        assertTrue(alpha.path("since").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), alpha.toString());
        assertTrue(alpha.path("hasDisconnectButton").asBoolean());
        JsonNode beta = row(page, agents.did("beta"));
        assertEquals(MARKUP_CAPABILITY + ", " + TEMPLATE_CAPABILITY, beta.path("capabilities").asText(),
                "what an agent advertises is shown as text, neither markup nor a console template");
        assertTrue(beta.path("capabilitiesHtml").asText().contains("&lt;b&gt;"), beta.toString());

        assertEquals("enforce", page.path("mode").asText());
        assertEquals(gateway.agentsUrl(), page.path("agentAddress").asText());
        assertTrue(page.path("gatewayDid").asText().startsWith("did:key:z"), page.toString());
        assertEquals(List.of("none: every frame goes where it is addressed"), strings(page.path("policies")));
        assertTrue(strings(page.path("handlers")).stream().anyMatch(h -> h.startsWith("direct-delivery [agent, *]")),
                page.toString());
        assertEquals(0, page.path("scriptErrors").size(), page.toString());
    }

    @Test
    @Order(4)
    void liveTotalsFollowTheTrafficWithoutReloading() throws Exception {
        int pings = 10;
        Browser.Run watching = browser.start("watch", String.valueOf(pings));
        watching.awaitReady();
        for (int i = 0; i < pings; i++) {
            String id = agents.ping("alpha", false);
            assertEquals("PONG", agents.answerTo("alpha", id).path("type").asText());
        }
        JsonNode page = watching.result();

        assertTrue(page.path("framesIn").asLong() >= page.path("before").asLong() + pings, page.toString());
        assertTrue(page.path("rateIn").asDouble() > 0, "frames per second: " + page.path("rateIn"));
        assertTrue(row(page, agents.did("alpha")).path("framesIn").asLong() >= pings, page.toString());
        assertEquals(0, page.path("scriptErrors").size(), page.toString());
    }

    @Test
    @Order(5)
    void verificationModeChangedOnThePageTakesEffect() throws Exception {
        String refusedId = agents.ping("gamma", true);
        JsonNode refused = agents.answerTo("gamma", refusedId);
        assertEquals("ERROR", refused.path("type").asText());
        assertEquals("INVALID_SIGNATURE", refused.path("code").asText());

        JsonNode page = browser.run("set-mode", "audit");

        assertEquals("The verification mode was changed.", page.path("notice").asText());
        assertEquals("audit", page.path("mode").asText());
        JsonNode data = data();
        assertEquals("audit", data.path("mode").asText());
        String passedId = agents.ping("gamma", true);
        assertEquals("PONG", agents.answerTo("gamma", passedId).path("type").asText(),
                "in audit mode a badly signed frame is passed on");
        assertEquals(2, data().path("totals").path("verification_failures").path("bad_signature").asLong(),
                "and still counted");
        assertTrue(Files.readString(gateway.home.resolve("data/config/io/aiconexus/gateway/verification.config"))
                .contains("audit"), "the mode is stored in the configuration, so it survives a restart");
    }

    @Test
    @Order(6)
    void gogoCommandsShowTheGatewayAndActOnIt() throws Exception {
        List<String> mode = gateway.shell("gateway:mode", line -> line.contains("Verification mode:"));
        assertEquals("Verification mode: audit", mode.get(mode.size() - 1));
        List<String> enforce = gateway.shell("gateway:mode enforce", line -> line.contains("Verification mode:"));
        assertEquals("Verification mode: enforce", enforce.get(enforce.size() - 1));
        String id = agents.ping("gamma", true);
        assertEquals("INVALID_SIGNATURE", agents.answerTo("gamma", id).path("code").asText(), "enforced again");

        List<String> list = gateway.shell("gateway:agents", line -> line.contains("agents connected"));
        assertEquals("3 agents connected", list.get(list.size() - 1));
        assertTrue(list.get(0).startsWith("DID"), list.toString());
        for (String name : List.of("alpha", "beta", "gamma")) {
            assertTrue(list.stream().anyMatch(line -> line.startsWith(agents.did(name) + " ")), name + " in " + list);
        }

        List<String> stats = gateway.shell("gateway:stats", line -> line.startsWith("counting since"));
        assertTrue(stats.stream().anyMatch(line -> line.matches("agents connected +3")), stats.toString());
        assertTrue(stats.stream().anyMatch(line -> line.matches("verification failures 3 +bad_signature=3")), stats.toString());
        assertTrue(stats.stream().anyMatch(line -> line.matches("verification mode +enforce")), stats.toString());
        assertTrue(stats.stream().anyMatch(line -> line.matches("frames in +\\d+ +\\(\\d+\\.\\d/s\\) .*PING=\\d+.*")),
                stats.toString());

        List<String> policies = gateway.shell("gateway:policies", line -> line.contains("routing policy"));
        assertEquals("No routing policy: every frame goes where it is addressed", policies.get(policies.size() - 1));
        List<String> handlers = gateway.shell("gateway:handlers", line -> line.contains("unregister [gateway"));
        assertTrue(handlers.stream().anyMatch(line -> line.matches("\\d+\\. direct-delivery \\[agent, \\*\\] \\(ranking 0\\)")),
                handlers.toString());

        String gamma = agents.did("gamma");
        List<String> disconnect = gateway.shell("gateway:disconnect " + gamma.substring(0, 24),
                line -> line.contains("Disconnected did:") || line.contains("No agent") || line.contains("agents start with"));
        assertEquals("Disconnected " + gamma, disconnect.get(disconnect.size() - 1));
        JsonNode closed = agents.closed("gamma", Duration.ofSeconds(30));
        assertEquals(1008, closed.path("code").asInt());
        assertEquals("disconnected by operator", closed.path("reason").asText());
    }

    @Test
    @Order(7)
    void disconnectButtonClosesTheAgentAndRemovesIt() throws Exception {
        String beta = agents.did("beta");
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(gateway.consoleUrl() + "/gateway/disconnect"))
                .header("Authorization", basic(password)).header("Origin", "http://evil.example")
                .header("Accept", "application/json").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("did=" + URLEncoder.encode(beta, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, forged.statusCode(), "a form posted from another site is refused: " + forged.body());
        assertTrue(agents.isOpen("beta"));

        JsonNode page = browser.run("disconnect", beta);

        assertEquals("The agent was disconnected (close 1008, 'disconnected by operator').", page.path("notice").asText());
        assertEquals(Set.of(agents.did("alpha")), dids(page));
        JsonNode closed = agents.closed("beta", Duration.ofSeconds(30));
        assertEquals(1008, closed.path("code").asInt());
        assertEquals("disconnected by operator", closed.path("reason").asText());
        JsonNode listed = JSON.readTree(http.send(get(URI.create(gateway.httpUrl() + "/agents"), null),
                HttpResponse.BodyHandlers.ofString()).body());
        List<String> remaining = new ArrayList<>();
        listed.path("agents").forEach(agent -> remaining.add(agent.path("did").asText()));
        assertEquals(List.of(agents.did("alpha")), remaining, "/agents no longer lists it");
        assertTrue(agents.isOpen("alpha"));
    }

    @Test
    @Order(8)
    void everyGatewayConfigurationIsAFormAndAChangeAppliesLive() throws Exception {
        JsonNode configurationPage = browser.run("config-forms", String.join(",", GATEWAY_PIDS));
        Set<String> listed = new TreeSet<>();
        configurationPage.path("entries").forEach(entry -> {
            if (entry.path("name").asText().startsWith("AIConexus Gateway")) {
                listed.add(entry.path("pid").asText());
            }
        });
        assertTrue(listed.containsAll(GATEWAY_PIDS), "named gateway configurations: " + listed);

        JsonNode forms = configurationPage.path("forms");
        for (String pid : GATEWAY_PIDS) {
            JsonNode form = forms.path(pid);
            assertTrue(form.path("title").asText().startsWith("AIConexus Gateway"), pid + ": " + form);
            assertFalse(form.path("description").asText().isBlank(), pid + ": " + form);
            assertTrue(form.path("labels").size() > 0 && form.path("labels").size() == form.path("help").size(),
                    pid + " has a label and a description for every field: " + form);
        }
        assertEquals("300", forms.path("io.aiconexus.gateway.registry").path("values").path("idleTimeoutSeconds").asText(),
                "the form shows the default");

        JsonNode saved = browser.run("config-set", "io.aiconexus.gateway.registry", "idleTimeoutSeconds", "2");
        assertTrue(saved.path("saveStatus").asInt() < 400, saved.toString());
        assertTrue(Files.readString(gateway.home.resolve("data/config/io/aiconexus/gateway/registry.config"))
                .contains("idleTimeoutSeconds=I\"2\""), "saved in the configuration");
        JsonNode closed;
        try {
            closed = agents.closed("alpha", Duration.ofSeconds(30));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nconsole data: " + data(), e);
        }
        assertEquals(1000, closed.path("code").asInt(), "the idle agent is dropped under the new timeout");
        assertEquals("idle timeout", closed.path("reason").asText());
        assertEquals(0, data().path("count").asInt());
    }

    private JsonNode data() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(dataJson(password), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        return JSON.readTree(response.body());
    }

    private HttpRequest dataJson(String secret) {
        return get(URI.create(gateway.consoleUrl() + "/gateway/data.json"), "admin:" + secret);
    }

    private static HttpRequest get(URI uri, String credentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20));
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return request.build();
    }

    private static String basic(String secret) {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private int status(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The console registers its servlet after the banner: wait until it answers. */
    private void awaitStatus(HttpRequest request, int expected) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + GatewayRuntime.START_TIMEOUT.toNanos();
        int last;
        do {
            last = status(request);
            if (last == expected) {
                return;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(request.uri() + " answered " + last + ", not " + expected);
    }

    private static Set<String> dids(JsonNode page) {
        Set<String> dids = new TreeSet<>();
        page.path("rows").forEach(row -> dids.add(row.path("did").asText()));
        return dids;
    }

    private static JsonNode row(JsonNode page, String did) {
        for (JsonNode row : page.path("rows")) {
            if (row.path("did").asText().equals(did)) {
                assertEquals(did, row.path("shownDid").asText());
                return row;
            }
        }
        throw new AssertionError(did + " is not on the page: " + page);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
