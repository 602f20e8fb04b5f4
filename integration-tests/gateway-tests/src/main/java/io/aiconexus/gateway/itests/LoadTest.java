package io.aiconexus.gateway.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.testsupport.GatewayTestBase;
import io.aiconexus.gateway.testsupport.TestAgent;
import io.aiconexus.gateway.testsupport.Traffic;
import io.aiconexus.gateway.protocol.MessageType;

/**
 * The prototype's load tests, kept: N agents connect and register concurrently, then pair up
 * and exchange signed OFFER/ANSWER frames. Asserts zero loss and zero errors, never a time.
 */
class LoadTest extends GatewayTestBase {
    private static final int ROUNDS = 5;

    @ParameterizedTest(name = "{0} concurrent agents")
    @ValueSource(ints = { 100, 250, 500 })
    void agentsConnectRegisterAndExchangeWithoutLossOrErrors(int count) throws Exception {
        List<TestAgent> agents = Traffic.registerAgents(kit(), count, 50);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            assertEquals(count, agents.stream().filter(a -> registry.byDid(a.did()).isPresent()).count());
            List<Future<Integer>> exchanges = new ArrayList<>();
            for (int i = 0; i + 1 < count; i += 2) {
                TestAgent caller = agents.get(i);
                TestAgent callee = agents.get(i + 1);
                exchanges.add(pool.submit(() -> exchange(caller, callee)));
            }
            int completed = 0;
            for (Future<Integer> exchange : exchanges) {
                completed += exchange.get();
            }
            assertEquals(count / 2 * ROUNDS, completed, "every OFFER answered");
        } finally {
            pool.shutdownNow();
            Traffic.closeAll(agents);
        }
    }

    private static int exchange(TestAgent caller, TestAgent callee) throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            caller.send(MessageType.OFFER, callee.did(), caller.payload().put("sdp", "offer " + round));
        }
        for (int round = 0; round < ROUNDS; round++) {
            ObjectNode offer = callee.next();
            assertEquals("OFFER", offer.get("type").asText(), () -> "expected an OFFER, got " + offer);
            assertEquals("offer " + round, offer.at("/payload/sdp").asText());
            callee.send(MessageType.ANSWER, caller.did(), callee.payload().put("sdp", "answer " + round));
        }
        int answered = 0;
        for (int round = 0; round < ROUNDS; round++) {
            ObjectNode answer = caller.next();
            assertEquals("ANSWER", answer.get("type").asText(), () -> "expected an ANSWER, got " + answer);
            assertEquals("answer " + round, answer.at("/payload/sdp").asText());
            answered++;
        }
        return answered;
    }
}
