/**
 * The transport seen by the rest of the gateway: connections, the handler that receives their frames, and HTTP endpoints.
 */
@Export(substitution = Export.Substitution.PROVIDER)
@Version("1.0.0")
package io.aiconexus.gateway.transport;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
