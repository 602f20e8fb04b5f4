package io.aiconexus.gateway.transport.internal;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGTERM and Ctrl-C stop the framework before the JVM exits. The launcher of the executable
 * jar installs no such hook, and without one the JVM dies with every socket open: agents see
 * 1006 instead of the 1001 of a gateway shutting down, and nothing is handed to mailboxes.
 */
@Component(immediate = true, service = {})
public class StopFrameworkOnSignal {
    private static final Logger LOG = LoggerFactory.getLogger(StopFrameworkOnSignal.class);
    private static final long STOP_TIMEOUT_MILLIS = 20_000;

    private final Thread hook;

    @Activate
    public StopFrameworkOnSignal(BundleContext context) {
        hook = new Thread(() -> stop(context), "aiconexus-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Deactivate
    void deactivate() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // we are being stopped by the hook itself
        }
    }

    private static void stop(BundleContext context) {
        try {
            Framework framework = (Framework) context.getBundle(0);
            LOG.info("Signal received: stopping the gateway");
            framework.stop();
            framework.waitForStop(STOP_TIMEOUT_MILLIS);
        } catch (BundleException | IllegalStateException e) {
            LOG.warn("Could not stop the framework cleanly: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
