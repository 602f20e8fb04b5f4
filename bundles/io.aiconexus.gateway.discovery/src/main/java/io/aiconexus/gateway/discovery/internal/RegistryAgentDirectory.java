package io.aiconexus.gateway.discovery.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.aiconexus.gateway.discovery.AgentDirectory;
import io.aiconexus.gateway.discovery.AgentPage;
import io.aiconexus.gateway.discovery.AgentQuery;
import io.aiconexus.gateway.protocol.payload.Capability;
import io.aiconexus.gateway.registry.AgentRegistry;
import io.aiconexus.gateway.registry.RegisteredAgent;

/** The directory over the live registry: filter, order by DID, cut a page after the cursor's DID. */
@Component
public class RegistryAgentDirectory implements AgentDirectory {
    private static final Comparator<RegisteredAgent> BY_DID = Comparator.comparing(RegisteredAgent::did);

    private final AgentRegistry registry;

    @Activate
    public RegistryAgentDirectory(@Reference AgentRegistry registry) {
        this.registry = registry;
    }

    @Override
    public AgentPage find(AgentQuery query) {
        String after = query.cursor() == null || query.cursor().isEmpty() ? null : decode(query.cursor());
        List<RegisteredAgent> matches = new ArrayList<>();
        for (RegisteredAgent agent : registry.agents()) {
            if (matches(agent, query) && (after == null || agent.did().compareTo(after) > 0)) {
                matches.add(agent);
            }
        }
        matches.sort(BY_DID);
        if (query.limit() <= 0 || matches.size() <= query.limit()) {
            return new AgentPage(List.copyOf(matches), null);
        }
        List<RegisteredAgent> page = List.copyOf(matches.subList(0, query.limit()));
        return new AgentPage(page, encode(page.get(page.size() - 1).did()));
    }

    private static boolean matches(RegisteredAgent agent, AgentQuery query) {
        for (Capability capability : agent.capabilities()) {
            boolean named = query.capability() == null || query.capability().isEmpty()
                    || (query.prefix() ? capability.name().startsWith(query.capability())
                            : capability.name().equals(query.capability()));
            boolean tagged = query.tag() == null || query.tag().isEmpty() || capability.tags().contains(query.tag());
            if (named && tagged) {
                return true;
            }
        }
        // with no filter at all, agents that advertise nothing are listed too
        return (query.capability() == null || query.capability().isEmpty()) && (query.tag() == null || query.tag().isEmpty());
    }

    private static String encode(String did) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(did.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor '" + cursor + "' was not made by this gateway", e);
        }
    }
}
