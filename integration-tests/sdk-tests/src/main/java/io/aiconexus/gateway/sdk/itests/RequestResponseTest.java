package io.aiconexus.gateway.sdk.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import io.aiconexus.gateway.protocol.Envelope;
import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.protocol.payload.ExecRequestPayload;
import io.aiconexus.gateway.protocol.payload.ExecResponsePayload;
import io.aiconexus.gateway.sdk.AgentKeys;
import io.aiconexus.gateway.sdk.ClientState;
import io.aiconexus.gateway.sdk.GatewayClient;
import io.aiconexus.gateway.sdk.GatewayErrorException;
import io.aiconexus.gateway.sdk.Messages;
import io.aiconexus.gateway.sdk.itests.support.Recorder;
import io.aiconexus.gateway.sdk.itests.support.SdkTestBase;

/** request(): an EXEC_REQUEST answered by another agent, one that is never answered, and one the gateway refuses. */
class RequestResponseTest extends SdkTestBase {
    private static final long WAIT = 15;

    @Test
    void anExecRequestCompletesWithTheCorrelatedResponse() throws Exception {
        GatewayClient worker = client(clientBuilder().capability("add", "adds two numbers"));
        worker.on(MessageType.EXEC_REQUEST, (request, client) -> {
            ExecRequestPayload payload = client.payload(request, ExecRequestPayload.class);
            int sum = payload.args().get("a").asInt() + payload.args().get("b").asInt();
            client.send(Messages.execResponse(request, Map.of("sum", sum)));
        });
        GatewayClient requester = client(clientBuilder());
        Recorder requesterSaw = Recorder.on(requester);
        worker.connect();
        requester.connect();

        var request = Messages.execRequest(worker.did(), Map.of("a", 2, "b", 40), Duration.ofSeconds(5));
        Envelope response = requester.request(request).get(WAIT, TimeUnit.SECONDS);

        assertEquals(MessageType.EXEC_RESPONSE, response.type());
        assertEquals(request.id(), response.correlationId());
        assertEquals(worker.did(), response.from());
        ExecResponsePayload result = requester.payload(response, ExecResponsePayload.class);
        assertEquals("success", result.status());
        assertEquals(42, result.result().get("sum").asInt());
        assertNull(requesterSaw.pollMessage(Duration.ZERO), "an answer that completes a request is not delivered again");
    }

    @Test
    void aRequestNobodyAnswersFailsWithATimeout() throws Exception {
        GatewayClient silent = client(clientBuilder());
        Recorder silentSaw = Recorder.on(silent);
        GatewayClient requester = client(clientBuilder());
        silent.connect();
        requester.connect();

        var request = Messages.execRequest(silent.did(), Map.of("x", 1));
        CompletableFuture<Envelope> answer = requester.request(request, Duration.ofMillis(500));

        assertEquals(request.id(), silentSaw.nextMessage().id(), "the request was delivered, and left unanswered");
        ExecutionException failure = assertThrows(ExecutionException.class, () -> answer.get(WAIT, TimeUnit.SECONDS));
        assertInstanceOf(TimeoutException.class, failure.getCause());
        assertTrue(failure.getCause().getMessage().contains(request.id()), failure.getCause().getMessage());
        assertEquals(ClientState.REGISTERED, requester.state(), "a timeout does not disturb the connection");
    }

    @Test
    void aRequestToAnUnknownAgentFailsWithTheGatewaysError() throws Exception {
        GatewayClient requester = client(clientBuilder());
        requester.connect();
        String nobody = AgentKeys.generate().did();

        CompletableFuture<Envelope> answer = requester.request(Messages.execRequest(nobody, Map.of()));

        ExecutionException failure = assertThrows(ExecutionException.class, () -> answer.get(WAIT, TimeUnit.SECONDS));
        GatewayErrorException error = assertInstanceOf(GatewayErrorException.class, failure.getCause());
        assertEquals("UNKNOWN_AGENT", error.code());
        assertEquals(requester.gatewayDid(), error.envelope().from(), "the ERROR is the gateway's, and verified");
    }

    @Test
    void pingMeasuresTheRoundTripToTheGatewayAndToAnAgent() throws Exception {
        GatewayClient other = client(clientBuilder());
        GatewayClient pinger = client(clientBuilder());
        other.connect();
        pinger.connect();

        Duration toGateway = pinger.ping().get(WAIT, TimeUnit.SECONDS);
        Duration toAgent = pinger.ping(other.did()).get(WAIT, TimeUnit.SECONDS);

        assertFalse(toGateway.isNegative() || toGateway.isZero());
        assertFalse(toAgent.isNegative() || toAgent.isZero(), "the other SDK client answered the PING by itself");
    }
}
