package io.aiconexus.gateway.bench.jmh;

import java.util.Base64;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.aiconexus.gateway.bench.Frames;
import io.aiconexus.gateway.bench.Platform;
import io.aiconexus.gateway.identity.AgentIdentity;
import io.aiconexus.gateway.identity.DidKey;
import io.aiconexus.gateway.identity.SignatureCheck;
import io.aiconexus.gateway.protocol.CanonicalForm;
import io.aiconexus.gateway.protocol.Envelope;

/**
 * The cost of checking one typical OFFER's signature, against the limit: (a) Bouncy Castle's
 * Ed25519 verification alone over the frame's RFC 8785 bytes, (b) producing those bytes, and
 * (c) both through the gateway's {@code CachingEnvelopeVerifier} with the sender's key cached.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
public class SignatureBenchmarks {
    /** Distinct signed OFFERs (from as many senders) that (a) verifies in turn; a power of two, to wrap by a mask. */
    static final int DISTINCT = 1024;

    private Platform platform;
    private Envelope envelope;
    private DidKey sender;
    private byte[] publicKey;
    private Ed25519PublicKeyParameters decodedKey;
    private byte[] message;
    private byte[] signature;
    private final Ed25519PublicKeyParameters[] distinctKeys = new Ed25519PublicKeyParameters[DISTINCT];
    private final byte[][] distinctMessages = new byte[DISTINCT][];
    private final byte[][] distinctSignatures = new byte[DISTINCT][];
    private int next;

    @Setup
    public void setUp() throws Exception {
        platform = new Platform();
        AgentIdentity from = platform.identities.generate();
        AgentIdentity to = platform.identities.generate();
        String text = Frames.offer(platform.codec, platform.signer, from, to.did(), Frames.sdp(Frames.TYPICAL_SDP_BYTES));
        envelope = platform.codec.parse(text);
        sender = platform.didKeys.decode(from.did());
        publicKey = from.publicKey();
        decodedKey = new Ed25519PublicKeyParameters(publicKey, 0);
        message = platform.canonicalizer.signingInput(envelope.tree(), CanonicalForm.JCS);
        signature = Base64.getDecoder().decode(envelope.signature());
        for (int i = 0; i < DISTINCT; i++) {
            AgentIdentity agent = platform.identities.generate();
            Envelope offer = platform.codec.parse(Frames.offer(platform.codec, platform.signer, agent, to.did(),
                    Frames.sdp(Frames.TYPICAL_SDP_BYTES)));
            distinctKeys[i] = new Ed25519PublicKeyParameters(agent.publicKey(), 0);
            distinctMessages[i] = platform.canonicalizer.signingInput(offer.tree(), CanonicalForm.JCS);
            distinctSignatures[i] = Base64.getDecoder().decode(offer.signature());
            if (!verify(distinctKeys[i], distinctMessages[i], distinctSignatures[i])) {
                throw new IllegalStateException("distinct OFFER " + i + " does not verify");
            }
        }
        if (!ed25519VerifySame() || !ed25519VerifyKeyBytes() || !envelopeVerify().valid()
                || envelopeVerify().form() != CanonicalForm.JCS) {
            throw new IllegalStateException("the typical OFFER does not verify: the benchmark would measure a failure");
        }
    }

    /**
     * (a) The limit: one Ed25519 verification with the point already decompressed, as the key cache holds it,
     * each call a different signature by a different key over a different OFFER. The verification's double-scalar
     * multiplication branches on the signature's digits, so one signature verified again and again (a1) lets the
     * processor predict those branches, a help no gateway gets.
     */
    @Benchmark
    public boolean ed25519Verify() {
        int i = next;
        next = (i + 1) & (DISTINCT - 1);
        return verify(distinctKeys[i], distinctMessages[i], distinctSignatures[i]);
    }

    /** (a1) The same signature of the same OFFER verified again and again. */
    @Benchmark
    public boolean ed25519VerifySame() {
        return verify(decodedKey, message, signature);
    }

    private static boolean verify(Ed25519PublicKeyParameters key, byte[] message, byte[] signature) {
        return key.verify(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
    }

    /** (a') The same from the 32 key bytes: adds the point decompression a key cache miss costs. */
    @Benchmark
    public boolean ed25519VerifyKeyBytes() {
        return Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length);
    }

    /** (b) RFC 8785 bytes of the envelope without its signature: what is verified. */
    @Benchmark
    public byte[] canonicalize() {
        return platform.canonicalizer.signingInput(envelope.tree(), CanonicalForm.JCS);
    }

    /** (c) What the gateway does per frame: canonicalize + verify, the sender's key cached. */
    @Benchmark
    public SignatureCheck envelopeVerify() {
        return platform.envelopeVerifier.verify(envelope, sender);
    }
}
