package io.aiconexus.gateway.verification;

/**
 * What verification concluded about one frame.
 *
 * @param accepted whether the frame may be acted on
 * @param failure  why the frame failed verification, or {@code null}; in {@link VerificationMode#AUDIT}
 *                 a frame can be accepted and still carry a failure
 * @param detail   a sentence for people, or {@code null}
 */
public record Verdict(boolean accepted, Failure failure, String detail) {

    /** Why a frame failed: the value of {@code details.reason} in the INVALID_SIGNATURE answer. */
    public enum Failure {
        /** The signature does not hold over the frame (or is missing or not base64 of 64 bytes). */
        SIGNATURE("bad_signature"),
        /** The timestamp is further from the gateway clock than the replay window allows. */
        STALE("stale"),
        /** The same sender already sent this id inside the replay window. */
        REPLAYED("replayed");

        private final String reason;

        Failure(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    private static final Verdict OK = new Verdict(true, null, null);

    public static Verdict ok() {
        return OK;
    }

    public static Verdict rejected(Failure failure, String detail) {
        return new Verdict(false, failure, detail);
    }
}
