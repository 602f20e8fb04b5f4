package io.aiconexus.gateway.plugin.auditlog.internal;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.aiconexus.gateway.router.RoutingEvent;
import io.aiconexus.gateway.router.RoutingListener;

/**
 * Appends every routing decision as one JSON line to a size-rotated file. A configuration change
 * restarts the component (no modified method): the old writer drains its queue and closes the file
 * before the new one opens it.
 */
@Component(service = RoutingListener.class, configurationPid = AuditLogListener.PID)
@Designate(ocd = AuditLogConfig.class)
public class AuditLogListener implements RoutingListener {
    static final String PID = "io.aiconexus.gateway.plugin.auditlog";
    /** Framework property naming the gateway's data directory. */
    static final String DATA_PROPERTY = "aiconexus.data";
    private static final Logger LOG = LoggerFactory.getLogger(AuditLogListener.class);

    private final AuditWriter writer;

    @Activate
    public AuditLogListener(BundleContext context, AuditLogConfig config) {
        Path file = file(config.file(), context.getProperty(DATA_PROPERTY));
        RotatingLogFile log = new RotatingLogFile(file, config.maxFileBytes(), config.maxFiles());
        writer = new AuditWriter(log, file.toString(), config.queueCapacity(), Clock.systemUTC());
        writer.start();
        LOG.info("Audit log: routing decisions to {} (rotated at {} bytes, {} rotated files kept)", log.file(),
                config.maxFileBytes(), Math.max(0, config.maxFiles()));
    }

    @Deactivate
    void deactivate() {
        writer.stop(5000);
        LOG.info("Audit log stopped: {} lines written, {} decisions dropped", writer.written(), writer.dropped());
    }

    @Override
    public void routed(RoutingEvent event) {
        writer.offer(event);
    }

    /** The configured file, or audit/routing.log under the data directory (./data when unset). */
    static Path file(String configured, String dataDirectory) {
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured.trim());
        }
        String data = dataDirectory == null || dataDirectory.isBlank() ? "data" : dataDirectory;
        return Paths.get(data, "audit", "routing.log");
    }
}
