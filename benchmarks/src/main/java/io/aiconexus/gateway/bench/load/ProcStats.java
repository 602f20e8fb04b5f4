package io.aiconexus.gateway.bench.load;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What Linux and the JVM tell about a process: CPU time, resident memory, heap in use after a full GC. */
final class ProcStats {
    private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");
    private static final long CLOCK_TICKS_PER_SECOND = clockTicks();

    private ProcStats() {
    }

    /** User + system CPU time of {@code pid} in microseconds (/proc/PID/stat utime + stime). */
    static long cpuMicros(long pid) {
        long[] split = cpuSplitMicros(Path.of("/proc", Long.toString(pid), "stat"));
        return split[0] + split[1];
    }

    /** User and system CPU time of {@code pid} in microseconds. */
    static long[] cpuSplitMicros(long pid) {
        return cpuSplitMicros(Path.of("/proc", Long.toString(pid), "stat"));
    }

    /**
     * User and system CPU in microseconds of each live thread of {@code pid}, by thread id, with the
     * thread's name (as the kernel keeps it: 15 characters) in {@code names}.
     */
    static Map<Long, long[]> threadCpuMicros(long pid, Map<Long, String> names) {
        Map<Long, long[]> threads = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    long tid = Long.parseLong(task.getFileName().toString());
                    names.put(tid, stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
                    threads.put(tid, cpuSplitMicros(stat));
                } catch (IOException | RuntimeException exited) {
                    // the thread ended while the directory was read
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the threads of " + pid, e);
        }
        return threads;
    }

    private static long[] cpuSplitMicros(Path stat) {
        return cpuSplitMicros(read(stat));
    }

    private static long[] cpuSplitMicros(String stat) {
        // the command name may hold spaces and parentheses: fields are counted after its closing parenthesis
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[] { Long.parseLong(fields[11]) * 1_000_000L / CLOCK_TICKS_PER_SECOND,
                Long.parseLong(fields[12]) * 1_000_000L / CLOCK_TICKS_PER_SECOND };
    }

    /** Resident set size of {@code pid} in KiB (VmRSS of /proc/PID/status). */
    static long rssKib(long pid) {
        for (String line : read(Path.of("/proc", Long.toString(pid), "status")).split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for process " + pid);
    }

    /** Threads of {@code pid}. */
    static int threads(long pid) {
        for (String line : read(Path.of("/proc", Long.toString(pid), "status")).split("\n")) {
            if (line.startsWith("Threads:")) {
                return Integer.parseInt(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** Runs a full GC in {@code pid} (jcmd GC.run) and returns the heap then in use, in KiB; -1 without jcmd. */
    static long heapUsedAfterGcKib(long pid) {
        if (jcmd(pid, "GC.run") == null) {
            return -1;
        }
        String info = jcmd(pid, "GC.heap_info");
        if (info == null) {
            return -1;
        }
        Matcher used = HEAP_USED.matcher(info);
        return used.find() ? Long.parseLong(used.group(1)) : -1;
    }

    /** The three load averages. */
    static String loadAverage() {
        String[] fields = read(Path.of("/proc/loadavg")).split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    /**
     * The kernel's CPU pressure line ({@code /proc/pressure/cpu}, "some"): the share of time some task
     * waited for a core, over 10, 60 and 300 s. Says how busy a shared machine was; null where absent.
     */
    static String cpuPressure() {
        try {
            String some = Files.readAllLines(Path.of("/proc/pressure/cpu")).get(0);
            return some.replaceAll(" total=\\d+", "");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String jcmd(long pid, String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return null;
        }
        List<String> cmd = new ArrayList<>(List.of(jcmd.toString(), Long.toString(pid), command));
        try {
            Process process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static long clockTicks() {
        try {
            Process process = new ProcessBuilder("getconf", "CLK_TCK").start();
            String out = new String(process.getInputStream().readAllBytes()).trim();
            process.waitFor(10, TimeUnit.SECONDS);
            return Long.parseLong(out);
        } catch (IOException | NumberFormatException e) {
            return 100; // the value on every Linux this runs on
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": is the process still running?", e);
        }
    }
}
