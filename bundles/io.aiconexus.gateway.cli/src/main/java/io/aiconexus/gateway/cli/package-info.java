/**
 * The {@code ioap} command line: {@link io.aiconexus.gateway.cli.Ioap#main} for the shell,
 * {@link io.aiconexus.gateway.cli.Ioap#run} to run a command in-process (tests, tools).
 */
@Export(substitution = Export.Substitution.PROVIDER)
@Version("1.0.0")
package io.aiconexus.gateway.cli;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
