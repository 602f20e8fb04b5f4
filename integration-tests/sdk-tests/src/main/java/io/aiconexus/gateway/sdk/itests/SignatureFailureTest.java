package io.aiconexus.gateway.sdk.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.annotation.Property;
import org.osgi.test.common.annotation.config.WithConfiguration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.identity.AgentIdentity;
import io.aiconexus.gateway.identity.EnvelopeSigner;
import io.aiconexus.gateway.identity.Identities;
import io.aiconexus.gateway.protocol.Envelope;
import io.aiconexus.gateway.protocol.EnvelopeCodec;
import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.sdk.ClientError;
import io.aiconexus.gateway.sdk.GatewayClient;
import io.aiconexus.gateway.sdk.itests.support.Recorder;
import io.aiconexus.gateway.sdk.itests.support.SdkTestBase;
import io.aiconexus.gateway.testsupport.WsClient;
import io.aiconexus.gateway.verification.FrameVerifier;

/**
 * The SDK verifies what it receives, whatever the gateway let through. With the gateway's
 * verification in {@code audit} mode (an operator's choice: bad signatures are counted and passed
 * on), a frame tampered with by a raw WebSocket client reaches the SDK, which must refuse it.
 */
class SignatureFailureTest extends SdkTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectService(timeout = 15000)
    EnvelopeCodec codec;

    @InjectService(timeout = 15000)
    EnvelopeSigner signer;

    @InjectService(timeout = 15000)
    Identities identities;

    @Test
    @WithConfiguration(pid = "io.aiconexus.gateway.verification", location = "?",
            properties = @Property(key = "mode", value = "audit"))
    void aTamperedFrameGoesToTheErrorHandlerNotToTheMessageHandler(
            @InjectService(filter = "(mode=audit)", timeout = 15000) FrameVerifier auditing) throws Exception {
        GatewayClient target = client(clientBuilder());
        Recorder saw = Recorder.on(target);
        target.connect();

        AgentIdentity forger = identities.generate();
        try (WsClient raw = WsClient.connect(transport.address(), "ioap.v1")) {
            raw.send(signed(forger, MessageType.REGISTER, forger.did(), payload().put("public_key", forger.publicKeyBase58())));
            assertEquals("REGISTER", JSON.readTree(raw.next(Recorder.WAIT)).path("type").asText());

            ObjectNode tampered = codec.newEnvelope(MessageType.OFFER, forger.did(), target.did(), null,
                    payload().put("sdp", "v=0 as signed"));
            String tamperedText = codec.write(signer.sign(forger, tampered)).replace("v=0 as signed", "v=0 changed after");
            String genuine = signed(forger, MessageType.OFFER, target.did(), payload().put("sdp", "v=0 genuine"));
            raw.send(tamperedText);
            raw.send(genuine);

            // frames of one sender arrive in order: once the genuine one is delivered, the tampered one was judged
            Envelope delivered = saw.nextMessage();
            assertEquals("v=0 genuine", delivered.payload().get("sdp").asText());
            ClientError refused = saw.nextError(ClientError.Kind.INVALID_SIGNATURE);
            assertEquals(tampered.get("id").asText(), refused.envelope().id());
            assertEquals(forger.did(), refused.envelope().from());
            assertTrue(refused.message().contains("signature does not hold"), refused.message());
            assertEquals(tamperedText, refused.frame());
            assertNull(saw.pollMessage(Duration.ZERO), "the tampered frame never reached the message handler");
        }
    }

    private ObjectNode payload() {
        return codec.objectNode();
    }

    private String signed(AgentIdentity identity, MessageType type, String to, ObjectNode payload) {
        return codec.write(signer.sign(identity, codec.newEnvelope(type, identity.did(), to, null, payload)));
    }
}
