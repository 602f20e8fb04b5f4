package io.aiconexus.gateway.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.bench.Frames;
import io.aiconexus.gateway.bench.Platform;
import io.aiconexus.gateway.identity.AgentIdentity;
import io.aiconexus.gateway.protocol.MessageType;

/**
 * Drives a real gateway (or, with {@code --target nats}, nats-server as the peer it is compared with)
 * over WebSocket as agents do: N agents connect and register (bounded
 * concurrency), optionally all answer one round trip (the sweep), then P pairs exchange signed
 * OFFER->ANSWER in closed loop or at a fixed rate. Reports join and round-trip latencies, routed
 * frames per second, frames lost, errors by code, and, read from the gateway process itself, its CPU
 * per routed frame and its memory per connected agent. See {@link LoadOptions#USAGE}.
 */
public final class LoadGenerator {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoadOptions options;
    private final Progress progress = new Progress();

    private LoadGenerator(LoadOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
            }
            System.err.print(LoadOptions.USAGE);
            System.exit(2);
            return;
        }
        ObjectNode report;
        try {
            report = new LoadGenerator(options).run();
        } catch (CannotStart e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report);
        if (options.json) {
            System.out.println(text);
        } else {
            System.out.print(Summary.of(report));
        }
        System.exit(0);
    }

    private ObjectNode run() throws Exception {
        ObjectNode report = JSON.createObjectNode();
        report.put("started_at", Instant.now().toString());
        report.put("target", options.target.label());
        report.set("arguments", JSON.valueToTree(options.arguments));
        report.put("load_average_before", ProcStats.loadAverage());
        report.put("cpu_pressure_before", ProcStats.cpuPressure());
        GatewayProcess gateway = null;
        NatsProcess nats = null;
        URI url = options.url;
        long pid = options.gatewayPid;
        boolean isNats = options.target == LoadOptions.Target.NATS;
        // "gateway" names the server under test in the report, whichever it is: scripts read these keys
        ObjectNode gatewayNode = report.putObject("gateway");
        if (isNats) {
            gatewayNode.put("verification", "none: nats-server routes without verifying signatures");
        }
        if (options.startGateway && isNats) {
            try {
                nats = NatsProcess.start(options.natsServer, options.agents);
            } catch (IOException e) {
                throw new CannotStart("cannot start nats-server: " + e.getMessage());
            }
            url = nats.url();
            pid = nats.pid();
            gatewayNode.put("started_by_generator", true);
            gatewayNode.put("server", "nats-server " + nats.version());
            gatewayNode.put("binary", options.natsServer.toString());
            gatewayNode.put("startup_ms", nats.startupMillis());
            gatewayNode.put("config", Files.readString(nats.config()));
            gatewayNode.put("log", nats.log().toString());
            progress.say("nats-server " + nats.version() + " started in " + nats.startupMillis() + " ms, pid " + pid
                    + ", " + url);
        } else if (options.startGateway) {
            Map<String, Map<String, String>> configuration = gatewayConfiguration();
            try {
                gateway = GatewayProcess.start(options.gatewayJar, options.runtimeDir, options.gatewayJavaOpts,
                        configuration);
            } catch (IOException e) {
                throw new CannotStart("cannot start the gateway: " + e.getMessage());
            }
            url = gateway.url();
            pid = gateway.pid();
            gatewayNode.put("started_by_generator", true);
            gatewayNode.put("startup_ms", gateway.startupMillis());
            gatewayNode.set("configuration", JSON.valueToTree(gateway.configuration()));
            gatewayNode.set("java_opts", JSON.valueToTree(options.gatewayJavaOpts));
            gatewayNode.put("log", gateway.log().toString());
            progress.say("gateway started in " + gateway.startupMillis() + " ms, pid " + pid + ", " + url);
        }
        gatewayNode.put("url", url.toString());
        gatewayNode.put("pid", pid);
        ExecutorService callbacks = Executors.newFixedThreadPool(options.clientThreads, daemonThreads("agent-callbacks"));
        try {
            HttpClient http = HttpClient.newBuilder().executor(callbacks).connectTimeout(Duration.ofSeconds(30)).build();
            Platform platform = new Platform();
            String sdp = Frames.sdp(options.payloadBytes);
            Exchange exchange = new Exchange(platform, sdp, sdp, options.closedLoop,
                    TimeUnit.SECONDS.toNanos(options.timeoutSeconds));
            if (options.joinWarmup > 0) {
                warmUpJoins(platform, exchange, callbacks, http, url, report);
            }
            List<LoadAgent> agents = prepare(platform, exchange, callbacks, options.agents);

            ObjectNode memory = report.putObject("memory");
            // heap after GC needs a JVM: nats-server gets RSS only
            boolean heap = options.gc && !isNats;
            if (isNats && pid > 0) {
                memory.put("heap_note", "nats-server is not a JVM: RSS only");
            }
            Report.measureMemory(memory, "before_join", pid, heap);
            long gatewayCpu0 = pid > 0 ? ProcStats.cpuMicros(pid) : -1;
            ThreadCpu gatewayThreads = pid > 0 ? ThreadCpu.start(pid) : null;
            long selfCpu0 = ProcStats.cpuMicros(ProcessHandle.current().pid());
            Joiner.Result join = Joiner.join(agents, http, url, options.connectConcurrency, progress);
            progress.status(() -> null);
            ObjectNode joinNode = Report.join(join, options);
            if (pid > 0) {
                joinNode.put("gateway_cpu_seconds", Report.round((ProcStats.cpuMicros(pid) - gatewayCpu0) / 1e6, 2));
                joinNode.set("gateway_cpu_breakdown", gatewayThreads.since(8));
            }
            joinNode.put("generator_cpu_seconds",
                    Report.round((ProcStats.cpuMicros(ProcessHandle.current().pid()) - selfCpu0) / 1e6, 2));
            report.set("join", joinNode);
            progress.say(String.format("joined: %,d/%,d registered in %.1f s", join.registered().size(), agents.size(),
                    join.seconds()));
            Report.measureMemory(memory, "after_join", pid, heap);
            Report.perAgent(memory, join.registered().size());
            report.put("gateway_connected_agents", isNats
                    ? Report.connectedAgents(http, nats == null ? null : nats.varz(), "connections")
                    : Report.connectedAgents(http, Report.health(url), "connected_agents"));

            if (options.sweep) {
                Joiner.SweepResult sweep = Joiner.sweep(join.registered(), exchange, 200, progress);
                progress.status(() -> null);
                ObjectNode node = report.putObject("sweep");
                node.put("pairs", sweep.pairs());
                node.put("answered", sweep.answered());
                node.set("failures", JSON.valueToTree(sweep.failures()));
                node.put("seconds", Report.round(sweep.seconds(), 2));
                progress.say(String.format("sweep: %,d/%,d pairs answered in %.1f s", sweep.answered(), sweep.pairs(),
                        sweep.seconds()));
            }

            int pairCount = Math.min(options.pairs, join.registered().size() / 2);
            if (pairCount > 0 && options.durationSeconds > 0) {
                List<LoadAgent.Pair> pairs = new ArrayList<>();
                for (int i = 0; i < pairCount; i++) {
                    pairs.add(new LoadAgent.Pair(i, join.registered().get(2 * i), join.registered().get(2 * i + 1)));
                }
                Traffic.Result traffic = Traffic.run(pairs, exchange, options, pid, progress);
                report.set("traffic", Report.traffic(traffic, pairCount, options));
            }
            exchange.closing();
            closeAll(agents);
        } finally {
            progress.close();
            callbacks.shutdownNow();
            report.put("load_average_after", ProcStats.loadAverage());
            report.put("cpu_pressure_after", ProcStats.cpuPressure());
            if (gateway != null) {
                gateway.close();
            }
            if (nats != null) {
                nats.close();
            }
        }
        return report;
    }

    private Map<String, Map<String, String>> gatewayConfiguration() {
        Map<String, Map<String, String>> configuration = new LinkedHashMap<>();
        Map<String, String> transport = new LinkedHashMap<>();
        // one address holds every agent here; the defaults (1,000 per address, 20,000 in all) are for the internet
        if (options.agents + 100 > 1000) {
            transport.put("maxConnectionsPerAddress", Integer.toString(options.agents + 100));
        }
        if (options.agents + 100 > 20000) {
            transport.put("maxConnections", Integer.toString(options.agents + 100));
        }
        configuration.put("io.aiconexus.gateway.transport", transport);
        configuration.put("io.aiconexus.gateway.verification", Map.of("mode", options.verification));
        return configuration;
    }

    /**
     * A first wave of agents joins (same concurrency) and leaves before the measured join, so that the join is
     * measured on a server (and a generator) that has served joins before, as a running gateway has: without it a
     * fresh JVM's class loading and JIT compilation are most of what the first joins cost.
     */
    private void warmUpJoins(Platform platform, Exchange exchange, ExecutorService callbacks, HttpClient http, URI url,
            ObjectNode report) throws InterruptedException {
        List<LoadAgent> wave = prepare(platform, exchange, callbacks, options.joinWarmup);
        Joiner.Result warm = Joiner.join(wave, http, url, options.connectConcurrency, progress);
        progress.status(() -> null);
        closeAll(wave);
        ObjectNode node = report.putObject("join_warmup");
        node.put("agents", wave.size());
        node.put("registered", warm.registered().size());
        node.put("seconds", Report.round(warm.seconds(), 2));
        progress.say(String.format("join warm-up: %,d/%,d joined in %.1f s and left", warm.registered().size(),
                wave.size(), warm.seconds()));
    }

    /** Identities (and for the gateway, signed REGISTER frames) for {@code count} agents, made before the clock starts. */
    private List<LoadAgent> prepare(Platform platform, Exchange exchange, ExecutorService callbacks, int count) {
        long start = System.nanoTime();
        boolean isNats = options.target == LoadOptions.Target.NATS;
        List<LoadAgent> agents = IntStream.range(0, count).parallel().mapToObj(i -> {
            AgentIdentity identity = platform.identities.generate();
            if (isNats) {
                return (LoadAgent) new NatsAgent(i, identity, exchange, callbacks);
            }
            ObjectNode register = platform.codec.newEnvelope(MessageType.REGISTER, identity.did(), identity.did(), null,
                    platform.codec.objectNode().put("public_key", identity.publicKeyBase58()));
            return new GatewayAgent(i, identity, platform.codec.write(platform.signer.sign(identity, register)),
                    register.get("id").asText(), exchange, callbacks);
        }).toList();
        progress.say(String.format("%,d identities%s made in %.1f s", agents.size(),
                isNats ? "" : " and REGISTER frames", (System.nanoTime() - start) / 1e9));
        return agents;
    }

    /** The server under test could not be started: a one-line reason, no stack trace. */
    static final class CannotStart extends Exception {
        CannotStart(String message) {
            super(message);
        }
    }

    private void closeAll(List<LoadAgent> agents) {
        List<CompletableFuture<?>> closing = new ArrayList<>();
        for (LoadAgent agent : agents) {
            if (agent.isOpen()) {
                closing.add(agent.close());
            }
        }
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        } catch (Exception slowToClose) {
            // the gateway stops next (when started here), which closes what is left
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread thread = new Thread(r, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
