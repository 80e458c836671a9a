import Testing
@testable import ResoDiff
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The parser stays linear on inputs of pathological shape. Each case was
/// quadratic before its fix (see docs/RELIABILITY.md). In a debug build on
/// a loaded two-core machine the linear versions take about 2 to 13 s at
/// these sizes, the quadratic ones took 70 to 100 s: the bound leaves room
/// for a slow machine without letting the old behaviour pass.
@Suite("Parser scaling on pathological shapes", .serialized)
struct ScalingTests {
    /// Parses `text` and returns the resolution and the seconds it took.
    func timedParse(_ text: String) -> (Resolution, Double) {
        let clock = ContinuousClock()
        var resolution: Resolution?
        let elapsed = clock.measure { resolution = Resolution(parsing: text) }
        let c = elapsed.components
        return (resolution ?? Resolution(paragraphs: []), Double(c.seconds) + Double(c.attoseconds) * 1e-18)
    }

    /// Seconds a case may take: 40, or 400 under AddressSanitizer, which
    /// slows this code about tenfold.
    static let bound = underAddressSanitizer ? 400.0 : 40.0

    /// True when the test binary carries the AddressSanitizer runtime
    /// (`swift test --sanitize=address`).
    static let underAddressSanitizer: Bool = {
        guard let handle = dlopen(nil, RTLD_NOW) else { return false }
        defer { dlclose(handle) }
        return dlsym(handle, "__asan_init") != nil
    }()

    @Test("a paragraph of 800,000 numbers (footnote-marker removal appended digit runs by copying)")
    func manyNumbers() {
        let text = (0..<800_000).map { String($0 % 1000) }.joined(separator: " ")
        let (resolution, seconds) = timedParse(text)
        #expect(resolution.paragraphs.count == 1)
        #expect(resolution.paragraphs.first?.text == text)
        #expect(seconds < Self.bound, "took \(seconds) s")
    }

    @Test("a paragraph opening with a 400,000-letter non-ASCII word (opening-phrase lowercasing)")
    func longAccentedWord() {
        let text = "É" + String(repeating: "é", count: 400_000) + " et cetera"
        let (resolution, seconds) = timedParse(text)
        #expect(resolution.paragraphs.first?.text == text)
        #expect(seconds < Self.bound, "took \(seconds) s")
    }

    @Test("one paragraph of 400,000 lines without a blank line (joining a block's lines)")
    func manyLines() {
        let lines = (0..<400_000).map { $0 % 2 == 0 ? "some words of the state-" : "ment here" }
        let text = "Recalling " + lines.joined(separator: "\n") + ","
        let (resolution, seconds) = timedParse(text)
        #expect(resolution.paragraphs.count == 1)
        #expect(resolution.paragraphs.first?.text.hasPrefix("Recalling some words of the state-ment here some") == true)
        #expect(seconds < Self.bound, "took \(seconds) s")
    }
}
