package io.aiconexus.gateway.verification;

/** How the gateway treats frame signatures (an operator setting). */
public enum VerificationMode {
    /** A bad signature, a stale or a replayed frame is rejected with INVALID_SIGNATURE. */
    ENFORCE,
    /** Failures are counted and logged, and the frame is passed on. */
    AUDIT,
    /** Nothing is checked: signatures, timestamps and replays are ignored. */
    OFF
}
