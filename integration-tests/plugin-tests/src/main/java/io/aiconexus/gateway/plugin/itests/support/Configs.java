package io.aiconexus.gateway.plugin.itests.support;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.UUID;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Configurations set by the tests through Config Admin. Each update carries a fresh
 * {@value #GENERATION} property: Declarative Services copies configuration properties onto the
 * component's service, so a test waits for the service with that value to know the update is
 * applied (see {@link #generation(String)}).
 */
public final class Configs {
    public static final String GENERATION = "itest.generation";

    private Configs() {
    }

    /** Replaces the configuration of {@code pid}; returns the generation to wait for. */
    public static String set(ConfigurationAdmin configAdmin, String pid, Map<String, Object> properties)
            throws Exception {
        String generation = UUID.randomUUID().toString();
        Dictionary<String, Object> dictionary = new Hashtable<>(properties);
        dictionary.put(GENERATION, generation);
        Configuration configuration = configAdmin.getConfiguration(pid, "?");
        configuration.update(dictionary);
        return generation;
    }

    /** Deletes the configuration of {@code pid}, if any. */
    public static void delete(ConfigurationAdmin configAdmin, String pid) throws Exception {
        Configuration[] existing = configAdmin.listConfigurations("(service.pid=" + pid + ")");
        if (existing != null) {
            for (Configuration configuration : existing) {
                configuration.delete();
            }
        }
    }

    /** A filter condition: the service carries the configuration of generation {@code generation}. */
    public static String generation(String generation) {
        return "(" + GENERATION + "=" + generation + ")";
    }
}
