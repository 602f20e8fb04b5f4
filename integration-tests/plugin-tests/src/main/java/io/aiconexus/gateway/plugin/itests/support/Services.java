package io.aiconexus.gateway.plugin.itests.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/** Waiting for services that appear at run time (a plugin just installed, a configuration just applied). */
public final class Services {
    public static final Duration WAIT = Duration.ofSeconds(20);

    private Services() {
    }

    /** The service matching {@code filter}, waiting up to {@link #WAIT} for it. */
    public static ServiceReference<?> await(BundleContext context, String filter) throws Exception {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, context.createFilter(filter), null);
        tracker.open(true);
        try {
            if (tracker.waitForService(WAIT.toMillis()) == null) {
                fail("no service " + filter + " within " + WAIT);
            }
            return tracker.getServiceReference();
        } finally {
            tracker.close();
        }
    }

    /**
     * The service matching {@code filter} once the bundle {@code user} has got it: for a routing
     * policy or listener, once the router has bound it (the router gets the service just before it
     * binds it), so that the next frame is routed with it.
     */
    public static ServiceReference<?> awaitUsedBy(BundleContext context, String filter, String user) throws Exception {
        ServiceReference<?> reference = await(context, filter);
        Eventually.await(user + " using " + filter, WAIT, () -> usedBy(reference, user));
        return reference;
    }

    private static boolean usedBy(ServiceReference<?> reference, String user) {
        Bundle[] users = reference.getUsingBundles();
        if (users != null) {
            for (Bundle bundle : users) {
                if (user.equals(bundle.getSymbolicName())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a service matching {@code filter} is registered now. */
    public static boolean present(BundleContext context, String filter) throws InvalidSyntaxException {
        ServiceReference<?>[] references = context.getAllServiceReferences(null, filter);
        return references != null && references.length > 0;
    }
}
