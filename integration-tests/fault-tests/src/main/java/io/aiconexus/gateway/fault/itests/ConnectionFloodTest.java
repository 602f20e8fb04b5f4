package io.aiconexus.gateway.fault.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.osgi.test.common.annotation.Property;
import org.osgi.test.common.annotation.config.WithConfiguration;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.fault.itests.support.FaultTestBase;
import io.aiconexus.gateway.fault.itests.support.RawAgent;
import io.aiconexus.gateway.fault.itests.support.RawWebSocket;
import io.aiconexus.gateway.testsupport.TestAgent;
import io.aiconexus.gateway.protocol.MessageType;

/**
 * Issue 7, "a flood of connections from one address is capped while others still connect": over
 * {@code maxConnectionsPerAddress} every further upgrade from that address is answered at once with
 * HTTP 503 and a JSON body (none is left hanging), the connections already open keep working, and
 * another address still gets in. The transport listens on 127.0.0.1; Linux routes a socket bound
 * to 127.0.0.2 to it, so the second address needs no configuration.
 */
class ConnectionFloodTest extends FaultTestBase {
    private static final int CAP = 4;
    private static final int FLOOD = 40;

    @Test
    @WithConfiguration(pid = TRANSPORT_PID, properties = {
            @Property(key = "port", value = "0", scalar = Property.Scalar.Integer),
            @Property(key = "maxConnectionsPerAddress", value = "" + CAP, scalar = Property.Scalar.Integer) })
    void aFloodFromOneAddressGets503FastWhileItsOpenConnectionsAndOtherAddressesWork() throws Exception {
        awaitTransport("(maxConnectionsPerAddress=" + CAP + ")");
        // Earlier tests' sockets, closing asynchronously, would count against 127.0.0.1.
        eventually("no connection left from 127.0.0.1", () -> transport.connections().stream()
                .noneMatch(connection -> connection.remoteHost().equals("127.0.0.1")));
        List<RawAgent> first = new ArrayList<>();
        try {
            for (int i = 0; i < CAP; i++) {
                first.add(RawAgent.registered(kit(), identities.generate(), "127.0.0.1"));
            }

            List<Long> refusalMicros = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<RawWebSocket>> attempts = new ArrayList<>();
            try {
                for (int i = 0; i < FLOOD; i++) {
                    attempts.add(pool.submit(() -> {
                        long start = System.nanoTime();
                        // a refusal that never came would fail here on the 10 s socket timeout
                        RawWebSocket attempt = RawWebSocket.connect(transport.address(), "127.0.0.1");
                        refusalMicros.add((System.nanoTime() - start) / 1000);
                        attempt.close();
                        return attempt;
                    }));
                }
                for (Future<RawWebSocket> attempt : attempts) {
                    RawWebSocket refused = attempt.get();
                    assertEquals(503, refused.status(), "over the cap: 503 at the upgrade");
                    assertEquals("application/json", refused.header("Content-Type"));
                    ObjectNode body = TestAgent.json(refused.body());
                    assertEquals("too_many_connections_from_address", body.get("error").asText());
                    assertEquals(CAP, body.get("limit").asInt());
                    assertEquals("5", refused.header("Retry-After"));
                }
            } finally {
                pool.shutdownNow();
            }

            try (RawAgent other = RawAgent.registered(kit(), identities.generate(), "127.0.0.2")) {
                String id = first.get(0).send(MessageType.OFFER, other.did(), kit().codec().objectNode().put("sdp", "v=0"));
                assertEquals(id, TestAgent.json(other.socket().readText(TestAgent.WAIT)).get("id").asText(),
                        "a connection opened before the flood still delivers, to an agent from another address");
                String back = other.send(MessageType.ANSWER, first.get(0).did(), kit().codec().objectNode().put("sdp", "v=0"));
                assertEquals(back, TestAgent.json(first.get(0).socket().readText(TestAgent.WAIT)).get("id").asText());
            }

            first.remove(0).close();
            eventually("a slot of 127.0.0.1 is free again", () -> transport.connections().stream()
                    .filter(connection -> connection.remoteHost().equals("127.0.0.1")).count() < CAP);
            first.add(RawAgent.registered(kit(), identities.generate(), "127.0.0.1"));

            List<Long> sorted = new ArrayList<>(refusalMicros);
            Collections.sort(sorted);
            System.out.println("ConnectionFloodTest: " + FLOOD + " upgrades over the cap of " + CAP
                    + ", all 503; connect-to-answer (us) median " + sorted.get(sorted.size() / 2) + ", max "
                    + sorted.get(sorted.size() - 1));
        } finally {
            for (RawAgent agent : first) {
                agent.close();
            }
        }
    }
}
