/**
 * Gateway counters read by the health, agents and metrics endpoints and the console.
 */
@Export(substitution = Export.Substitution.PROVIDER)
@Version("1.1.0")
package io.aiconexus.gateway.monitoring;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
