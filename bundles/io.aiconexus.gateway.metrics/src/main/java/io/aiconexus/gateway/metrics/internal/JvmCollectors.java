package io.aiconexus.gateway.metrics.internal;

import io.prometheus.metrics.instrumentation.jvm.JvmBufferPoolMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmClassLoadingMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmCompilationMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmGarbageCollectorMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmMemoryMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmRuntimeInfoMetric;
import io.prometheus.metrics.instrumentation.jvm.JvmThreadsMetrics;
import io.prometheus.metrics.instrumentation.jvm.ProcessMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The Prometheus Java client's JVM and process collectors: process_cpu_seconds_total,
 * process_resident_memory_bytes, jvm_memory_used_bytes and the rest of the standard names.
 *
 * <p>Not JvmMetrics.register(), which adds JvmMemoryPoolAllocationMetrics: that one registers a GC
 * notification listener on the platform MXBeans and never removes it, so every update of this bundle
 * would leave its old class loader alive and still counting. All those below read the MXBeans and
 * /proc at scrape time only, and are gone with the registry.
 */
final class JvmCollectors {

    private JvmCollectors() {
    }

    static void register(PrometheusRegistry registry) {
        ProcessMetrics.builder().register(registry);
        JvmMemoryMetrics.builder().register(registry);
        JvmBufferPoolMetrics.builder().register(registry);
        JvmGarbageCollectorMetrics.builder().register(registry);
        JvmThreadsMetrics.builder().register(registry);
        JvmClassLoadingMetrics.builder().register(registry);
        JvmCompilationMetrics.builder().register(registry);
        JvmRuntimeInfoMetric.builder().register(registry);
    }
}
