#if canImport(Glibc)
import Glibc

/// Starts a new thread on a processor other than its creator's.
///
/// On the target machine (a two-core virtual machine), a thread created
/// without a hint starts on its creator's processor: one of the two then
/// waits about 2.5 ms (in 18 runs of 20 of a C probe) until the scheduler
/// moves one to the idle processor. Created with an affinity for the other
/// processor, it starts there in 0.1 ms. The hint holds only for the start:
/// the new thread lets itself run anywhere again at once (``release(_:)``).
///
/// The affinity functions are GNU extensions that the Glibc module does not
/// export; they are looked up by name. Where they are missing, or the
/// process may run on one processor only, threads start without a hint.
enum ThreadPlacement {
    private typealias GetCPU = @convention(c) () -> Int32
    private typealias GetAffinity = @convention(c) (pthread_t, Int, UnsafeMutableRawPointer) -> Int32
    private typealias SetAffinity = @convention(c) (pthread_t, Int, UnsafeRawPointer) -> Int32
    private typealias SetAttributeAffinity = @convention(c) (UnsafeMutablePointer<pthread_attr_t>, Int, UnsafeRawPointer) -> Int32

    /// The functions, or nil when one is missing.
    private static let functions: (getCPU: GetCPU, get: GetAffinity, set: SetAffinity,
                                                       setAttribute: SetAttributeAffinity)? = {
        let all = dlopen(nil, RTLD_NOW)
        func look<F>(_ name: String, _ type: F.Type) -> F? {
            guard let symbol = dlsym(all, name) else { return nil }
            return unsafeBitCast(symbol, to: type)
        }
        guard let getCPU = look("sched_getcpu", GetCPU.self),
              let get = look("pthread_getaffinity_np", GetAffinity.self),
              let set = look("pthread_setaffinity_np", SetAffinity.self),
              let setAttribute = look("pthread_attr_setaffinity_np", SetAttributeAffinity.self) else { return nil }
        return (getCPU, get, set, setAttribute)
    }()

    /// Sets `attributes` so that the thread starts on a processor the caller
    /// may use other than the one it runs on. Returns the caller's set of
    /// processors, which the new thread hands to ``release(_:)``; nil when no
    /// hint was set.
    static func awayFromCaller(_ attributes: inout pthread_attr_t) -> cpu_set_t? {
        guard let f = functions else { return nil }
        var allowed = cpu_set_t()
        let size = MemoryLayout<cpu_set_t>.size
        guard f.get(pthread_self(), size, &allowed) == 0 else { return nil }
        let current = Int(f.getCPU())
        let words = size / 8
        // The first allowed processor other than the current one.
        let other: Int? = withUnsafeBytes(of: &allowed) { raw in
            for w in 0..<words {
                var bits = raw.load(fromByteOffset: 8 * w, as: UInt64.self)
                while bits != 0 {
                    let cpu = 64 * w + bits.trailingZeroBitCount
                    if cpu != current { return cpu }
                    bits &= bits - 1
                }
            }
            return nil
        }
        guard let other else { return nil }
        var target = cpu_set_t()
        withUnsafeMutableBytes(of: &target) { raw in
            raw.storeBytes(of: UInt64(1) << UInt64(other % 64), toByteOffset: 8 * (other / 64), as: UInt64.self)
        }
        guard f.setAttribute(&attributes, size, &target) == 0 else { return nil }
        return allowed
    }

    /// Lets the calling thread run on the processors of `allowed` again.
    static func release(_ allowed: cpu_set_t) {
        guard let f = functions else { return }
        var allowed = allowed
        _ = f.set(pthread_self(), MemoryLayout<cpu_set_t>.size, &allowed)
    }
}
#endif
