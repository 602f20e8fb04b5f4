package io.aiconexus.gateway.transport;

import java.util.List;
import java.util.Map;

/**
 * An HTTP request to an {@link HttpEndpoint}.
 *
 * @param method        e.g. {@code GET}
 * @param path          the decoded path, e.g. {@code /agents}
 * @param query         decoded query parameters, in order
 * @param remoteAddress {@code host:port} of the client
 */
public record HttpRequest(String method, String path, Map<String, List<String>> query, String remoteAddress) {

    /** The first value of query parameter {@code name}, or {@code null}. */
    public String parameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
