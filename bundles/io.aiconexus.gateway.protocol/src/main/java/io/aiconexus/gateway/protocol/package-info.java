/**
 * The IoAP v1 wire contract: envelope, message types, typed payloads, error codes,
 * canonical JSON and the limits applied to hostile input.
 */
@Export(substitution = Export.Substitution.PROVIDER)
@Version("1.0.0")
package io.aiconexus.gateway.protocol;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
