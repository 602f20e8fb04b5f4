/**
 * Mailboxes for agents that dropped without UNREGISTER: their frames wait for them, on disk,
 * for a grace period.
 */
@Export(substitution = Export.Substitution.PROVIDER)
@Version("1.1.0")
package io.aiconexus.gateway.mailbox;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
