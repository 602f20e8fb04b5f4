package io.aiconexus.gateway.discovery;

import org.osgi.annotation.versioning.ProviderType;

/** Per-agent statistics of capability-routed requests. */
@ProviderType
public interface AgentStatistics {

    /** The statistics of {@code did}, {@link AgentStats#NONE} for an agent never given a request. */
    AgentStats of(String did);
}
