package io.aiconexus.gateway.fault.itests.support;

import io.aiconexus.gateway.testsupport.GatewayTestBase;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.Callable;

import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import io.aiconexus.gateway.mailbox.Mailboxes;
import io.aiconexus.gateway.transport.Transport;

/**
 * The gateway as {@link GatewayTestBase} sees it, plus what fault tests wait for: a configuration
 * change reaching a component, and states that no frame announces (an agent gone, a mailbox open).
 */
public abstract class FaultTestBase extends GatewayTestBase {
    /** The transport's configuration PID; tests set it whole, so each keeps {@code port=0}. */
    public static final String TRANSPORT_PID = "io.aiconexus.gateway.transport";

    @InjectBundleContext
    protected BundleContext context;

    @InjectService(timeout = 15000)
    protected Mailboxes mailboxes;

    /**
     * Configuration reaches a component asynchronously: waits until a {@code type} service carries
     * {@code filter} in its properties (DS publishes the configuration there).
     */
    protected void awaitService(Class<?> type, String filter) throws Exception {
        eventually("a " + type.getSimpleName() + " service matching " + filter,
                () -> !context.getServiceReferences(type, filter).isEmpty());
    }

    protected void awaitTransport(String filter) throws Exception {
        awaitService(Transport.class, "(&(port=0)" + filter + ")");
    }

    /** For states no event announces: checks until true, failing after 15 s. */
    protected static void eventually(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                fail("not within 15 s: " + what);
            }
            Thread.sleep(20);
        }
        assertTrue(condition.call(), what);
    }
}
