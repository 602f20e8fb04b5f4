package io.aiconexus.gateway.discovery.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import io.aiconexus.gateway.discovery.AgentSelector;
import io.aiconexus.gateway.discovery.AgentStatistics;
import io.aiconexus.gateway.registry.RegisteredAgent;

/** The capable agent holding the fewest unfinished requests; ties go to the earliest registered. */
@Component(property = AgentSelector.NAME + "=least-in-flight")
public class LeastInFlightSelector implements AgentSelector {

    @Override
    public RegisteredAgent select(String capability, List<RegisteredAgent> candidates, AgentStatistics statistics) {
        RegisteredAgent best = candidates.get(0);
        int fewest = statistics.of(best.did()).inFlight();
        for (RegisteredAgent candidate : candidates) {
            int inFlight = statistics.of(candidate.did()).inFlight();
            if (inFlight < fewest) {
                best = candidate;
                fewest = inFlight;
            }
        }
        return best;
    }
}
