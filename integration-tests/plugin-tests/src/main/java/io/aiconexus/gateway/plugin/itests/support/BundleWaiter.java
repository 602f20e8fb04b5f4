package io.aiconexus.gateway.plugin.itests.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

/**
 * Waits for a bundle, known by its symbolic name, to go through a sequence of lifecycle events
 * (e.g. UPDATED then STARTED). Register it before acting, so no event is missed.
 */
final class BundleWaiter implements SynchronousBundleListener, AutoCloseable {

    private final BundleContext context;
    private final String symbolicName;
    private final int[] sequence;
    private final CompletableFuture<Bundle> done = new CompletableFuture<>();
    private Bundle bundle;
    private int seen;

    BundleWaiter(BundleContext context, String symbolicName, int... sequence) {
        this.context = context;
        this.symbolicName = symbolicName;
        this.sequence = sequence;
        context.addBundleListener(this);
    }

    @Override
    public synchronized void bundleChanged(BundleEvent event) {
        if (seen < sequence.length && symbolicName.equals(event.getBundle().getSymbolicName())
                && event.getType() == sequence[seen]) {
            bundle = event.getBundle();
            advance();
        }
    }

    private void advance() {
        seen++;
        if (seen == sequence.length) {
            done.complete(bundle);
        }
    }

    Bundle await(Duration timeout) throws Exception {
        try {
            return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            Bundle now = Arrays.stream(context.getBundles())
                    .filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst().orElse(null);
            throw new AssertionError(symbolicName + " did not go through events " + Arrays.toString(sequence)
                    + " within " + timeout + " (saw " + seen + "; bundle now "
                    + (now == null ? "not installed" : "in state " + now.getState()) + ")", e);
        }
    }

    @Override
    public void close() {
        context.removeBundleListener(this);
    }
}
