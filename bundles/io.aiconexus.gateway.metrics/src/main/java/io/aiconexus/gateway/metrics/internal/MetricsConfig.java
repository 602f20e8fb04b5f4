package io.aiconexus.gateway.metrics.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = MetricsEndpoint.PID, name = "AIConexus Gateway metrics",
        description = "The Prometheus scrape endpoint on the gateway's HTTP port.")
public @interface MetricsConfig {

    @AttributeDefinition(name = "Path",
            description = "Where Prometheus scrapes, on the port agents connect to (service property ioap.http.path).")
    String ioap_http_path() default MetricsEndpoint.DEFAULT_PATH;

    @AttributeDefinition(name = "JVM and process metrics",
            description = "Also serve process_cpu_seconds_total, process_resident_memory_bytes, jvm_memory_used_bytes, "
                    + "garbage collection, threads and class loading.")
    boolean jvmMetrics() default true;
}
