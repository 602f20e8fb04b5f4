package io.aiconexus.gateway.plugin.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.plugin.itests.support.BundleEvents;
import io.aiconexus.gateway.plugin.itests.support.Configs;
import io.aiconexus.gateway.plugin.itests.support.JarVariant;
import io.aiconexus.gateway.plugin.itests.support.PairedLoad;
import io.aiconexus.gateway.plugin.itests.support.PluginTestBase;
import io.aiconexus.gateway.plugin.itests.support.Plugins;
import io.aiconexus.gateway.plugin.itests.support.Services;
import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.testsupport.TestAgent;
import io.aiconexus.gateway.testsupport.Traffic;

/**
 * Issue 5's hot-swap test: 200 agents exchange numbered frames while (a) a policy plugin is
 * installed, updated and uninstalled through the deploy folder, (b) the router bundle is updated
 * and refreshed, (c) the verification mode goes enforce → audit → off → enforce through Config
 * Admin. Every frame is counted at its receiver: none lost, none duplicated, all in order; the
 * agents stay connected; a plugin install, update or removal touches no other bundle. Probe agents
 * show each change took effect. The longest pause seen is printed, never asserted.
 */
class HotSwapUnderLoadTest extends PluginTestBase {
    private static final int AGENTS = 200;
    private static final Duration INTERVAL = Duration.ofMillis(200);
    private static final Duration FLOWING = Duration.ofSeconds(30);
    private static final String VERIFICATION = "io.aiconexus.gateway.verification";
    private static final String PLUGIN_FILE = Plugins.ACCESS_CONTROL + ".jar";

