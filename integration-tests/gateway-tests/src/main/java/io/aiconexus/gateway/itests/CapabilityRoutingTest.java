package io.aiconexus.gateway.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.discovery.AgentStatistics;
import io.aiconexus.gateway.testsupport.GatewayTestBase;
import io.aiconexus.gateway.testsupport.TestAgent;
import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.router.MessageHandler;

/**
 * Issue 8 / PROTOCOL.md section 10: requests addressed to a capability reach a capable agent
 * chosen by the selection policy; EXEC_REQUESTs are tracked to their answer, their timeout or
 * a retry on another agent, and leave statistics behind.
 */
class CapabilityRoutingTest extends GatewayTestBase {
    private static final String PID = "io.aiconexus.gateway.discovery.routing";
    private final String capability = "cap-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<TestAgent> agents = new ArrayList<>();

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 15000)
    ConfigurationAdmin configurationAdmin;

    @InjectService(timeout = 15000)
    AgentStatistics statistics;

    @AfterEach
    void leave() throws Exception {
        agents.forEach(TestAgent::close);
        Configuration configuration = configurationAdmin.getConfiguration(PID, "?");
        if (configuration.getProperties() != null) {
            configuration.delete();
            awaitSelector("round-robin");
        }
    }

    @Test
    void roundRobinSpreadsRequestsAndAnswersGoStraightToTheRequester() throws Exception {
        TestAgent first = capable();
        TestAgent second = capable();
        TestAgent requester = join(TestAgent.registered(kit()));

        for (int i = 0; i < 4; i++) {
            String id = request(requester, 5000);
            TestAgent chosen = i % 2 == 0 ? first : second;
            assertEquals(id, answer(chosen));
            ObjectNode response = requester.next();
            assertEquals("EXEC_RESPONSE", response.get("type").asText());
            assertEquals(id, response.get("correlation_id").asText());
            assertEquals(chosen.did(), response.get("from").asText());
        }
        assertEquals(2, statistics.of(first.did()).successes());
        assertEquals(2, statistics.of(second.did()).successes());
    }

    @Test
    void anIntentNamingACapabilityIsDeliveredUnchanged() throws Exception {
        TestAgent worker = capable();
        TestAgent requester = join(TestAgent.registered(kit()));
        ObjectNode payload = requester.payload().put("task", capability);
        payload.putObject("params").put("text", "bonjour");
        String sent = requester.sign(requester.envelope(MessageType.INTENT, gateway.did(), payload));
        requester.sendRaw(sent);

        assertEquals(sent, worker.nextText(), "the signature holds because nothing changed, to included");
    }

    @Test
    void noCapableAgentIsUnknownAgentNamingTheCapability() throws Exception {
        TestAgent requester = join(TestAgent.registered(kit()));
        String id = request(requester, 5000);

        ObjectNode error = requester.next();
        assertEquals("UNKNOWN_AGENT", error.at("/payload/code").asText());
        assertEquals(capability, error.at("/payload/details/capability").asText());
        assertEquals(id, error.get("correlation_id").asText());
    }

    @Test
    void aRequestNobodyAnswersTimesOut() throws Exception {
        TestAgent silent = capable();
        TestAgent requester = join(TestAgent.registered(kit()));
        String id = request(requester, 400);
        assertEquals("EXEC_REQUEST", silent.next().get("type").asText());

        ObjectNode error = requester.next();
        assertEquals("TIMEOUT", error.at("/payload/code").asText());
        assertEquals(id, error.get("correlation_id").asText());
        assertTrue(signedByGateway(codec.write(error)));
        assertEquals(1, statistics.of(silent.did()).timeouts());
    }

    @Test
    void anAgentThatDropsMidRequestIsReplacedAndTheRequesterSeesOneOutcome() throws Exception {
        TestAgent dropping = capable();
        TestAgent backup = capable();
        TestAgent requester = join(TestAgent.registered(kit()));
        String id = request(requester, 10000);
        assertEquals(id, dropping.next().get("id").asText());

        dropping.socket().abort();

        assertEquals(id, answer(backup), "the same request, retried on the other agent");
        ObjectNode response = requester.next();
        assertEquals("EXEC_RESPONSE", response.get("type").asText());
        assertEquals(backup.did(), response.get("from").asText());
        assertNull(requester.pollText(Duration.ofMillis(300)), "one outcome only");
        assertEquals(1, statistics.of(dropping.did()).failures());
    }

    @Test
    void anErrorAnswerIsRetriedElsewhereAndNotPassedOn() throws Exception {
        TestAgent failing = capable();
        TestAgent backup = capable();
        TestAgent requester = join(TestAgent.registered(kit()));
        String id = request(requester, 10000);
        ObjectNode request = failing.next();
        failing.reply(MessageType.ERROR, requester.did(), id,
                failing.payload().put("code", "INTERNAL_ERROR").put("message", "out of coffee"));

        assertEquals(id, answer(backup));
        ObjectNode response = requester.next();
        assertEquals("EXEC_RESPONSE", response.get("type").asText(), () -> "requester saw " + response);
        assertEquals(request.get("id").asText(), response.get("correlation_id").asText());
    }

    @Test
    void leastInFlightPrefersTheIdleAgent() throws Exception {
        select("least-in-flight");
        TestAgent busy = capable();
        TestAgent idle = capable();
        TestAgent requester = join(TestAgent.registered(kit()));

        request(requester, 10000);
        assertEquals("EXEC_REQUEST", busy.next().get("type").asText(), "both idle: the first registered");
        for (int i = 0; i < 3; i++) {
            String id = request(requester, 10000);
            assertEquals(id, answer(idle), "the busy agent still holds a request");
            assertEquals(id, requester.next().get("correlation_id").asText());
        }
    }

    @Test
    void bestRecentPrefersTheAgentWithTheBetterRecord() throws Exception {
        select("best-recent");
        TestAgent flaky = capable();
        TestAgent reliable = capable();
        TestAgent requester = join(TestAgent.registered(kit()));
        String first = request(requester, 10000);
        flaky.next();
        flaky.reply(MessageType.ERROR, requester.did(), first, flaky.payload().put("code", "INTERNAL_ERROR").put("message", "no"));
        assertEquals(first, answer(reliable));
        requester.next();

        for (int i = 0; i < 3; i++) {
            String id = request(requester, 10000);
            assertEquals(id, answer(reliable));
            requester.next();
        }
        assertNull(flaky.pollText(Duration.ofMillis(200)));
        assertEquals(4, statistics.of(reliable.did()).successes());
        assertEquals(1, statistics.of(flaky.did()).failures());
    }

    private TestAgent capable() throws Exception {
        TestAgent agent = join(TestAgent.connect(kit()));
        ObjectNode payload = agent.payload();
        payload.putArray("capabilities").addObject().put("name", capability);
        agent.register(payload);
        return agent;
    }

    private TestAgent join(TestAgent agent) {
        agents.add(agent);
        return agent;
    }

    private String request(TestAgent requester, int timeoutMillis) throws Exception {
        ObjectNode payload = requester.payload().put("capability", capability).put("timeout_ms", timeoutMillis);
        payload.putObject("args").put("text", "hello");
        return requester.send(MessageType.EXEC_REQUEST, "did:key:gateway", payload);
    }

    /** Reads the next EXEC_REQUEST and answers it; returns its id. */
    private static String answer(TestAgent worker) throws Exception {
        ObjectNode request = worker.next();
        assertEquals("EXEC_REQUEST", request.get("type").asText(), () -> "expected a request, got " + request);
        ObjectNode payload = worker.payload().put("status", "success").put("execution_time_ms", 1.5);
        payload.putObject("result").put("by", worker.did());
        worker.reply(MessageType.EXEC_RESPONSE, request.get("from").asText(), request.get("id").asText(), payload);
        return request.get("id").asText();
    }

    private void select(String selector) throws Exception {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("selector.target", "(ioap.selector.name=" + selector + ")");
        configurationAdmin.getConfiguration(PID, "?").update(properties);
        awaitSelector(selector);
    }

    /** Waits until the capability router runs with {@code selector} (configuration is applied asynchronously). */
    private void awaitSelector(String selector) throws Exception {
        String filter = "(&(" + MessageHandler.NAME + "=capability-routing)(selector.target=\\(ioap.selector.name="
                + selector + "\\)))";
        String fallback = "(&(" + MessageHandler.NAME + "=capability-routing)(!(selector.target=*)))";
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            if (context.getServiceReferences(MessageHandler.class, filter).size() == 1
                    || selector.equals("round-robin")
                            && context.getServiceReferences(MessageHandler.class, fallback).size() == 1) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the capability router did not switch to " + selector);
    }
}
