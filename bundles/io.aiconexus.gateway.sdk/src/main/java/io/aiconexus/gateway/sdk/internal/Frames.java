package io.aiconexus.gateway.sdk.internal;

import java.util.Arrays;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.identity.AgentIdentity;
import io.aiconexus.gateway.identity.InvalidDidException;
import io.aiconexus.gateway.identity.SignatureCheck;
import io.aiconexus.gateway.identity.internal.CachingEnvelopeVerifier;
import io.aiconexus.gateway.identity.internal.DidKeyCodec;
import io.aiconexus.gateway.identity.internal.JcsEnvelopeSigner;
import io.aiconexus.gateway.protocol.Envelope;
import io.aiconexus.gateway.protocol.JsonLimits;
import io.aiconexus.gateway.protocol.ProtocolException;
import io.aiconexus.gateway.protocol.internal.JacksonEnvelopeCodec;
import io.aiconexus.gateway.protocol.internal.JsonCanonicalizer;
import io.aiconexus.gateway.sdk.ClientError;
import io.aiconexus.gateway.sdk.Message;

/**
 * Turns messages into signed frames and received text into verified envelopes, with the gateway's
 * own codec, canonicalizer, signer and verifier: the client and the gateway cannot disagree on
 * what a valid frame is. Thread-safe.
 */
public final class Frames {
    /** The codec with the protocol's default limits (1 MiB frames). */
    public static final JacksonEnvelopeCodec CODEC = new JacksonEnvelopeCodec(JsonLimits.DEFAULT);

    private static final JsonCanonicalizer CANONICALIZER = new JsonCanonicalizer();
    private static final DidKeyCodec DID_KEYS = new DidKeyCodec();
    /** A client meets few senders; the cache only saves re-decoding their keys. */
    private static final int KEY_CACHE = 1024;

    private final AgentIdentity identity;
    private final JcsEnvelopeSigner signer = new JcsEnvelopeSigner(CANONICALIZER);
    private final CachingEnvelopeVerifier verifier = new CachingEnvelopeVerifier(CANONICALIZER, DID_KEYS, KEY_CACHE);

    /** A received frame: the verified envelope, or why it was refused. */
    public record Received(Envelope envelope, ClientError error) {
    }

    public Frames(AgentIdentity identity) {
        this.identity = identity;
    }

    /** {@code message} from this agent, stamped now and signed over its RFC 8785 bytes. */
    public Envelope sign(Message message) {
        ObjectNode tree = CODEC.newEnvelope(message.type(), identity.did(), message.to(), message.correlationId(),
                message.payload());
        // the message's id, not a fresh one: a queued frame keeps its identity across reconnections
        tree.put("id", message.id());
        signer.sign(identity, tree);
        try {
            return CODEC.wrap(tree);
        } catch (ProtocolException e) {
            // Message.build checked the same schema: only a codec change could get here
            throw new IllegalStateException("signed frame " + message + " breaks the schema: " + e.getMessage(), e);
        }
    }

    /** Parses {@code text} and verifies its signature against the DID in its {@code from}. */
    public Received read(String text) {
        Envelope envelope;
        try {
            envelope = CODEC.parse(text);
        } catch (ProtocolException e) {
            Map<String, Object> details = e.details();
            String field = details.get("field") == null ? "" : " (field " + details.get("field") + ")";
            return new Received(null, new ClientError(ClientError.Kind.MALFORMED_FRAME,
                    "refused a frame that is not a valid IoAP envelope: " + e.getMessage() + field, null, text, e));
        }
        SignatureCheck check = verifier.verify(envelope);
        if (!check.valid()) {
            return new Received(null, new ClientError(ClientError.Kind.INVALID_SIGNATURE,
                    "refused " + envelope.type() + " " + envelope.id() + " from " + envelope.from()
                            + ": its signature does not hold (" + check.reason() + ")",
                    envelope, text, null));
        }
        return new Received(envelope, null);
    }

    /** Whether {@code publicKeyBase58} is the key of {@code did}. */
    public static boolean isKeyOf(String did, String publicKeyBase58) {
        try {
            return Arrays.equals(DID_KEYS.decode(did).publicKey(), DID_KEYS.fromBase58(publicKeyBase58));
        } catch (InvalidDidException e) {
            return false;
        }
    }
}
