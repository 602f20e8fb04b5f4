package io.aiconexus.gateway.testsupport;

import org.osgi.test.common.annotation.InjectService;

import io.aiconexus.gateway.identity.AgentIdentity;
import io.aiconexus.gateway.identity.DidKeys;
import io.aiconexus.gateway.identity.EnvelopeSigner;
import io.aiconexus.gateway.identity.EnvelopeVerifier;
import io.aiconexus.gateway.identity.Identities;
import io.aiconexus.gateway.protocol.Canonicalizer;
import io.aiconexus.gateway.protocol.EnvelopeCodec;
import io.aiconexus.gateway.registry.AgentRegistry;
import io.aiconexus.gateway.transport.Transport;

/**
 * The assembled gateway inside Felix, as the tests see it. The transport is taken once the
 * test configuration (integration-tests/etc: port 0) is applied to it.
 */
public abstract class GatewayTestBase {

    @InjectService(timeout = 15000, filter = "(port=0)")
    protected Transport transport;

    @InjectService(timeout = 15000)
    protected EnvelopeCodec codec;

    @InjectService(timeout = 15000)
    protected EnvelopeSigner signer;

    @InjectService(timeout = 15000)
    protected Canonicalizer canonicalizer;

    @InjectService(timeout = 15000)
    protected Identities identities;

    @InjectService(timeout = 15000)
    protected DidKeys didKeys;

    @InjectService(timeout = 15000)
    protected AgentRegistry registry;

    @InjectService(timeout = 15000)
    protected EnvelopeVerifier verifier;

    @InjectService(timeout = 15000, filter = AgentIdentity.GATEWAY_TARGET)
    protected AgentIdentity gateway;

    /** Whether a frame received from the gateway is signed by the gateway's key. */
    protected boolean signedByGateway(String frame) throws Exception {
        var envelope = codec.parse(frame);
        return envelope.from().equals(gateway.did()) && verifier.verify(envelope).valid();
    }

    protected Toolkit kit() {
        return new Toolkit(codec, signer, canonicalizer, identities, transport.address());
    }
}
