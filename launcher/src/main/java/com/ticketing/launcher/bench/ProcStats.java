package com.ticketing.launcher.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CPU time and resident memory of a process, read from Linux's {@code /proc/<pid>}. */
final class ProcStats {

    private static final Pattern VM_RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");
    /** Clock ticks per second, the unit of utime and stime ({@code getconf CLK_TCK}). */
    static final long CLOCK_TICKS = clockTicksPerSecond();

    private ProcStats() {
    }

    /** utime + stime of every thread of the process so far, in clock ticks. */
    static long cpuTicks(long pid) {
        String[] fields = statFields(pid);
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // fields 14 and 15 of proc(5)
    }

    /**
     * stime alone: the CPU the kernel spent on the process's system calls (for a server, mostly the TCP
     * sends, and on loopback also the receiving side's TCP work, which runs in the sender's context).
     */
    static long kernelTicks(long pid) {
        return Long.parseLong(statFields(pid)[12]);
    }

    /** The fields of {@code /proc/<pid>/stat} after the command name, so index 0 is field 3 of proc(5). */
    private static String[] statFields(long pid) {
        String stat = read(pid, "stat");
        // "pid (comm) state ppid ...": comm may hold spaces, so count the fields after its ')'.
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    /**
     * utime + stime of a process and of its children alive now, in clock ticks: for PostgreSQL's postmaster,
     * every backend and background worker (a child that exited between two readings is not counted).
     */
    static long treeCpuTicks(long pid) {
        return cpuTicks(pid) + ProcessHandle.of(pid).stream().flatMap(ProcessHandle::children)
                .mapToLong(child -> {
                    try {
                        return cpuTicks(child.pid());
                    } catch (UncheckedIOException exited) {
                        return 0;
                    }
                }).sum();
    }

    /** Milliseconds of CPU in a number of clock ticks. */
    static double cpuMillis(long ticks) {
        return ticks * 1000.0 / CLOCK_TICKS;
    }

    /** VmRSS in KiB. */
    static long rssKiB(long pid) {
        Matcher matcher = VM_RSS.matcher(read(pid, "status"));
        if (!matcher.find()) {
            throw new IllegalStateException("no VmRSS for process " + pid);
        }
        return Long.parseLong(matcher.group(1));
    }

    private static String read(long pid, String file) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), file), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/" + pid + "/" + file + " (has the process exited?)", e);
        }
    }

    private static long clockTicksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String answer = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            getconf.waitFor();
            return Long.parseLong(answer);
        } catch (IOException | NumberFormatException e) {
            return 100; // the value on every Linux this runs on
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
