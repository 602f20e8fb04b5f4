/**
 * The agent registry: who is connected, with what key, capabilities and metadata.
 */
@Export(substitution = Export.Substitution.PROVIDER)
@Version("1.0.0")
package io.aiconexus.gateway.registry;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
