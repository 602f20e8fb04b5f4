/**
 * Frame verification: signature checks by mode and the replay window.
 */
@Export(substitution = Export.Substitution.PROVIDER)
@Version("1.0.0")
package io.aiconexus.gateway.verification;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
