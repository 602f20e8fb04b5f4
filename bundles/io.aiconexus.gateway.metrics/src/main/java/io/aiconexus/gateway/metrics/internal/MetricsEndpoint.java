package io.aiconexus.gateway.metrics.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;

import java.util.function.Supplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.aiconexus.gateway.mailbox.Mailboxes;
import io.aiconexus.gateway.monitoring.GatewayMetrics;
import io.aiconexus.gateway.registry.AgentRegistry;
import io.aiconexus.gateway.transport.HttpEndpoint;
import io.aiconexus.gateway.transport.HttpRequest;
import io.aiconexus.gateway.transport.HttpResponse;
import io.aiconexus.gateway.transport.Transport;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.MetricNameFilter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/**
 * {@code GET /metrics}: the gateway's metrics in the Prometheus text format (version 0.0.4), for
 * Prometheus to scrape on the port agents connect to. {@code ?name[]=NAME} (repeatable) limits the
 * answer to those families, as the Prometheus Java client's own server does.
 */
@Component(configurationPid = MetricsEndpoint.PID, property = HttpEndpoint.PATH + "=" + MetricsEndpoint.DEFAULT_PATH)
@Designate(ocd = MetricsConfig.class)
public class MetricsEndpoint implements HttpEndpoint {
    static final String PID = "io.aiconexus.gateway.metrics";
    static final String DEFAULT_PATH = "/metrics";
    static final String NAME_PARAMETER = "name[]";
    private static final Logger LOG = LoggerFactory.getLogger(MetricsEndpoint.class);

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private volatile Mailboxes mailboxes;

    @Activate
    public MetricsEndpoint(@Reference GatewayMetrics metrics, @Reference AgentRegistry agents, MetricsConfig config,
            BundleContext context) {
        this(metrics, agents, config, () -> lookUp(context));
    }

    MetricsEndpoint(GatewayMetrics metrics, AgentRegistry agents, MetricsConfig config, Supplier<Transport> transport) {
        registry.register(new GatewayCollector(metrics, transport, agents, () -> mailboxes));
        if (config.jvmMetrics()) {
            JvmCollectors.register(registry);
        }
        LOG.info("Prometheus metrics at {} on the gateway's HTTP port", config.ioap_http_path());
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        List<String> names = request.query().getOrDefault(NAME_PARAMETER, List.of());
        Predicate<String> included = names.isEmpty() ? MetricNameFilter.ALLOW_ALL
                : MetricNameFilter.builder().nameMustBeEqualTo(names).build();
        return new HttpResponse(200, writer.getContentType(), write(registry.scrape(included)));
    }

    /**
     * The transport, looked up at scrape time. Not a DS reference: the transport collects HTTP
     * endpoints such as this one, and SCR cannot bind a reference back while that cycle is being
     * activated (the reference then stayed empty and every connection gauge read 0).
     */
    private static Transport lookUp(BundleContext context) {
        try {
            ServiceReference<Transport> reference = context.getServiceReference(Transport.class);
            if (reference == null) {
                return null;
            }
            Transport transport = context.getService(reference);
            context.ungetService(reference);
            return transport;
        } catch (IllegalStateException stopping) {
            return null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindMailboxes(Mailboxes service) {
        mailboxes = service;
    }

    void unbindMailboxes(Mailboxes service) {
        if (mailboxes == service) {
            mailboxes = null;
        }
    }

    private String write(MetricSnapshots snapshots) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
        try {
            writer.write(body, snapshots);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the metrics to memory", e);
        }
        return body.toString(StandardCharsets.UTF_8);
    }
}
