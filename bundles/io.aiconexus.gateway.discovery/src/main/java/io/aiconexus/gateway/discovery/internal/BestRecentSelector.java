package io.aiconexus.gateway.discovery.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import io.aiconexus.gateway.discovery.AgentSelector;
import io.aiconexus.gateway.discovery.AgentStatistics;
import io.aiconexus.gateway.discovery.AgentStats;
import io.aiconexus.gateway.registry.RegisteredAgent;

/**
 * The capable agent with the best record: highest success rate, then lowest median latency.
 * Agents with no history count as perfect, so newcomers get tried.
 */
@Component(property = AgentSelector.NAME + "=best-recent")
public class BestRecentSelector implements AgentSelector {

    @Override
    public RegisteredAgent select(String capability, List<RegisteredAgent> candidates, AgentStatistics statistics) {
        RegisteredAgent best = null;
        AgentStats bestStats = null;
        for (RegisteredAgent candidate : candidates) {
            AgentStats stats = statistics.of(candidate.did());
            if (best == null || better(stats, bestStats)) {
                best = candidate;
                bestStats = stats;
            }
        }
        return best;
    }

    private static boolean better(AgentStats a, AgentStats b) {
        int byRate = Double.compare(a.successRate(), b.successRate());
        if (byRate != 0) {
            return byRate > 0;
        }
        return a.p50Millis() < b.p50Millis();
    }
}
