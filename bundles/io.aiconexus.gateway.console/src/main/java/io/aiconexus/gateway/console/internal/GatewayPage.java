package io.aiconexus.gateway.console.internal;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.aiconexus.gateway.protocol.payload.Capability;
import io.aiconexus.gateway.discovery.AgentStats;
import io.aiconexus.gateway.registry.RegisteredAgent;
import io.aiconexus.gateway.verification.VerificationMode;

/**
 * The HTML of the gateway page, rendered complete on the server (it works without JavaScript);
 * {@code res/gateway.js} then refreshes it from {@code data.json}. Element ids are part of the
 * page's contract with that script and with the browser test.
 */
final class GatewayPage {

    private GatewayPage() {
    }

    static void render(PrintWriter out, GatewayOperations operations, String root, String notice) {
        out.println("<div id='gateway-console' data-root='" + Html.attribute(root) + "'>");
        if (notice != null) {
            out.println("<p class='statline ui-state-highlight' id='gateway-notice'>" + Html.text(notice) + "</p>");
        }
        summary(out, operations);
        totals(out, operations.totals());
        mode(out, operations.mode(), root);
        agents(out, operations.agents(), root, operations);
        ordered(out, "Routing policies, in the order they are asked", "gateway-policies", operations.policies(),
                "none: every frame goes where it is addressed");
        ordered(out, "Message handlers, in the order they are offered frames", "gateway-handlers",
                operations.handlers(), "none");
        out.println("<p>The same data for scripts: <a href='" + Html.attribute(root) + "/data.json'>data.json</a>"
                + " (refreshed here every 2 s).</p>");
        out.println("</div>");
        out.println("<script src='" + Html.attribute(root) + "/res/gateway.js'></script>");
    }

    private static void summary(PrintWriter out, GatewayOperations operations) {
        out.println("<table class='nicetable' id='gateway-summary'><tbody>");
        row(out, "Gateway DID", "gateway-did", operations.gatewayDid().orElse("identity not available"));
        row(out, "Agents connect at", "gateway-address", operations.agentAddress().orElse("transport not running"));
        out.println("</tbody></table>");
    }

    private static void totals(PrintWriter out, Optional<Totals> maybeTotals) {
        out.println("<h2 class='ui-widget-header'>Totals</h2>");
        if (maybeTotals.isEmpty()) {
            out.println("<p id='gateway-totals-missing'>The gateway counters are not running.</p>");
            return;
        }
        Totals totals = maybeTotals.get();
        out.println("<table class='nicetable' id='gateway-totals'><tbody>");
        row(out, "Frames in", "total-frames-in", totals.framesIn());
        row(out, "Frames in per second", "rate-frames-in", format(totals.framesInPerSecond()));
        row(out, "Frames out", "total-frames-out", totals.framesOut());
        row(out, "Frames out per second", "rate-frames-out", format(totals.framesOutPerSecond()));
        row(out, "Registrations", "total-registrations", totals.registrations());
        row(out, "Frames routed agent to agent", "total-routed", totals.routed());
        row(out, "Mean routing time (µs)", "mean-routing-micros", format(totals.meanRoutingMicros()));
        row(out, "Errors sent", "total-errors", totals.errorCount());
        row(out, "Verification failures", "total-verification-failures", totals.verificationFailureCount());
        row(out, "Counting since", "totals-since", seconds(totals.since()));
        out.println("</tbody></table>");
        counters(out, "Errors by code", "errors-by-code", totals.errors(), "no error sent");
        counters(out, "Verification failures by reason", "verification-failures", totals.verificationFailures(),
                "no verification failure");
    }

    private static void counters(PrintWriter out, String title, String id, Map<String, Long> counters, String none) {
        out.println("<table class='nicetable' id='" + id + "'><thead><tr><th>" + Html.text(title)
                + "</th><th>Count</th></tr></thead><tbody>");
        if (counters.isEmpty()) {
            out.println("<tr class='none'><td colspan='2'>" + Html.text(none) + "</td></tr>");
        }
        counters.forEach((key, count) -> out.println(
                "<tr data-key='" + Html.attribute(key) + "'><td>" + Html.text(key) + "</td><td>" + count + "</td></tr>"));
        out.println("</tbody></table>");
    }

