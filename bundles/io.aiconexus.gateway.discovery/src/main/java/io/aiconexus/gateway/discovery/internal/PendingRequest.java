package io.aiconexus.gateway.discovery.internal;

import java.util.HashSet;
import java.util.Set;

/** One capability-routed EXEC_REQUEST between its routing and its outcome. Guarded by its own monitor. */
final class PendingRequest {
    final String requester;
    final String id;
    final String capability;
    final String text;
    final long deadlineNanos;
    final Set<String> tried = new HashSet<>();
    String agent;
    String agentConnection;
    long givenAtNanos;
    int retriesLeft;
    boolean finished;

    PendingRequest(String requester, String id, String capability, String text, long deadlineNanos, int retries) {
        this.requester = requester;
        this.id = id;
        this.capability = capability;
        this.text = text;
        this.deadlineNanos = deadlineNanos;
        this.retriesLeft = retries;
    }

    static String key(String requester, String id) {
        return requester + '\n' + id;
    }

    String key() {
        return key(requester, id);
    }
}
