package io.aiconexus.gateway.bench.jmh;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import io.aiconexus.gateway.bench.CountingConnection;
import io.aiconexus.gateway.bench.Frames;
import io.aiconexus.gateway.bench.Platform;
import io.aiconexus.gateway.bench.RouterRig;
import io.aiconexus.gateway.identity.AgentIdentity;
import io.aiconexus.gateway.transport.ConnectionHandler;

/**
 * (e) and (f): one typical OFFER through the whole frame path of the gateway, from the text the
 * transport hands over to the frame queued on the recipient's connection: parse, sender check,
 * verification (signature, replay window, seen ids), policies, direct delivery, metrics.
 *
 * <p>Every frame has a fresh id and timestamp, as agents send them, so the replay check passes:
 * each invocation routes a batch signed just before it (signing is not measured). The recipient
 * connection only counts; after each iteration the benchmark checks that every frame was delivered
 * and that the sender got no ERROR, so a refusal can never pass for a fast route.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class FramePathBenchmark {
    static final int BATCH = 1024;

    /** The verification mode of the gateway: enforce is (e), off is (f). */
    @Param({ "enforce", "off" })
    public String verification;

    private Platform platform;
    private RouterRig rig;
    private ConnectionHandler router;
    private AgentIdentity sender;
    private AgentIdentity recipient;
    private CountingConnection senderConnection;
    private CountingConnection recipientConnection;
    private String sdp;
    private final String[] batch = new String[BATCH];
    private long routed;

    @Setup(Level.Trial)
    public void setUp() {
        platform = new Platform();
        rig = RouterRig.start(platform, verification);
        router = rig.router();
        sender = platform.identities.generate();
        recipient = platform.identities.generate();
        senderConnection = register(sender, "bench-sender");
        recipientConnection = register(recipient, "bench-recipient");
        if (rig.registry().size() != 2) {
            throw new IllegalStateException("expected 2 registered agents, the registry has " + rig.registry().size());
        }
        sdp = Frames.sdp(Frames.TYPICAL_SDP_BYTES);
    }

    @Setup(Level.Invocation)
    public void signBatch() {
        long cpu = CpuTimeProfiler.threadCpuNanos();
        for (int i = 0; i < BATCH; i++) {
            batch[i] = Frames.offer(platform.codec, platform.signer, sender, recipient.did(), sdp);
        }
        CpuTimeProfiler.exclude(CpuTimeProfiler.threadCpuNanos() - cpu);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long route() {
        for (String frame : batch) {
            router.text(senderConnection, frame);
        }
        routed += BATCH;
        return recipientConnection.sent();
    }

    @TearDown(Level.Iteration)
    public void checkDelivered() {
        if (senderConnection.sent() != 1) {
            throw new IllegalStateException("the sender was answered " + (senderConnection.sent() - 1)
                    + " time(s) after its REGISTER ack, last: " + senderConnection.last());
        }
        if (recipientConnection.sent() != 1 + routed) {
            throw new IllegalStateException("routed " + routed + " frames, the recipient got "
                    + (recipientConnection.sent() - 1));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        rig.close();
    }

    private CountingConnection register(AgentIdentity agent, String connectionId) {
        CountingConnection connection = new CountingConnection(connectionId);
        router.opened(connection);
        router.text(connection, Frames.register(platform.codec, platform.signer, agent));
        String ack = connection.last();
        if (connection.sent() != 1 || ack == null || !ack.contains("\"type\":\"REGISTER\"")) {
            throw new IllegalStateException("registration of " + agent.did() + " was not acknowledged: " + ack);
        }
        return connection;
    }
}
