package io.aiconexus.gateway.identity.internal;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.aiconexus.gateway.identity.DidKey;
import io.aiconexus.gateway.identity.DidKeys;
import io.aiconexus.gateway.identity.EnvelopeVerifier;
import io.aiconexus.gateway.identity.InvalidDidException;
import io.aiconexus.gateway.identity.SignatureCheck;
import io.aiconexus.gateway.protocol.CanonicalForm;
import io.aiconexus.gateway.protocol.Canonicalizer;
import io.aiconexus.gateway.protocol.Envelope;

/**
 * Verifies envelope signatures as PROTOCOL.md section 4 says: over the RFC 8785 bytes, and only
 * when those fail and the seed SDK's Python form differs, over the Python form. Decoded keys are
 * cached per DID ({@link PublicKeyCache}); Bouncy Castle keeps the decompressed point in the key
 * parameters, so a cached sender costs one canonicalization and one Ed25519 verification.
 */
@Component(service = EnvelopeVerifier.class, configurationPid = CachingEnvelopeVerifier.PID)
@Designate(ocd = CachingEnvelopeVerifier.Config.class)
public class CachingEnvelopeVerifier implements EnvelopeVerifier {
    /** The configuration PID. */
    public static final String PID = "io.aiconexus.gateway.identity.verifier";
    public static final int DEFAULT_KEY_CACHE_SIZE = 65_536;

    /** The longest base64 of a 64-byte signature (88 characters with padding); checked before decoding. */
    private static final int MAX_SIGNATURE_TEXT = 88;

    @ObjectClassDefinition(name = "AIConexus envelope verifier",
            description = "Verifies the Ed25519 signatures of IoAP envelopes.")
    public @interface Config {
        @AttributeDefinition(name = "Key cache size", min = "2",
                description = "How many senders' decoded public keys are kept. A sender outside the cache costs"
                        + " one base58 decode and one point decompression (about 10 microseconds) more per frame; an entry takes about 350 bytes.")
        int keyCacheSize() default DEFAULT_KEY_CACHE_SIZE;
    }

    private final Canonicalizer canonicalizer;
    private final DidKeys didKeys;
    private final PublicKeyCache keys;

    @Activate
    public CachingEnvelopeVerifier(@Reference(name = "canonicalizer") Canonicalizer canonicalizer,
            @Reference(name = "didKeys") DidKeys didKeys, Config config) {
        this(canonicalizer, didKeys, config.keyCacheSize());
    }

    public CachingEnvelopeVerifier(Canonicalizer canonicalizer, DidKeys didKeys, int keyCacheSize) {
        this.canonicalizer = Objects.requireNonNull(canonicalizer, "canonicalizer");
        this.didKeys = Objects.requireNonNull(didKeys, "didKeys");
        this.keys = new PublicKeyCache(keyCacheSize);
    }

    public CachingEnvelopeVerifier(Canonicalizer canonicalizer, DidKeys didKeys) {
        this(canonicalizer, didKeys, DEFAULT_KEY_CACHE_SIZE);
    }

    @Override
    public SignatureCheck verify(Envelope envelope) {
        byte[] signature = signatureBytes(envelope.signature());
        if (signature == null) {
            return SignatureCheck.invalid(envelope.signature() == null ? SignatureCheck.MISSING : SignatureCheck.MALFORMED);
        }
        String from = envelope.from();
        PublicKeyCache.Entry key = from == null ? null : keys.get(from);
        if (key == null) {
            try {
                DidKey decoded = didKeys.decode(from);
                key = entry(decoded.publicKey());
            } catch (InvalidDidException | IllegalArgumentException e) {
                return SignatureCheck.invalid(SignatureCheck.BAD_DID);
            }
            keys.put(from, key);
        }
        return verify(envelope, key.parameters(), signature);
    }

    @Override
    public SignatureCheck verify(Envelope envelope, DidKey signer) {
        byte[] signature = signatureBytes(envelope.signature());
        if (signature == null) {
            return SignatureCheck.invalid(envelope.signature() == null ? SignatureCheck.MISSING : SignatureCheck.MALFORMED);
        }
        PublicKeyCache.Entry key = keys.get(signer.did());
        // a DidKey can be built by hand: trust the cache only for the key it was filled with
        if (key == null || !Arrays.equals(key.publicKey(), signer.publicKey())) {
            try {
                key = entry(signer.publicKey());
            } catch (IllegalArgumentException e) {
                return SignatureCheck.invalid(SignatureCheck.BAD_DID);
            }
            keys.put(signer.did(), key);
        }
        return verify(envelope, key.parameters(), signature);
    }

    @Override
    public boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey == null || publicKey.length != Ed25519.PUBLIC_KEY_SIZE || message == null
                || signature == null || signature.length != Ed25519.SIGNATURE_SIZE) {
            return false;
        }
        Ed25519PublicKeyParameters parameters;
        try {
            parameters = new Ed25519PublicKeyParameters(publicKey, 0);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return verify(parameters, message, signature);
    }

    /** Entries in the key cache, for tests and diagnostics. */
    int cachedKeys() {
        return keys.size();
    }

    private SignatureCheck verify(Envelope envelope, Ed25519PublicKeyParameters key, byte[] signature) {
        byte[] jcs = jcsSigningInput(envelope);
        if (jcs != null && verify(key, jcs, signature)) {
            return SignatureCheck.valid(CanonicalForm.JCS);
        }
        byte[] python = canonicalizer.signingInput(envelope.tree(), CanonicalForm.PYTHON);
        // identical bytes already failed: a second verification would only cost time
        if (!Arrays.equals(python, jcs) && verify(key, python, signature)) {
            return SignatureCheck.valid(CanonicalForm.PYTHON);
        }
        return SignatureCheck.invalid(SignatureCheck.MISMATCH);
    }

    /**
     * The RFC 8785 bytes, or null for the legal JSON that JCS cannot express (a lone surrogate,
     * a number beyond the double range): such a frame can still hold a Python-form signature.
     */
    private byte[] jcsSigningInput(Envelope envelope) {
        try {
            return canonicalizer.signingInput(envelope.tree(), CanonicalForm.JCS);
        } catch (IllegalArgumentException inexpressible) {
            return null;
        }
    }

    private static boolean verify(Ed25519PublicKeyParameters key, byte[] message, byte[] signature) {
        return key.verify(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
    }

    /** Decompresses the point once; throws IllegalArgumentException when the bytes are not a curve point. */
    private static PublicKeyCache.Entry entry(byte[] publicKey) {
        byte[] copy = publicKey.clone();
        return new PublicKeyCache.Entry(copy, new Ed25519PublicKeyParameters(copy, 0));
    }

    /** The 64 signature bytes, or null when the text is not standard base64 of exactly 64 bytes. */
    private static byte[] signatureBytes(String text) {
        if (text == null || text.length() > MAX_SIGNATURE_TEXT) {
            return null;
        }
        try {
            byte[] signature = Base64.getDecoder().decode(text);
            return signature.length == Ed25519.SIGNATURE_SIZE ? signature : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
