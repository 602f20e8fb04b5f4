package io.aiconexus.gateway.discovery;

import java.util.List;

import io.aiconexus.gateway.registry.RegisteredAgent;

/**
 * One page of matching agents, in DID order.
 *
 * @param agents the agents on this page
 * @param next   the opaque cursor of the next page, or null on the last page
 */
public record AgentPage(List<RegisteredAgent> agents, String next) {
}
