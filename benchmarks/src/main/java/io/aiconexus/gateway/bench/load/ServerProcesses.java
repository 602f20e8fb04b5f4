package io.aiconexus.gateway.bench.load;

import java.util.concurrent.TimeUnit;

/** Stopping the server processes a load run starts (the gateway, nats-server) as an operator would. */
final class ServerProcesses {

    private ServerProcesses() {
    }

    /** SIGTERM; killed when it has not stopped within 20 s. */
    static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
