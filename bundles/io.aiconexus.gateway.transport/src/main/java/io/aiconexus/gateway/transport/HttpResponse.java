package io.aiconexus.gateway.transport;

/**
 * The answer of an {@link HttpEndpoint}.
 *
 * @param status      HTTP status
 * @param contentType e.g. {@code application/json}
 * @param body        the body text (UTF-8 on the wire)
 */
public record HttpResponse(int status, String contentType, String body) {

    public static HttpResponse json(int status, String body) {
        return new HttpResponse(status, "application/json", body);
    }
}
