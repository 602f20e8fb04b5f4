package io.aiconexus.gateway.cli.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aiconexus.gateway.cli.Ioap;

/** GETs the gateway's JSON endpoints ({@code /health}, {@code /agents}) next to its WebSocket. */
final class HttpJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private HttpJson() {
    }

    /** The HTTP address of the gateway whose WebSocket is {@code gateway}: same host and port. */
    static URI base(URI gateway) {
        String scheme = gateway.getScheme().equalsIgnoreCase("wss") ? "https" : "http";
        return URI.create(scheme + "://" + gateway.getRawAuthority());
    }

    /** The parsed body and its text; errors name the address and the exit code. */
    static Response get(URI uri) throws CliException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json").GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new CliException(Ioap.UNREACHABLE, "gateway not reachable at " + uri + ": "
                    + (e instanceof ConnectException ? "connection refused (is the gateway running?)" : "connection timed out"), e);
        } catch (IOException e) {
            throw new CliException(Ioap.UNREACHABLE, "gateway not reachable at " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(Ioap.FAILED, "interrupted");
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new CliException(Ioap.FAILED, uri + " answered HTTP " + response.statusCode() + " with a body that is not JSON");
        }
        if (response.statusCode() != 200) {
            throw new CliException(Ioap.FAILED, uri + " answered HTTP " + response.statusCode() + ": " + body);
        }
        return new Response(body, response.body());
    }

    record Response(JsonNode json, String text) {
    }
}
