/**
 * Routing extension points: routing policies and message handlers, collected as whiteboard services.
 */
@Export(substitution = Export.Substitution.PROVIDER)
@Version("1.0.0")
package io.aiconexus.gateway.router;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
