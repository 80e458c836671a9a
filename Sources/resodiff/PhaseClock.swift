#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wall-clock times of a comparison's phases, printed on stderr at exit when
/// `RESODIFF_TIMINGS` is set (for Benchmarks/; nothing is printed otherwise).
///
/// `RESODIFF_TIMINGS=1 resodiff old.txt new.txt` prints one line, such as
/// `resodiff: timings: read 4.1 ms (peak 18 MiB), parse 49.8 ms (peak 40 MiB), …`,
/// each phase with the process's peak resident memory at its end.
struct PhaseClock {
    /// Whether the phases are printed.
    let enabled = getenv("RESODIFF_TIMINGS") != nil
    private var last = PhaseClock.now()
    private var phases: [(name: String, milliseconds: Double, peakMiB: Int)] = []

    /// Ends the phase called `name`, which began at the end of the previous one.
    mutating func lap(_ name: String) {
        guard enabled else { return }
        let now = Self.now()
        phases.append((name, now - last, Self.peakMiB()))
        last = now
    }

    /// Prints the phases on stderr, if enabled.
    func report() {
        guard enabled else { return }
        let figures = phases.map { "\($0.name) \(Self.format($0.milliseconds)) ms (peak \($0.peakMiB) MiB)" }
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
