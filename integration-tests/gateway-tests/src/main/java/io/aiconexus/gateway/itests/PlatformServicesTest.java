package io.aiconexus.gateway.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.identity.AgentIdentity;
import io.aiconexus.gateway.identity.DidKeys;
import io.aiconexus.gateway.identity.EnvelopeSigner;
import io.aiconexus.gateway.identity.EnvelopeVerifier;
import io.aiconexus.gateway.identity.Identities;
import io.aiconexus.gateway.identity.SignatureCheck;
import io.aiconexus.gateway.protocol.CanonicalForm;
import io.aiconexus.gateway.protocol.Envelope;
import io.aiconexus.gateway.protocol.EnvelopeCodec;
import io.aiconexus.gateway.protocol.MessageType;

/** The runtime resolves and the protocol and identity services work together inside Felix. */
class PlatformServicesTest {

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 5000)
    EnvelopeCodec codec;

    @InjectService(timeout = 5000)
    Identities identities;

    @InjectService(timeout = 5000)
    DidKeys didKeys;

    @InjectService(timeout = 5000)
    EnvelopeSigner signer;

    @InjectService(timeout = 5000)
    EnvelopeVerifier verifier;

    /** Installed for its capabilities only, above the framework's beginning start level (cnf/platform.bndrun). */
    private static final String NEVER_STARTED = "org.apache.aries.spifly.dynamic.bundle";

    @Test
    void everyBundleIsActive() {
        for (Bundle bundle : context.getBundles()) {
            boolean fragment = bundle.getHeaders().get("Fragment-Host") != null;
            if (fragment || NEVER_STARTED.equals(bundle.getSymbolicName())) {
                assertEquals(Bundle.RESOLVED, bundle.getState(), bundle.getSymbolicName() + " is not resolved");
            } else {
                assertEquals(Bundle.ACTIVE, bundle.getState(), bundle.getSymbolicName() + " is not started");
            }
        }
    }

    @Test
    void aFrameSignedByOneServiceVerifiesThroughTheOthers() throws Exception {
        AgentIdentity agent = identities.generate();
        ObjectNode payload = codec.objectNode().put("sdp", "v=0\r\no=- 1 1 IN IP4 127.0.0.1");
        ObjectNode tree = codec.newEnvelope(MessageType.OFFER, agent.did(), agent.did(), null, payload);
        Envelope signed = codec.parse(codec.write(signer.sign(agent, tree)));

        SignatureCheck check = verifier.verify(signed);

        assertTrue(check.valid(), () -> "signature rejected: " + check.reason());
        assertEquals(CanonicalForm.JCS, check.form());
        assertEquals(agent.did(), didKeys.encode(didKeys.decode(signed.from()).publicKey()));
    }

    @Test
    void aTamperedFrameIsRejectedInsideTheFramework() throws Exception {
        AgentIdentity agent = identities.generate();
        ObjectNode payload = codec.objectNode().put("sdp", "v=0");
        ObjectNode tree = signer.sign(agent, codec.newEnvelope(MessageType.ANSWER, agent.did(), agent.did(), null, payload));
        ((ObjectNode) tree.get("payload")).put("sdp", "v=1");

        SignatureCheck check = verifier.verify(codec.parse(codec.write(tree)));

        assertEquals(false, check.valid());
    }
}
