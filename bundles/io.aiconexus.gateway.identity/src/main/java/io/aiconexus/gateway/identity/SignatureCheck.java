package io.aiconexus.gateway.identity;

import io.aiconexus.gateway.protocol.CanonicalForm;

/**
 * The outcome of verifying an envelope signature.
 *
 * @param valid  whether the signature holds
 * @param form   the canonical form it holds over, or {@code null} when invalid
 * @param reason why it failed ({@code missing}, {@code malformed}, {@code mismatch}), or {@code null}
 */
public record SignatureCheck(boolean valid, CanonicalForm form, String reason) {

    public static SignatureCheck valid(CanonicalForm form) {
        return new SignatureCheck(true, form, null);
    }

    public static SignatureCheck invalid(String reason) {
        return new SignatureCheck(false, null, reason);
    }
}
