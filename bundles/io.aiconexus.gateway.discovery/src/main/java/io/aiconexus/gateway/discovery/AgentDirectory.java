package io.aiconexus.gateway.discovery;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Looks agents up by capability, prefix and tag, with stable paging: pages are in DID order and
 * a cursor names the last DID served, so agents joining or leaving never shift a page.
 */
@ProviderType
public interface AgentDirectory {

    /** @throws IllegalArgumentException for a cursor this directory did not make */
    AgentPage find(AgentQuery query);
}
