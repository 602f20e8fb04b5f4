package io.aiconexus.gateway.console.internal;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.verification.VerificationMode;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The gateway page of the Felix Web Console ({@code /system/console/gateway}): connected agents
 * with a disconnect button, live totals, the verification mode and a way to change it, the routing
 * policies and message handlers in order. {@code data.json} serves the same data to scripts;
 * {@code POST disconnect} (did) and {@code POST mode} (mode) act, answering JSON to a request that
 * accepts it and redirecting a browser back to the page otherwise.
 */
@Component(service = Servlet.class, property = {
        GatewayWebConsolePlugin.LABEL_PROPERTY + "=" + GatewayWebConsolePlugin.LABEL,
        "felix.webconsole.title=Gateway",
        "felix.webconsole.category=AIConexus" })
public class GatewayWebConsolePlugin extends HttpServlet {
    static final String LABEL_PROPERTY = "felix.webconsole.label";
    static final String LABEL = "gateway";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(GatewayWebConsolePlugin.class);
    private static final Map<String, String> NOTICES = Map.of(
            "disconnected", "The agent was disconnected (close 1008, 'disconnected by operator').",
            "unknown-agent", "That agent is no longer connected.",
            "mode-changed", "The verification mode was changed.",
            "mode-pending", "The verification mode was stored; the verifier has not applied it yet.",
            "bad-mode", "The verification mode is enforce, audit or off.",
            "forbidden", "Refused: the request did not come from this console's own page.");

    private final transient GatewayOperations operations;

    @Activate
    public GatewayWebConsolePlugin(@Reference(name = "operations") GatewayOperations operations) {
        this.operations = operations;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String action = action(request);
        if (action.isEmpty()) {
            response.setContentType("text/html");
            response.setCharacterEncoding("UTF-8");
            GatewayPage.render(response.getWriter(), operations, pluginRoot(request), notice(request.getParameter("done")));
        } else if (action.equals("data.json")) {
            json(response, HttpServletResponse.SC_OK, StatusJson.of(operations));
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String action = action(request);
        if (!action.equals("disconnect") && !action.equals("mode")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (!SameOrigin.allows(request)) {
            LOG.warn("Refused console {} from {}: Origin {} is not this console", action, request.getRemoteAddr(),
                    request.getHeader("Origin"));
            answer(request, response, HttpServletResponse.SC_FORBIDDEN, "forbidden", object("error", "cross-site request refused"));
            return;
        }
        if (action.equals("disconnect")) {
            disconnect(request, response);
        } else {
            changeMode(request, response);
        }
    }

    private void disconnect(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String did = request.getParameter("did");
        boolean disconnected = did != null && operations.disconnect(did);
        ObjectNode body = object("did", did);
        body.put("disconnected", disconnected);
        answer(request, response, disconnected ? HttpServletResponse.SC_OK : HttpServletResponse.SC_NOT_FOUND,
                disconnected ? "disconnected" : "unknown-agent", body);
    }

    private void changeMode(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<VerificationMode> wanted = StatusJson.parseMode(request.getParameter("mode"));
        if (wanted.isEmpty()) {
            answer(request, response, HttpServletResponse.SC_BAD_REQUEST, "bad-mode",
                    object("error", "mode is enforce, audit or off"));
            return;
        }
        Optional<VerificationMode> now = operations.changeMode(wanted.get());
        boolean applied = now.equals(wanted);
        ObjectNode body = object("requested", StatusJson.name(wanted.get()));
        body.put("mode", now.map(StatusJson::name).orElse(null));
        body.put("applied", applied);
        answer(request, response, applied ? HttpServletResponse.SC_OK : HttpServletResponse.SC_ACCEPTED,
                applied ? "mode-changed" : "mode-pending", body);
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, int status, String notice,
            ObjectNode body) throws IOException {
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains("application/json")) {
            json(response, status, body);
        } else {
            // Post/Redirect/Get: a reload of the page does not repeat the action
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", pluginRoot(request) + "?done=" + notice);
        }
    }

    private static void json(HttpServletResponse response, int status, ObjectNode body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(body.toString());
    }

    private static ObjectNode object(String field, String value) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put(field, value);
        return node;
    }

    /** The sentence for a {@code done} code; an unknown code shows nothing (the page never echoes request text). */
    static String notice(String done) {
        return done == null ? null : NOTICES.get(done);
    }

    /** What follows the label in the path: "" for the page, "data.json", "disconnect", "mode". */
    static String action(HttpServletRequest request) {
        String path = request.getPathInfo();
        String prefix = "/" + LABEL;
        if (path == null || !path.startsWith(prefix)) {
            return "";
        }
        String rest = path.substring(prefix.length());
        return rest.startsWith("/") ? rest.substring(1) : rest;
    }

    private static String pluginRoot(HttpServletRequest request) {
        Object root = request.getAttribute("felix.webconsole.pluginRoot");
        return root != null ? root.toString() : request.getContextPath() + request.getServletPath() + "/" + LABEL;
    }
}
