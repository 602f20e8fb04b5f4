package io.aiconexus.gateway.monitoring.internal;

import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.aiconexus.gateway.identity.AgentIdentity;
import io.aiconexus.gateway.transport.Transport;

/** Prints the banner the prototype's users know, once the transport listens, with the gateway's DID. */
@Component(immediate = true, service = {})
public class StartupBanner {
    private static final String RULE = "=".repeat(70);
    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Activate
    public StartupBanner(@Reference Transport transport,
            @Reference(target = AgentIdentity.GATEWAY_TARGET) AgentIdentity gateway) {
        print(System.out, transport, gateway);
    }

    static void print(PrintStream out, Transport transport, AgentIdentity gateway) {
        String title = "Gateway Server - Listen Mode";
        int pad = (RULE.length() - title.length()) / 2;
        StringBuilder text = new StringBuilder();
        text.append(RULE).append('\n');
        text.append(" ".repeat(pad)).append(title).append('\n');
        text.append(RULE).append("\n\n");
        text.append("  Server Address: ").append(transport.address()).append('\n');
        text.append("  Protocol: IoAP v1 (ioap.v1)\n");
        text.append("  Gateway DID: ").append(gateway.did()).append('\n');
        text.append("  Health: ").append(transport.httpAddress()).append("/health\n");
        text.append("  Started at: ").append(LocalDateTime.now().format(STARTED)).append("\n\n");
        text.append("  Waiting for client connections...\n");
        text.append(RULE).append('\n');
        out.print(text);
        out.flush();
    }
}
