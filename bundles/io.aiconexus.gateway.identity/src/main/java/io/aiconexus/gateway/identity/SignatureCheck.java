package io.aiconexus.gateway.identity;

import io.aiconexus.gateway.protocol.CanonicalForm;

/**
 * The outcome of verifying an envelope signature.
 *
 * @param valid  whether the signature holds
 * @param form   the canonical form it holds over, or {@code null} when invalid
 * @param reason why it failed ({@link #MISSING}, {@link #MALFORMED}, {@link #BAD_DID},
 *               {@link #MISMATCH}), or {@code null}
 */
public record SignatureCheck(boolean valid, CanonicalForm form, String reason) {

    /** {@code reason}: the envelope has no {@code signature}. */
    public static final String MISSING = "missing";
    /** {@code reason}: {@code signature} is not standard base64 of 64 bytes. */
    public static final String MALFORMED = "malformed";
    /**
     * {@code reason}: {@code from} is not an Ed25519 did:key in either encoding, or its 32 bytes are
     * not a point on the curve.
     */
    public static final String BAD_DID = "bad_did";
    /** {@code reason}: the signature holds over neither canonical form. */
    public static final String MISMATCH = "mismatch";

    public static SignatureCheck valid(CanonicalForm form) {
        return new SignatureCheck(true, form, null);
    }

    public static SignatureCheck invalid(String reason) {
        return new SignatureCheck(false, null, reason);
    }
}
