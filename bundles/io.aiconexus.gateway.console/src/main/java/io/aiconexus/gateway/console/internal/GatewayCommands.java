package io.aiconexus.gateway.console.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.aiconexus.gateway.protocol.payload.Capability;
import io.aiconexus.gateway.registry.RegisteredAgent;
import io.aiconexus.gateway.verification.VerificationMode;

/**
 * The Gogo commands of scope {@code gateway}: {@code agents}, {@code disconnect <did>},
 * {@code stats}, {@code policies}, {@code handlers}, {@code mode [enforce|audit|off]}. Each returns
 * the text the shell prints.
 */
@Component(service = GatewayCommands.class, property = {
        "osgi.command.scope=gateway",
        "osgi.command.function=agents",
        "osgi.command.function=disconnect",
        "osgi.command.function=stats",
        "osgi.command.function=policies",
        "osgi.command.function=handlers",
        "osgi.command.function=mode" })
public class GatewayCommands {
    private final GatewayOperations operations;

    @Activate
    public GatewayCommands(@Reference(name = "operations") GatewayOperations operations) {
        this.operations = operations;
    }

    @Descriptor("lists the connected agents, oldest connection first")
    public String agents() {
        List<RegisteredAgent> agents = operations.agents();
        TextTable table = new TextTable("DID", "ADDRESS", "SINCE", "LAST ACTIVITY", "IN", "OUT", "CAPABILITIES");
        for (RegisteredAgent agent : agents) {
            table.row(agent.did(), agent.connection().remoteAddress(), GatewayPage.seconds(agent.connectedAt()),
                    GatewayPage.seconds(agent.lastActivity()), agent.framesIn(), agent.framesOut(),
                    agent.capabilities().stream().map(Capability::name).collect(Collectors.joining(",")));
        }
        return (agents.isEmpty() ? "" : table.toString()) + agents.size() + (agents.size() == 1 ? " agent" : " agents")
                + " connected";
    }

    @Descriptor("disconnects an agent (close 1008 'disconnected by operator') and removes it from the registry")
    public String disconnect(@Descriptor("the agent's DID, or a prefix that only it starts with") String did) {
        GatewayOperations.Lookup lookup = operations.find(did);
        if (lookup.agent().isEmpty()) {
            return lookup.matches() > 1 ? lookup.matches() + " agents start with " + did + ": give more of the DID"
                    : "No agent " + did + " is connected";
        }
        String found = lookup.agent().get().did();
        return operations.disconnect(found) ? "Disconnected " + found : "No agent " + found + " is connected";
    }

    @Descriptor("shows the gateway's counters and frame rates")
    public String stats() {
        Optional<Totals> maybeTotals = operations.totals();
        if (maybeTotals.isEmpty()) {
            return "The gateway counters are not running";
        }
        Totals totals = maybeTotals.get();
        StringBuilder text = new StringBuilder();
        text.append("agents connected      ").append(operations.agents().size()).append('\n');
        text.append("frames in             ").append(totals.framesIn()).append("  (")
                .append(GatewayPage.format(totals.framesInPerSecond())).append("/s)  ")
                .append(counters(totals.framesInByType())).append('\n');
        text.append("frames out            ").append(totals.framesOut()).append("  (")
                .append(GatewayPage.format(totals.framesOutPerSecond())).append("/s)  ")
                .append(counters(totals.framesOutByType())).append('\n');
        text.append("registrations         ").append(totals.registrations()).append('\n');
        text.append("routed                ").append(totals.routed()).append("  (mean ")
                .append(GatewayPage.format(totals.meanRoutingMicros())).append(" µs)\n");
        text.append("errors                ").append(totals.errorCount()).append("  ")
                .append(counters(totals.errors())).append('\n');
        text.append("verification failures ").append(totals.verificationFailureCount()).append("  ")
                .append(counters(totals.verificationFailures())).append('\n');
        text.append("verification mode     ").append(modeName(operations.mode())).append('\n');
        text.append("counting since        ").append(GatewayPage.seconds(totals.since()));
        return text.toString();
    }

    @Descriptor("lists the routing policies in the order they are asked")
    public String policies() {
        return numbered(operations.policies(), "No routing policy: every frame goes where it is addressed");
    }

    @Descriptor("lists the message handlers in the order they are offered frames")
    public String handlers() {
        return numbered(operations.handlers(), "No message handler");
    }

    @Descriptor("shows the signature verification mode")
    public String mode() {
        return "Verification mode: " + modeName(operations.mode());
    }

    @Descriptor("sets the signature verification mode (stored in configuration io.aiconexus.gateway.verification)")
    public String mode(@Descriptor("enforce, audit or off") String mode) throws IOException {
        Optional<VerificationMode> wanted = StatusJson.parseMode(mode);
        if (wanted.isEmpty()) {
            return "Unknown mode " + mode + ": use enforce, audit or off";
        }
        Optional<VerificationMode> now = operations.changeMode(wanted.get());
        return now.equals(wanted) ? "Verification mode: " + modeName(now)
                : "Verification mode " + StatusJson.name(wanted.get()) + " stored; the verifier still applies "
                        + modeName(now);
    }

    private static String modeName(Optional<VerificationMode> mode) {
        return mode.map(StatusJson::name).orElse("(verifier not running)");
    }

    private static String numbered(Optional<List<String>> items, String none) {
        if (items.isEmpty()) {
            return "The router is not running";
        }
        if (items.get().isEmpty()) {
            return none;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < items.get().size(); i++) {
            text.append(i + 1).append(". ").append(items.get().get(i)).append('\n');
        }
        return text.toString().stripTrailing();
    }

    private static String counters(Map<String, Long> counters) {
        return counters.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }
}
