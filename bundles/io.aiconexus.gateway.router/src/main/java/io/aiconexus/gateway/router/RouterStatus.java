package io.aiconexus.gateway.router;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** What the router is using right now, in order: for the console, the shell and tests. */
@ProviderType
public interface RouterStatus {

    /** Routing policies in the order they are asked: {@code name (ranking N)}. */
    List<String> policies();

    /** Message handlers in the order they are offered frames: {@code name [target, types] (ranking N)}. */
    List<String> handlers();
}
