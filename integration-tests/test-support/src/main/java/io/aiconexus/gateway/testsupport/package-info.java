/**
 * What the in-framework suites share: a plain JDK WebSocket client, a test agent that signs and
 * sends frames over it, the gateway's services as a base class, many agents at once, and the
 * runtime jar as a separate process.
 */
@Export
@Version("1.1.0")
package io.aiconexus.gateway.testsupport;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
