package io.aiconexus.gateway.plugin.itests.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.osgi.framework.BundleContext;

/**
 * The plugins under test: their symbolic names, configuration PIDs and service names, and their
 * built jars (copied by the pom to the directory named by the framework property
 * {@value #JARS_PROPERTY}).
 */
public final class Plugins {
    public static final String JARS_PROPERTY = "aiconexus.itest.plugins";

    public static final String RATE_LIMIT = "io.aiconexus.gateway.plugin.ratelimit";
    public static final String ACCESS_CONTROL = "io.aiconexus.gateway.plugin.accesscontrol";
    public static final String AUDIT_LOG = "io.aiconexus.gateway.plugin.auditlog";
    public static final String ECHO_AGENT = "io.aiconexus.gateway.plugin.echoagent";

    /** Service interfaces named as strings: this bundle must not import the router package, or updating the router would refresh (restart) the tests themselves. */
    public static final String ROUTING_POLICY = "io.aiconexus.gateway.router.RoutingPolicy";
    public static final String ROUTING_LISTENER = "io.aiconexus.gateway.router.RoutingListener";
    public static final String POLICY_NAME = "ioap.policy.name";

    private Plugins() {
    }

    /** The built jar of plugin {@code symbolicName}. */
    public static Path jar(BundleContext context, String symbolicName) {
        String dir = context.getProperty(JARS_PROPERTY);
        assertTrue(dir != null, "framework property " + JARS_PROPERTY + " is not set");
        Path jar = Paths.get(dir, symbolicName + ".jar");
        assertTrue(Files.isRegularFile(jar), () -> jar + " is missing: build the plugins first");
        return jar;
    }

    public static final String ROUTER = "io.aiconexus.gateway.router";

    /** Waits until the router has bound the routing policy registered as {@code name} (and matching {@code conditions}). */
    public static void awaitPolicy(BundleContext context, String name, String... conditions) throws Exception {
        Services.awaitUsedBy(context, policy(name, conditions), ROUTER);
    }

    /** Waits until the router has bound a routing listener matching {@code conditions}. */
    public static void awaitListener(BundleContext context, String... conditions) throws Exception {
        Services.awaitUsedBy(context, "(&(objectClass=" + ROUTING_LISTENER + ")" + String.join("", conditions) + ")",
                ROUTER);
    }

    /** A filter for the routing policy registered as {@code name}, with extra conditions if any. */
    public static String policy(String name, String... conditions) {
        return "(&(objectClass=" + ROUTING_POLICY + ")(" + POLICY_NAME + "=" + name + ")" + String.join("", conditions)
                + ")";
    }
}
