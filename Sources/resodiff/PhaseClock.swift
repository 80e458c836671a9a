#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wall-clock times of a comparison's phases, printed on stderr at exit when
/// `RESODIFF_TIMINGS` is set (for Benchmarks/; nothing is printed otherwise).
///
/// `RESODIFF_TIMINGS=1 resodiff old.txt new.txt` prints one line, such as
/// `resodiff: timings: read and parse 28.1 ms (cpu 51.1, peak 35 MiB), align …`,
/// each phase with the processor time of all threads in it (against the wall
/// time, how well it used the cores) and the process's peak resident memory at its end.
struct PhaseClock {
    /// Whether the phases are printed.
    let enabled = getenv("RESODIFF_TIMINGS") != nil
    private var last = PhaseClock.now()
    private var phases: [(name: String, milliseconds: Double, peakMiB: Int, cpu: Double)] = []
    private var lastCPU = PhaseClock.cpu()

    /// Ends the phase called `name`, which began at the end of the previous one.
    mutating func lap(_ name: String) {
        guard enabled else { return }
        let now = Self.now()
        let cpu = Self.cpu()
        phases.append((name, now - last, Self.peakMiB(), cpu - lastCPU))
        last = now
        lastCPU = cpu
    }

    /// Prints the phases on stderr, if enabled.
    func report() {
        guard enabled else { return }
        let figures = phases.map { "\($0.name) \(Self.format($0.milliseconds)) ms (cpu \(Self.format($0.cpu)), peak \($0.peakMiB) MiB)" }
        Console.error(figures.joined(separator: ", "), prefix: "timings")
    }

    /// The process's peak resident memory so far, in MiB: on a virtual machine,
    /// memory touched for the first time is a large part of a run's cost.
    private static func peakMiB() -> Int {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss / 1024  // KiB on Linux
        #else
        getrusage(RUSAGE_SELF, &usage)
        return usage.ru_maxrss / (1024 * 1024)  // bytes on Darwin
        #endif
    }

    private static func cpu() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000
    }

    private static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) * 1000 + Double(t.tv_nsec) / 1_000_000
    }

    /// One decimal, without Foundation's formatting.
    private static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