    @Test
    void pluginRouterAndVerificationModeChangeUnderLoadWithoutLosingAFrame() throws Exception {
        List<TestAgent> agents = Traffic.registerAgents(kit(), AGENTS, 20);
        TestAgent blocked = TestAgent.registered(kit());
        TestAgent forger = TestAgent.registered(kit());
        TestAgent peer = TestAgent.registered(kit());
        Map<String, String> connections = new HashMap<>();
        agents.forEach(agent -> connections.put(agent.did(), registry.byDid(agent.did()).orElseThrow().connection().id()));
        Map<Long, Long> platformRevisions = new HashMap<>();
        Arrays.stream(context.getBundles()).forEach(b -> platformRevisions.put(b.getBundleId(), b.getLastModified()));
        Map<Long, Integer> platformStates = new HashMap<>();
        Arrays.stream(context.getBundles()).forEach(b -> platformStates.put(b.getBundleId(), b.getState()));

        PairedLoad load = PairedLoad.start(agents, INTERVAL);
        try (BundleEvents events = new BundleEvents(context)) {
            flowing(load);

            // (a) a policy plugin: dropped, replaced by another build, deleted
            String rules = Configs.set(configAdmin, Plugins.ACCESS_CONTROL, Map.of("rules", new String[] {
                    "deny from=" + blocked.did() }));
            load.phase("plugin install");
            int mark = events.mark();
            Bundle plugin = deploy.drop(Plugins.jar(context, Plugins.ACCESS_CONTROL));
            Plugins.awaitPolicy(context, "access-control", Configs.generation(rules));
            forbidden(blocked, peer, events, mark);
            assertEquals(List.of(), events.othersSince(mark, plugin.getBundleId()), "the install touched other bundles");
            flowing(load);

            load.phase("plugin update");
            Path rebuilt = JarVariant.withVersion(Plugins.jar(context, Plugins.ACCESS_CONTROL), "0.1.0.hotswap",
                    Files.createTempDirectory(Paths.get(context.getProperty("aiconexus.data")), "variant-")
                            .resolve(PLUGIN_FILE));
            mark = events.mark();
            Bundle updated = deploy.replace(rebuilt, PLUGIN_FILE);
            assertEquals(plugin.getBundleId(), updated.getBundleId(), "updated in place, not installed twice");
            assertEquals("0.1.0.hotswap", updated.getVersion().toString(), "the new build runs");
            Plugins.awaitPolicy(context, "access-control", Configs.generation(rules));
            forbidden(blocked, peer, events, mark);
            assertEquals(List.of(), events.othersSince(mark, plugin.getBundleId()), "the update touched other bundles");
            flowing(load);

            load.phase("plugin uninstall");
            mark = events.mark();
            deploy.remove(PLUGIN_FILE);
            assertFalse(Services.present(context, Plugins.policy("access-control")));
            delivered(blocked, peer);
            assertEquals(List.of(), events.othersSince(mark, plugin.getBundleId()), "the removal touched other bundles");
            assertEquals(0, events.handlerUnregistrations(), "the router was never restarted by a plugin change");
            for (Bundle bundle : context.getBundles()) {
                assertEquals(platformRevisions.get(bundle.getBundleId()), bundle.getLastModified(),
                        bundle.getSymbolicName() + " was updated by a plugin change");
                assertEquals(platformStates.get(bundle.getBundleId()), bundle.getState(),
                        bundle.getSymbolicName() + " changed state");
            }
            flowing(load);

            // (b) the router bundle: update and refresh
            load.phase("router update");
            Bundle router = bundle(Plugins.ROUTER);
            long routerRevision = router.getLastModified();
            router.update();
            refresh(router);
            Services.awaitUsedBy(context, "(objectClass=io.aiconexus.gateway.transport.ConnectionHandler)",
                    "io.aiconexus.gateway.transport");
            assertEquals(Bundle.ACTIVE, router.getState());
            assertTrue(router.getLastModified() > routerRevision, "the router bundle was updated");
            assertTrue(events.handlerUnregistrations() > 0, "the old router went away");
            flowing(load);

            // (c) the verification mode, through Config Admin
            for (String mode : List.of("audit", "off", "enforce")) {
                load.phase("verification " + mode);
                String generation = Configs.set(configAdmin, VERIFICATION, Map.of("mode", mode));
                Services.await(context, "(&(objectClass=io.aiconexus.gateway.verification.FrameVerifier)(mode=" + mode
                        + ")" + Configs.generation(generation) + ")");
                String forged = forger.sendTampered(MessageType.OFFER, peer.did(), forger.payload().put("sdp", "v=0"));
                if (mode.equals("enforce")) {
                    forger.nextError(forged, "INVALID_SIGNATURE");
                } else {
                    assertEquals(forged, peer.next().get("id").asText(), "in " + mode + " mode a bad signature passes");
                }
                flowing(load);
            }

            load.phase("drain");
            load.stopAndDrain(Duration.ofSeconds(30));
            PairedLoad.Report report = load.report();
            System.out.println("HotSwapUnderLoadTest: " + AGENTS + " agents, one frame every " + INTERVAL.toMillis()
                    + " ms each: " + report);
            assertEquals(List.of(), report.sendFailures);
            assertEquals(0, report.lost, () -> "frames lost: " + report);
            assertEquals(0, report.duplicated, () -> "frames duplicated: " + report);
            assertEquals(0, report.unexpected, () -> "unexpected frames (errors?): " + report);
            assertEquals(report.sent, report.received, () -> "frames still missing: " + report);
            assertTrue(report.sent >= AGENTS * 20L, () -> "too little traffic to prove anything: " + report);
            for (TestAgent agent : agents) {
                assertFalse(agent.socket().isClosed(), agent.did() + " was disconnected");
                assertEquals(connections.get(agent.did()), registry.byDid(agent.did()).orElseThrow().connection().id(),
                        agent.did() + " is no longer on its original connection");
            }
        } finally {
            load.abort();
            Traffic.closeAll(agents);
            List.of(blocked, forger, peer).forEach(TestAgent::close);
            Configs.delete(configAdmin, VERIFICATION);
        }
    }

    private static void flowing(PairedLoad load) throws InterruptedException {
        assertTrue(load.awaitFlowing(3, FLOWING), () -> "traffic stopped: " + load.report());
    }

    /** The policy refuses a probe; if not, the failure says where the probe went and what the bundles did. */
    private static void forbidden(TestAgent from, TestAgent to, BundleEvents events, int mark) throws Exception {
        String id = from.send(MessageType.OFFER, to.did(), from.payload().put("sdp", "v=0"));
        String answer = from.pollText(TestAgent.WAIT);
        if (answer == null) {
            throw new AssertionError("no FORBIDDEN for the probe; its recipient got " + to.pollText(Duration.ofSeconds(1))
                    + "; bundle events since the change: " + events.since(mark));
        }
        ObjectNode error = TestAgent.json(answer);
        assertEquals(id, error.path("correlation_id").asText(), error::toString);
        assertEquals("FORBIDDEN", error.at("/payload/code").asText(), error::toString);
    }

    private static void delivered(TestAgent from, TestAgent to) throws Exception {
        String id = from.send(MessageType.OFFER, to.did(), from.payload().put("sdp", "v=0"));
        assertEquals(id, to.next().get("id").asText());
    }

    private Bundle bundle(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError(symbolicName + " is not installed"));
    }

    private void refresh(Bundle bundle) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(bundle), event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                done.complete(null);
            }
        });
        done.get(30, TimeUnit.SECONDS);
    }
}
