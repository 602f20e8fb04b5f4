package io.aiconexus.gateway.plugin.auditlog.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = AuditLogListener.PID, name = "AIConexus Gateway audit log",
        description = "Every routing decision (delivered or refused) appended as one JSON line to a file rotated by size.")
@interface AuditLogConfig {

    @AttributeDefinition(name = "File",
            description = "The live log file. Empty: audit/routing.log in the gateway's data directory "
                    + "(framework property aiconexus.data). Rotated files get .1 (newest) to .N beside it.")
    String file() default "";

    @AttributeDefinition(name = "Rotate at (bytes)",
            description = "When the next line would take the live file over this size, it is renamed to .1 "
                    + "(older ones shift up) and a new one is started.")
    long maxFileBytes() default 10485760L;

    @AttributeDefinition(name = "Rotated files kept",
            description = "How many rotated files (.1 to .N) are kept besides the live file; older ones are deleted. "
                    + "0 keeps none: the live file is simply restarted.")
    int maxFiles() default 5;

    @AttributeDefinition(name = "Queue capacity (lines)",
            description = "Routing decisions waiting for the writer thread. When full, further decisions are not "
                    + "written (the frame path never waits for the disk): they are counted, logged, and a line "
                    + "{\"time\":…,\"dropped\":N} in the file says how many are missing.")
    int queueCapacity() default 10000;
}
