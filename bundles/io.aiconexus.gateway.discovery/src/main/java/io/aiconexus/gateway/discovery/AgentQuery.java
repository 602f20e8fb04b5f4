package io.aiconexus.gateway.discovery;

/**
 * Which agents to list.
 *
 * @param capability a capability name, or null for every agent
 * @param prefix     match capability names starting with {@code capability}
 * @param tag        keep agents with a capability carrying this tag, or null
 * @param limit      page size; 0 for no paging
 * @param cursor     where the previous page ended (its {@code next}), or null for the first page
 */
public record AgentQuery(String capability, boolean prefix, String tag, int limit, String cursor) {

    public static AgentQuery capability(String name) {
        return new AgentQuery(name, false, null, 0, null);
    }
}
