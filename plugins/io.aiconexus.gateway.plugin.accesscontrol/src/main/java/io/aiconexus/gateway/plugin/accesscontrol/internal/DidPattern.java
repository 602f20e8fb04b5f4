package io.aiconexus.gateway.plugin.accesscontrol.internal;

import io.aiconexus.gateway.protocol.Envelope;

/**
 * One DID pattern of a rule: {@code *}, an exact DID, a prefix ending in {@code *}, or
 * {@code gateway} for frames addressed to the gateway itself.
 */
record DidPattern(Kind kind, String value) {

    enum Kind {
        ANY, EXACT, PREFIX, GATEWAY
    }

    static final DidPattern ANY = new DidPattern(Kind.ANY, "*");

    /** Parses one pattern; the message of the exception says what is wrong with it. */
    static DidPattern parse(String text, boolean recipient) throws IllegalArgumentException {
        if (text.equals("*")) {
            return ANY;
        }
        if (text.equals("gateway") || text.equals(Envelope.GATEWAY_ALIAS)) {
            if (!recipient) {
                throw new IllegalArgumentException("'" + text + "' can only be a recipient (to=)");
            }
            return new DidPattern(Kind.GATEWAY, "gateway");
        }
        if (!text.startsWith("did:")) {
            throw new IllegalArgumentException("'" + text + "' is not a DID, a DID prefix ending in *, * or gateway");
        }
        int star = text.indexOf('*');
        if (star < 0) {
            return new DidPattern(Kind.EXACT, text);
        }
        if (star != text.length() - 1) {
            throw new IllegalArgumentException("'" + text + "': * may only end a prefix");
        }
        return new DidPattern(Kind.PREFIX, text.substring(0, star));
    }

    /** Whether {@code did} matches; {@code gateway} says whether it is the gateway's own DID. */
    boolean matches(String did, boolean gateway) {
        return switch (kind) {
            case ANY -> true;
            case GATEWAY -> gateway;
            case EXACT -> value.equals(did);
            case PREFIX -> did.startsWith(value);
        };
    }

    @Override
    public String toString() {
        return kind == Kind.PREFIX ? value + "*" : value;
    }
}
