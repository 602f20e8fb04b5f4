package io.aiconexus.gateway.discovery.internal;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Component;

import io.aiconexus.gateway.discovery.AgentSelector;
import io.aiconexus.gateway.discovery.AgentStatistics;
import io.aiconexus.gateway.registry.RegisteredAgent;

/** Takes the capable agents in turn, per capability. */
@Component(property = AgentSelector.NAME + "=round-robin")
public class RoundRobinSelector implements AgentSelector {
    private final ConcurrentHashMap<String, AtomicLong> turns = new ConcurrentHashMap<>();

    @Override
    public RegisteredAgent select(String capability, List<RegisteredAgent> candidates, AgentStatistics statistics) {
        long turn = turns.computeIfAbsent(capability, name -> new AtomicLong()).getAndIncrement();
        return candidates.get((int) Math.floorMod(turn, (long) candidates.size()));
    }
}