    private static void mode(PrintWriter out, Optional<VerificationMode> mode, String root) {
        out.println("<h2 class='ui-widget-header'>Signature verification</h2>");
        out.println("<form method='post' action='" + Html.attribute(root) + "/mode' id='mode-form'>");
        out.println("<p>Mode now: <strong id='verification-mode'>"
                + Html.text(mode.map(StatusJson::name).orElse("verifier not running")) + "</strong>. ");
        out.println("<label for='mode-select'>Change to</label> <select name='mode' id='mode-select'>");
        for (VerificationMode option : VerificationMode.values()) {
            String name = StatusJson.name(option);
            boolean selected = mode.filter(option::equals).isPresent();
            out.println("<option value='" + name + "'" + (selected ? " selected" : "") + ">" + name + "</option>");
        }
        out.println("</select> <button type='submit' id='mode-apply'>Apply</button></p>");
        out.println("<p class='statline'>enforce: bad signatures, stale and replayed frames are refused; audit: "
                + "they are counted and logged, and passed on; off: nothing is checked. Stored in configuration "
                + Html.text(GatewayOperations.VERIFICATION_PID) + ".</p>");
        out.println("</form>");
    }

    static String requests(AgentStats stats) {
        return stats.requests() + " (" + stats.successes() + " / " + stats.failures() + " / " + stats.timeouts() + ")";
    }

    private static void agents(PrintWriter out, List<RegisteredAgent> agents, String root, GatewayOperations operations) {
        out.println("<h2 class='ui-widget-header'>Connected agents: <span id='agent-count'>" + agents.size()
                + "</span></h2>");
        out.println("<table class='nicetable' id='gateway-agents'><thead><tr><th>DID</th><th>Address</th>"
                + "<th>Since</th><th>Last activity</th><th>Capabilities</th><th>Frames in</th><th>Frames out</th>"
                + "<th>Requests (ok / failed / timed out)</th><th></th></tr></thead><tbody>");
        if (agents.isEmpty()) {
            out.println("<tr class='none'><td colspan='9'>No agent is connected.</td></tr>");
        }
        for (RegisteredAgent agent : agents) {
            String capabilities = agent.capabilities().stream().map(Capability::name).collect(Collectors.joining(", "));
            out.println("<tr data-did='" + Html.attribute(agent.did()) + "'>"
                    + "<td class='did'>" + Html.text(agent.did()) + "</td>"
                    + "<td class='address'>" + Html.text(agent.connection().remoteAddress()) + "</td>"
                    + "<td class='since'>" + seconds(agent.connectedAt()) + "</td>"
                    + "<td class='last-activity'>" + seconds(agent.lastActivity()) + "</td>"
                    + "<td class='capabilities'>" + Html.text(capabilities) + "</td>"
                    + "<td class='frames-in'>" + agent.framesIn() + "</td>"
                    + "<td class='frames-out'>" + agent.framesOut() + "</td>"
                    + "<td class='requests'>" + requests(operations.stats(agent.did())) + "</td>"
                    + "<td><form method='post' action='" + Html.attribute(root) + "/disconnect'>"
                    + "<input type='hidden' name='did' value='" + Html.attribute(agent.did()) + "'>"
                    + "<button type='submit' class='disconnect'>Disconnect</button></form></td></tr>");
        }
        out.println("</tbody></table>");
    }

    private static void ordered(PrintWriter out, String title, String id, Optional<List<String>> items, String none) {
        out.println("<h2 class='ui-widget-header'>" + Html.text(title) + "</h2>");
        if (items.isEmpty()) {
            out.println("<p id='" + id + "-missing'>The router is not running.</p>");
            return;
        }
        out.println("<ol id='" + id + "'>");
        if (items.get().isEmpty()) {
            out.println("<li class='none'>" + Html.text(none) + "</li>");
        }
        items.get().forEach(item -> out.println("<li>" + Html.text(item) + "</li>"));
        out.println("</ol>");
    }

    private static void row(PrintWriter out, String label, String id, Object value) {
        out.println("<tr><th>" + Html.text(label) + "</th><td id='" + id + "'>" + Html.text(value) + "</td></tr>");
    }

    static String seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
