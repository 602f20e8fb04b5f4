/**
 * Typed views of IoAP v1 payloads, read with
 * {@link io.aiconexus.gateway.protocol.EnvelopeCodec#payload(io.aiconexus.gateway.protocol.Envelope, Class)}.
 *
 * <p>Conventions shared by every record here:
 * <ul>
 * <li>An optional field that is absent or JSON {@code null} reads as {@code null} (lists: empty,
 * booleans: {@code false}).</li>
 * <li>Integer fields accept any number with an integral value ({@code 5000}, {@code 5000.0},
 * {@code 5e3}).</li>
 * <li>JSON values ({@code ObjectNode}, {@code JsonNode}) are the nodes of the envelope's tree, not
 * copies: do not modify them. A {@code JsonNode} field that is JSON {@code null} on the wire is a
 * {@code NullNode}, so a result of {@code null} can be told from no result.</li>
 * <li>Unknown fields are allowed and stay in {@link io.aiconexus.gateway.protocol.Envelope#payload()}.</li>
 * </ul>
 */
@Export(substitution = Export.Substitution.PROVIDER)
@Version("1.0.0")
package io.aiconexus.gateway.protocol.payload;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
