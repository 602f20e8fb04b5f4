package io.aiconexus.gateway.bench.jmh;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.aiconexus.gateway.bench.Frames;
import io.aiconexus.gateway.bench.Platform;
import io.aiconexus.gateway.identity.AgentIdentity;
import io.aiconexus.gateway.protocol.Envelope;
import io.aiconexus.gateway.protocol.ProtocolException;

/** (d) Parsing a typical OFFER frame: limits, envelope schema and OFFER payload schema. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
public class CodecBenchmark {
    private Platform platform;
    private String text;

    @Setup
    public void setUp() {
        platform = new Platform();
        AgentIdentity from = platform.identities.generate();
        AgentIdentity to = platform.identities.generate();
        text = Frames.offer(platform.codec, platform.signer, from, to.did(), Frames.sdp(Frames.TYPICAL_SDP_BYTES));
    }

    @Benchmark
    public Envelope parse() throws ProtocolException {
        return platform.codec.parse(text);
    }
}
