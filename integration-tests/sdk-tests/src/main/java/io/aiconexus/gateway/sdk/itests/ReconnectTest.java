package io.aiconexus.gateway.sdk.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;

import io.aiconexus.gateway.protocol.Envelope;
import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.sdk.ClientError;
import io.aiconexus.gateway.sdk.ClientState;
import io.aiconexus.gateway.sdk.GatewayClient;
import io.aiconexus.gateway.sdk.Messages;
import io.aiconexus.gateway.sdk.ReconnectPolicy;
import io.aiconexus.gateway.sdk.itests.support.Recorder;
import io.aiconexus.gateway.sdk.itests.support.SdkTestBase;
import io.aiconexus.gateway.sdk.itests.support.TcpRelay;
import io.aiconexus.gateway.transport.Transport;

/**
 * The gateway restarts (its transport bundle is stopped and started): both clients drop, reconnect
 * and register again, and the frames one of them sent while it was down are delivered.
 *
 * <p>Each client reaches the gateway through its own {@link TcpRelay}, because the restarted
 * transport listens on a new ephemeral port. The sender's path stays cut until the receiver has
 * registered again, so the queued frames cannot race the receiver's registration.
 */
class ReconnectTest extends SdkTestBase {
    private static final ReconnectPolicy FAST = ReconnectPolicy.exponential(Duration.ofMillis(50), Duration.ofMillis(500));

    @InjectBundleContext
    BundleContext context;

    @InjectService(filter = "(port=0)", cardinality = 0)
    ServiceAware<Transport> transports;

    @Test
    void clientsReconnectAfterAGatewayRestartAndFlushWhatWasQueued() throws Exception {
        TcpRelay senderPath = closeLater(new TcpRelay(this::currentAddress));
        TcpRelay receiverPath = closeLater(new TcpRelay(this::currentAddress));
        GatewayClient sender = client(clientBuilder().gateway(senderPath.address()).reconnect(FAST));
        GatewayClient receiver = client(clientBuilder().gateway(receiverPath.address()).reconnect(FAST));
        Recorder senderSaw = Recorder.on(sender);
        Recorder receiverSaw = Recorder.on(receiver);
        sender.connect();
        receiver.connect();
        senderSaw.awaitState(ClientState.REGISTERED);
        receiverSaw.awaitState(ClientState.REGISTERED);
        String gatewayDid = sender.gatewayDid();

        Bundle transportBundle = transportBundle();
        senderPath.refuse(true);
        transportBundle.stop();
        List<String> queued = new ArrayList<>();
        CompletableFuture<Duration> queuedPing;
        try {
            senderSaw.awaitState(ClientState.RECONNECTING);
            receiverSaw.awaitState(ClientState.RECONNECTING);
            assertTrue(senderSaw.nextError(ClientError.Kind.DISCONNECTED).message().contains("reconnecting"));
            for (int i = 1; i <= 3; i++) {
                queued.add(sender.send(Messages.offer(receiver.did(), "v=0 queued " + i)));
            }
            queuedPing = sender.ping();
            assertEquals(4, sender.queuedFrames(), "three OFFERs and a PING wait for the gateway");
        } finally {
            transportBundle.start();
        }

        receiverSaw.awaitState(ClientState.REGISTERED);
        assertTrue(registry.byDid(receiver.did()).isPresent(), "the receiver registered again");
        senderPath.refuse(false);
        senderSaw.awaitState(ClientState.REGISTERED);

        List<String> delivered = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Envelope offer = receiverSaw.nextMessage();
            assertEquals(MessageType.OFFER, offer.type());
            assertEquals(sender.did(), offer.from());
            assertEquals("v=0 queued " + i, offer.payload().get("sdp").asText());
            delivered.add(offer.id());
        }
        assertEquals(queued, delivered, "queued frames keep their ids and their order");
        Duration rtt = queuedPing.get(15, TimeUnit.SECONDS);
        assertFalse(rtt.isNegative());
        assertEquals(0, sender.queuedFrames());
        assertEquals(gatewayDid, sender.gatewayDid(), "the gateway kept its identity across the restart");
        assertEquals(ClientState.REGISTERED, receiver.state());
    }

    private URI currentAddress() {
        Transport current = transports.getService();
        return current == null ? null : current.address();
    }

    private Bundle transportBundle() {
        for (Bundle bundle : context.getBundles()) {
            if ("io.aiconexus.gateway.transport".equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("no transport bundle in the framework");
    }
}
