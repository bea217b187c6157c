package com.ticketing.launcher.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** What {@code jcmd} tells about a running JVM: live heap after a full GC, class histogram, flags. */
final class Jcmd {

    /** A heap space line of GC.heap_info: "<space> total 12345K, used 678K" (one for G1, one per generation otherwise). */
    private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");
    /** The flags worth printing above a table: which collector, how large a heap. */
    private static final List<String> INTERESTING_FLAGS = List.of("Use", "HeapSize", "AlwaysPreTouch", "TieredStopAtLevel",
            "MaxRAMPercentage");

    private Jcmd() {
    }

    /** Runs a full GC, then answers the heap in use, in KiB: the live heap. */
    static long liveHeapKiB(long pid) {
        run(pid, "GC.run");
        Matcher matcher = HEAP_USED.matcher(run(pid, "GC.heap_info"));
        long used = 0;
        while (matcher.find()) {
            used += Long.parseLong(matcher.group(1));
        }
        return used;
    }

    /** The header and the {@code top} classes holding the most heap. */
    static String classHistogram(long pid, int top) {
        return run(pid, "GC.class_histogram").lines().limit(top + 3L).collect(Collectors.joining("\n"));
    }

    /** The effective collector and heap flags, e.g. {@code -XX:+UseSerialGC -XX:MaxHeapSize=536870912}. */
    static String effectiveFlags(long pid) {
        return Arrays.stream(run(pid, "VM.flags").split("\\s+"))
                .filter(flag -> flag.startsWith("-XX:"))
                .filter(flag -> INTERESTING_FLAGS.stream().anyMatch(flag::contains))
                .filter(flag -> !flag.contains("UseCompressed") && !flag.contains("UseNUMA") && !flag.contains("CodeHeap"))
                .collect(Collectors.joining(" "));
    }

    private static String run(long pid, String command) {
        try {
            String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            Process process = new ProcessBuilder(jcmd, Long.toString(pid), command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run jcmd", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running jcmd", e);
        }
    }
}
