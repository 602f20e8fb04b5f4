/**
 * Agent identities: did:key Ed25519 DIDs, key pairs, and signing and verifying IoAP envelopes.
 */
@Export(substitution = Export.Substitution.PROVIDER)
@Version("1.0.0")
package io.aiconexus.gateway.identity;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
