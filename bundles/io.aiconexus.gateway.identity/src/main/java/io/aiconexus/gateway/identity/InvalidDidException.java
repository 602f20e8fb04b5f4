package io.aiconexus.gateway.identity;

/** A string is not a did:key for an Ed25519 key in either accepted encoding. */
public class InvalidDidException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidDidException(String message) {
        super(message);
    }
}
