package io.aiconexus.gateway.discovery.internal;

import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;

import io.aiconexus.gateway.discovery.AgentStatistics;
import io.aiconexus.gateway.discovery.AgentStats;

/**
 * Per-agent statistics, kept by DID across reconnections: an agent's record is its history, not
 * its session's.
 */
@Component(service = { AgentStatistics.class, StatisticsBook.class })
public class StatisticsBook implements AgentStatistics {
    private final ConcurrentHashMap<String, AgentRecord> records = new ConcurrentHashMap<>();

    @Override
    public AgentStats of(String did) {
        AgentRecord record = records.get(did);
        return record == null ? AgentStats.NONE : record.stats();
    }

    int inFlight(String did) {
        AgentRecord record = records.get(did);
        return record == null ? 0 : record.inFlight();
    }

    void started(String did) {
        record(did).started();
    }

    void succeeded(String did, double millis) {
        record(did).succeeded(millis);
    }

    void failed(String did) {
        record(did).failed();
    }

    void timedOut(String did) {
        record(did).timedOut();
    }

    private AgentRecord record(String did) {
        return records.computeIfAbsent(did, key -> new AgentRecord());
    }
}
