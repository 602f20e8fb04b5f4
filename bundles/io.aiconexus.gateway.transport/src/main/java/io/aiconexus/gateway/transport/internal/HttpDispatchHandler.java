package io.aiconexus.gateway.transport.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.aiconexus.gateway.transport.HttpEndpoint;
import io.aiconexus.gateway.transport.HttpRequest;
import io.aiconexus.gateway.transport.HttpResponse;

/**
 * Plain HTTP on the WebSocket port: GET and HEAD go to the {@link HttpEndpoint} serving the path; every answer
 * the transport makes itself (404, 405, 426, 400, 500) is JSON, as PROTOCOL.md section 9 asks.
 */
final class HttpDispatchHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(HttpDispatchHandler.class);
    private static final String JSON = "application/json";

    private final HttpEndpoints endpoints;
    private final String webSocketPath;

    HttpDispatchHandler(HttpEndpoints endpoints, String webSocketPath) {
        this.endpoints = endpoints;
        this.webSocketPath = webSocketPath;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String method = request.getMethod();
        String path = Optional.ofNullable(request.getHttpURI().getDecodedPath()).orElse("/");
        String remote = Peer.of(Request.getRemoteAddr(request), Request.getRemotePort(request)).address();
        boolean head = HttpMethod.HEAD.is(method);
        if (!head && !HttpMethod.GET.is(method)) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            send(response, callback, false, HttpResponse.json(HttpStatus.METHOD_NOT_ALLOWED_405,
                    Json.error("method_not_allowed", method + " is not served here; use GET or HEAD",
                            "method", method, "path", path)));
            return true;
        }
        Optional<HttpEndpoint> endpoint = endpoints.find(path);
        if (endpoint.isEmpty()) {
            send(response, callback, head, notFound(response, path));
            return true;
        }
        Map<String, List<String>> query;
        try {
            query = QueryParameters.parse(request.getHttpURI().getQuery());
        } catch (IllegalArgumentException malformed) {
            send(response, callback, head, HttpResponse.json(HttpStatus.BAD_REQUEST_400,
                    Json.error("bad_query", "the query string is not valid percent-encoded UTF-8", "path", path)));
            return true;
        }
        send(response, callback, head, call(endpoint.get(), new HttpRequest(method, path, query, remote)));
        return true;
    }

    private HttpResponse notFound(Response response, String path) {
        if (path.equals(webSocketPath)) {
            response.getHeaders().put(HttpHeader.UPGRADE, "websocket");
            return HttpResponse.json(HttpStatus.UPGRADE_REQUIRED_426, Json.error("upgrade_required",
                    "agents connect here with a WebSocket upgrade", "path", path));
        }
        return HttpResponse.json(HttpStatus.NOT_FOUND_404, Json.error("not_found", "no endpoint at " + path,
                "path", path));
    }

    private static HttpResponse call(HttpEndpoint endpoint, HttpRequest request) {
        try {
            HttpResponse answer = endpoint.handle(request);
            if (answer == null) {
                throw new IllegalStateException("the endpoint returned no response");
            }
            return answer;
        } catch (RuntimeException e) {
            LOG.warn("HTTP endpoint {} failed on {} {} from {}", endpoint, request.method(), request.path(),
                    request.remoteAddress(), e);
            return HttpResponse.json(HttpStatus.INTERNAL_SERVER_ERROR_500,
                    Json.error("internal_error", "the endpoint serving " + request.path() + " failed",
                            "path", request.path()));
        }
    }

    private static void send(Response response, Callback callback, boolean head, HttpResponse answer) {
        byte[] body = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
        response.setStatus(answer.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType() == null ? JSON : answer.contentType());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);
    }
}
