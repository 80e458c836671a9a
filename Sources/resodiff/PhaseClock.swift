#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wall-clock times of a comparison's phases, printed on stderr at exit when
/// `RESODIFF_TIMINGS` is set (for Benchmarks/; nothing is printed otherwise).
///
/// `RESODIFF_TIMINGS=1 resodiff old.txt new.txt` prints one line, such as
/// `resodiff: timings: read 4.1 ms, parse 49.8 ms, align 18.0 ms, render 6.2 ms, write 0.1 ms`.
struct PhaseClock {
    /// Whether the phases are printed.
    let enabled = getenv("RESODIFF_TIMINGS") != nil
    private var last = PhaseClock.now()
    private var phases: [(name: String, milliseconds: Double)] = []

    /// Ends the phase called `name`, which began at the end of the previous one.
    mutating func lap(_ name: String) {
        guard enabled else { return }
        let now = Self.now()
        phases.append((name, now - last))
        last = now
    }

    /// Prints the phases on stderr, if enabled.
    func report() {
        guard enabled else { return }
        let figures = phases.map { "\($0.name) \(Self.format($0.milliseconds)) ms" }
        Console.error(figures.joined(separator: ", "), prefix: "timings")
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
