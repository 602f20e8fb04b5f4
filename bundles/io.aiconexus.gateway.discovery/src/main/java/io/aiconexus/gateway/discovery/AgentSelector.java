package io.aiconexus.gateway.discovery;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

import io.aiconexus.gateway.registry.RegisteredAgent;

/**
 * Chooses which capable agent gets a capability-routed request. A whiteboard service named by
 * {@link #NAME}; the capability router uses the one its configuration names.
 */
@ConsumerType
public interface AgentSelector {

    /** Service property: the name operators select the policy by, e.g. {@code round-robin}. */
    String NAME = "ioap.selector.name";

    /**
     * @param capability the capability asked for
     * @param candidates the capable agents still eligible, never empty, in registration order
     * @param statistics what is known of each agent
     * @return one of {@code candidates}
     */
    RegisteredAgent select(String capability, List<RegisteredAgent> candidates, AgentStatistics statistics);
}
