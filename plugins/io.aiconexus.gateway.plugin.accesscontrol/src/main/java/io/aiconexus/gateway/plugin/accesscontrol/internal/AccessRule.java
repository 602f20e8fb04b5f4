package io.aiconexus.gateway.plugin.accesscontrol.internal;

import java.util.List;
import java.util.Set;

import io.aiconexus.gateway.protocol.MessageType;

/**
 * One parsed rule: it matches a frame when the sender matches one of {@code from}, the recipient
 * one of {@code to} and the type is in {@code types} (empty: every type).
 *
 * @param number the rule's position in the configuration, from 1
 * @param text   the rule as written, for log lines
 */
record AccessRule(int number, String text, Action action, List<DidPattern> from, List<DidPattern> to,
        Set<MessageType> types) {

    enum Action {
        ALLOW, DENY
    }

    boolean matches(String sender, String recipient, boolean toGateway, MessageType type) {
        return (types.isEmpty() || types.contains(type)) && any(from, sender, false) && any(to, recipient, toGateway);
    }

    private static boolean any(List<DidPattern> patterns, String did, boolean gateway) {
        for (DidPattern pattern : patterns) {
            if (pattern.matches(did, gateway)) {
                return true;
            }
        }
        return false;
    }
}
