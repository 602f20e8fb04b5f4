package io.aiconexus.gateway.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises the CPU samples of a JFR recording ({@code jdk.ExecutionSample}): the methods on top of
 * the stack (self time), the libraries they belong to (a JDK method counts for the library that called it,
 * so Jetty's {@code HashMap} lookups are Jetty's), the methods anywhere on the stack (total time), and the
 * threads. Only threads running
 * Java code are sampled: time in the kernel shows in the load generator's per-thread /proc figures
 * instead. Usage: {@code JfrTop recording.jfr [rows]}.
 */
public final class JfrTop {

    private JfrTop() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: JfrTop <recording.jfr> [rows]");
            System.exit(2);
        }
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> libraries = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = stack.getFrames();
            self.merge(name(frames.get(0)), 1, Integer::sum);
            libraries.merge(library(frames.stream().map(f -> f.getMethod().getType().getName()).toList()), 1,
                    Integer::sum);
            frames.stream().map(JfrTop::name).distinct().forEach(m -> total.merge(m, 1, Integer::sum));
            threads.merge(threadName(event.getThread("sampledThread")), 1, Integer::sum);
        }
        System.out.printf("%,d execution samples%n", samples);
        print("self (top of stack)", self, samples, rows);
        print("self by library", libraries, samples, rows);
        print("total (anywhere on the stack)", total, samples, rows);
        print("threads", threads, samples, rows);
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int rows) {
        System.out.println("\n" + title + ":");
        counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(rows)
                .forEach(e -> System.out.printf("  %5.1f%%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
    }

    /**
     * The first two package names of the innermost frame outside the JDK (org.bouncycastle, org.eclipse, …).
     *
     * @param types the class of each frame, innermost first
     */
    static String library(List<String> types) {
        for (String type : types) {
            if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")
                    && !type.startsWith("com.sun.")) {
                String[] parts = type.split("\\.");
                return parts.length > 2 ? parts[0] + "." + parts[1] : type;
            }
        }
        return "the JDK alone";
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    /** Pool threads by pool: digits are dropped so that transport-17 and transport-42 count together. */
    private static String threadName(RecordedThread thread) {
        return thread == null ? "?" : String.valueOf(thread.getJavaName()).replaceAll("\\d+", "N");
    }
}
