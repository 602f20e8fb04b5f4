/**
 * Finding agents by what they can do, choosing one for a capability, and what the gateway
 * learned about each from the requests it routed.
 */
@Export(substitution = Export.Substitution.PROVIDER)
@Version("1.0.0")
package io.aiconexus.gateway.discovery;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
