package io.aiconexus.gateway.plugin.itests.support;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.SynchronousBundleListener;

/**
 * Records every bundle event, and every unregistration of the transport's connection handler
 * (the router), from creation to {@link #close()}: what a hot install must not cause.
 */
public final class BundleEvents implements SynchronousBundleListener, ServiceListener, AutoCloseable {
    private static final String HANDLER = "io.aiconexus.gateway.transport.ConnectionHandler";

    private final BundleContext context;
    private final List<String> events = new ArrayList<>();
    private final List<Long> bundleIds = new ArrayList<>();
    private int handlerUnregistrations;

    public BundleEvents(BundleContext context) throws Exception {
        this.context = context;
        context.addBundleListener(this);
        context.addServiceListener(this, "(objectClass=" + HANDLER + ")");
    }

    @Override
    public synchronized void bundleChanged(BundleEvent event) {
        events.add(event.getBundle().getSymbolicName() + " " + type(event.getType()));
        bundleIds.add(event.getBundle().getBundleId());
    }

    @Override
    public synchronized void serviceChanged(ServiceEvent event) {
        if (event.getType() == ServiceEvent.UNREGISTERING) {
            handlerUnregistrations++;
        }
    }

    /** A mark to read events from. */
    public synchronized int mark() {
        return events.size();
    }

    /** Events since {@code mark} that concern any bundle other than {@code bundleId}, as text. */
    public synchronized List<String> othersSince(int mark, long bundleId) {
        List<String> others = new ArrayList<>();
        for (int i = mark; i < events.size(); i++) {
            if (bundleIds.get(i) != bundleId) {
                others.add(events.get(i));
            }
        }
        return others;
    }

    /** Events since {@code mark}, as text. */
    public synchronized List<String> since(int mark) {
        return new ArrayList<>(events.subList(mark, events.size()));
    }

    public synchronized int handlerUnregistrations() {
        return handlerUnregistrations;
    }

    @Override
    public void close() {
        context.removeBundleListener(this);
        context.removeServiceListener(this);
    }

    private static String type(int type) {
        return switch (type) {
            case BundleEvent.INSTALLED -> "INSTALLED";
            case BundleEvent.STARTED -> "STARTED";
            case BundleEvent.STOPPED -> "STOPPED";
            case BundleEvent.UPDATED -> "UPDATED";
            case BundleEvent.UNINSTALLED -> "UNINSTALLED";
            case BundleEvent.RESOLVED -> "RESOLVED";
            case BundleEvent.UNRESOLVED -> "UNRESOLVED";
            case BundleEvent.STARTING -> "STARTING";
            case BundleEvent.STOPPING -> "STOPPING";
            case BundleEvent.LAZY_ACTIVATION -> "LAZY_ACTIVATION";
            default -> "event " + type;
        };
    }
}
