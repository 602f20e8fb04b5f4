package io.aiconexus.gateway.discovery;

/**
 * What the gateway saw of one agent's capability-routed EXEC_REQUESTs: the start of reputation.
 *
 * @param requests   requests given to the agent
 * @param successes  answered with EXEC_RESPONSE in time
 * @param failures   answered with ERROR, or the agent left holding the request
 * @param timeouts   not answered before the requester's deadline
 * @param inFlight   given and not yet finished
 * @param p50Millis  median latency of the recent successes (0 with none)
 * @param p95Millis  95th percentile of the recent successes
 * @param p99Millis  99th percentile of the recent successes
 */
public record AgentStats(long requests, long successes, long failures, long timeouts, int inFlight, double p50Millis,
        double p95Millis, double p99Millis) {

    public static final AgentStats NONE = new AgentStats(0, 0, 0, 0, 0, 0, 0, 0);

    /** Successes over finished requests, or 1 for an agent with no history (new agents get a chance). */
    public double successRate() {
        long finished = successes + failures + timeouts;
        return finished == 0 ? 1.0 : (double) successes / finished;
    }
}
