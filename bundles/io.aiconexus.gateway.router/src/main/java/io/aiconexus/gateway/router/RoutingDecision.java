package io.aiconexus.gateway.router;

import java.util.Objects;

import io.aiconexus.gateway.protocol.ErrorCode;

/**
 * What a {@link RoutingPolicy} says about a frame.
 *
 * @param outcome    allow, deny or redirect
 * @param code       for a denial, the ERROR code the sender gets (e.g. FORBIDDEN, RATE_LIMITED)
 * @param message    for a denial, the sentence the sender gets
 * @param redirectTo for a redirect, the DID the frame goes to instead
 */
public record RoutingDecision(Outcome outcome, ErrorCode code, String message, String redirectTo) {

    public enum Outcome {
        ALLOW, DENY, REDIRECT
    }

    private static final RoutingDecision ALLOW = new RoutingDecision(Outcome.ALLOW, null, null, null);

    public static RoutingDecision allow() {
        return ALLOW;
    }

    public static RoutingDecision deny(ErrorCode code, String message) {
        return new RoutingDecision(Outcome.DENY, Objects.requireNonNull(code), message, null);
    }

    public static RoutingDecision redirect(String did) {
        return new RoutingDecision(Outcome.REDIRECT, null, null, Objects.requireNonNull(did));
    }
}
