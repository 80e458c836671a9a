#if canImport(Glibc)
import Dispatch
import Glibc

/// glibc's allocator settings for large comparisons, applied in the process.
///
/// A large comparison (a session's compilation, 2.8 MB a side) builds some
/// 40 MB of strings and arrays on two threads. With glibc's defaults every
/// fresh 4 KB page costs a page fault (about 10,000 of them, a fifth of the
/// CPU time on a virtual machine), and freed memory goes back to the system
/// to be faulted in again. A large top pad, no trimming or mmap for blocks
/// under 32 MB, and transparent huge pages for the heaps bring that to a few
/// hundred faults (Guides/Performance.md).
///
/// The first three are `mallopt` settings. Huge pages have no `mallopt`
/// setting (glibc reads `glibc.malloc.hugetlb` only from `GLIBC_TUNABLES`
/// at start-up, and running the command again with it cost a second start,
/// about 3 ms and 300 page faults), so the heaps are advised here instead: the
/// main thread's heap is grown by its top pad at once, and each parsing
/// thread's heap (the main one's, and a 64 MB reservation of its own for
/// another) is advised (`madvise(MADV_HUGEPAGE)`) when the thread starts
/// parsing (``adviseHeap()``).
///
/// Huge pages pay only when the system has them at hand: each heap's first
/// few are faulted in at once, one at a time and timed (more for larger
/// inputs), and from the first that comes slowly (fresh memory the host must
/// back, as after a pause on a virtual machine) the rest of the heap stays in
/// plain pages (``adviseHeap()``).
///
/// `RESODIFF_ALLOCATOR_TUNING=0` turns this off, and `=plain` keeps the
/// `mallopt` settings without huge pages; a caller who set glibc's malloc
/// settings in `GLIBC_TUNABLES` keeps them, untouched. Nothing here changes a
/// report: only where memory comes from.
enum AllocatorTuning {
    /// Inputs smaller than this in all gain too little to be worth the settings.
    static let threshold = 1 << 20

    /// The top pad: how much more than asked for a heap grows by.
    static let topPad = 32 << 20

    /// The size of the address range glibc reserves for a thread's heap (`HEAP_MAX_SIZE`
    /// on 64-bit systems), to which such a heap is aligned.
    private static let threadHeapSize = 64 << 20

    /// A huge page.
    private static let hugePage = 2 << 20

    /// True once the settings are applied. Written once, by ``applyIfWorthwhile(for:)``,
    /// before any other thread starts.
    nonisolated(unsafe) private static var isTuned = false

    /// The main thread's heap, as it stood when the settings were applied: the
    /// memory a thread of its own never hands out.
    nonisolated(unsafe) private static var mainHeap: ClosedRange<UInt> = 0...0

    /// The thread that applied the settings: the main one.
    nonisolated(unsafe) private static var mainThread = pthread_self()

    /// Applies the settings when `paths` hold at least ``threshold`` bytes (a
    /// directory counts as large), unless tuning is turned off or the caller
    /// set glibc's malloc settings. Call before the inputs are read, on the main thread.
    static func applyIfWorthwhile(for paths: [String]) {
        let setting = getenv("RESODIFF_ALLOCATOR_TUNING").map { String(cString: $0) }
        if setting == "0" { return }
        if let existing = getenv("GLIBC_TUNABLES"), String(cString: existing).contains("glibc.malloc.") { return }
        guard Files.inputsHold(threshold, paths, unknownIsLarge: false), let mallopt = Self.mallopt else { return }
        hugePagesPerHeap = hugePages(forInputs: Files.inputBytes(paths))
        // M_TOP_PAD, M_TRIM_THRESHOLD, M_MMAP_THRESHOLD (malloc.h).
        guard mallopt(-2, Int32(topPad)) == 1, mallopt(-1, 256 << 20) == 1, mallopt(-3, 32 << 20) == 1 else { return }
        isTuned = true
        mainThread = pthread_self()
        // Room for every heap now, so that no thread's probe allocates while its heap's top is moved.
        spacers.reserveCapacity(16)
        advisedHeaps.reserveCapacity(16)
        if setting == "plain" { usesHugePages = false }
        // Grow the main heap by its top pad now and give the block back (no
        // trimming: the heap keeps it for the allocations to come). Its huge pages
        // are advised when the main thread starts on its input (``adviseHeap()``),
        // at the same time as the other thread's.
        let before = sbrk(0).map { UInt(bitPattern: $0) } ?? 0
        guard let block = malloc(topPad - hugePage) else { return }
        // Kept where the optimizer can see it is used: an allocation only freed
        // would be removed, and the growth with it.
        grownBy = UInt(bitPattern: block)
        let after = sbrk(0).map { UInt(bitPattern: $0) } ?? 0
        // The block starts in the heap's old top, before the growth.
        if before > 0, after > before { mainHeap = min(before, grownBy)...after }
        free(block)
    }

    /// How many of a heap's huge pages are faulted in and timed at once: set
    /// by ``applyIfWorthwhile(for:)`` from the inputs' size.
    nonisolated(unsafe) private static var hugePagesPerHeap = 0

    /// How many of a heap's huge pages are faulted in and timed at the start,
    /// for inputs of `bytes` bytes in all (nil when some input's size is
    /// unknown, as for a directory or a pipe).
    ///
    /// A comparison touches about four times its inputs' size in memory (the
    /// 300 compilation, 5.6 MB, 21 MB in plain pages), shared by two heaps;
    /// huge pages faulted in as they were used covered 18 MB, about one and a
    /// half times the inputs' size a heap. Half that is timed: enough pages to
    /// tell whether the system has them at hand, and never more than a heap
    /// uses (a page faulted in and never used takes a recycled page from the
    /// next run, which may then meet a fresh one). Between 2 and 8 pages.
    static func hugePages(forInputs bytes: Int?) -> Int {
        guard let bytes else { return 4 }
        return min(8, max(2, (3 * bytes / 4 + hugePage - 1) / hugePage))
    }

    /// The address of the block that grew the main heap (freed at once).
    nonisolated(unsafe) private static var grownBy: UInt = 0

    /// Advises huge pages for the calling thread's heap, once the settings are
    /// applied and unless the heap is advised already: call as a thread (the
    /// main one too) starts on the inputs. The main thread's heap is the range
    /// it was grown to; a thread's first allocation gives it a heap of its own,
    /// a reservation of ``threadHeapSize`` bytes aligned to its size.
    ///
    /// Huge pages pay only when the system has them at hand. On a virtual
    /// machine the system may hand free memory back to the host (Linux's free
    /// page reporting does so for free 2 MB blocks about two seconds after they
    /// are freed), and faulting such a block in again costs the host's work
    /// too: 4.5–8 ms for a huge page, against 0.15–0.3 ms for one freed a moment
    /// ago, and about 0.8 ms for the same memory in plain pages, which the
    /// system recycles from its own lists. The system often holds a few
    /// recycled huge pages and no more, so a heap's first page says little of
    /// its fifth. So the heap's first ``hugePagesPerHeap`` huge pages are
    /// faulted in at once, one at a time and timed (the first by moving the
    /// heap's top to it, the others by `MADV_POPULATE_WRITE` on a block that
    /// spans them, freed back into the heap). From the first that came fresh
    /// the heap stays in plain pages; when all came quickly, the rest of the
    /// heap keeps huge pages, faulted in as they are used. Each heap is judged
    /// on its own, by its own thread, the two at the same time.
    static func adviseHeap() {
        // A probe larger than the per-thread caches: freed, it goes back into the heap's top.
        guard isTuned, usesHugePages, let probe = malloc(4096) else { return }
        let address = UInt(bitPattern: probe)
        free(probe)
        let heap: Range<UInt>
        if mainHeap.contains(address) {
            // Another thread sharing the main heap (glibc does when threads outnumber
            // its heaps) leaves it to the main thread.
            guard pthread_equal(pthread_self(), mainThread) != 0 else { return }
            heap = mainHeap.lowerBound..<mainHeap.upperBound
        } else {
            let base = address & ~UInt(threadHeapSize - 1)
            heap = base..<(base + UInt(threadHeapSize))
        }
        // Once a heap: a thread that parses several files (a history) keeps its heap's top.
        guard spacerQueue.sync(execute: { advisedHeaps.insert(heap.lowerBound).inserted }) else { return }
        advise(from: heap.lowerBound, to: heap.upperBound)
        // Moving the top writes its header into the heap's first whole huge page,
        // after the memory touched already: that fault is the probe.
        let began = seconds()
        guard let boundary = alignHeapTop(at: address), seconds() - began < freshHugePage else {
            advise(from: address, to: heap.upperBound, MADV_NOHUGEPAGE)
            return
        }
        let end = min(boundary + UInt(hugePagesPerHeap * hugePage), heap.upperBound)
        let cheapUntil = faultHugePages(top: boundary, to: end)
        // All came quickly: the rest of the heap stays advised, its pages faulted in as used.
        if cheapUntil < end { advise(from: cheapUntil, to: heap.upperBound, MADV_NOHUGEPAGE) }
    }

    /// Faults in the huge pages after the first from `top` to `end` (huge-page
    /// boundaries in the calling thread's heap, whose top is at `top`, its
    /// first huge page faulted in already), one at a time, and returns where
    /// the quickly faulted pages end: after the first that came fresh (which
    /// is faulted in all the same), or at `end`.
    /// A block spanning them is taken from the heap's top, so the memory is the
    /// heap's, and freed back into it.
    private static func faultHugePages(top: UInt, to end: UInt) -> UInt {
        let start = top + UInt(hugePage)
        guard end > start, let block = malloc(Int(end - top)) else { return start }
        defer { free(block) }
        // The block starts in the first huge page (a few bytes after `top`) if
        // the heap's top was there, and then spans the others; else it is not
        // where the pages are, and none is faulted in through it.
        let first = UInt(bitPattern: block)
        guard first >= top, first - top < 4096 else { return start }
        var page = start
        while page < end {
            let began = seconds()
            guard let pointer = UnsafeMutableRawPointer(bitPattern: page) else { return page }
            if madvise(pointer, hugePage, populateWrite) != 0 {
                // A kernel before 5.14 does not know the advice: its pages are faulted
                // in as they are used, as they came before huge pages were timed.
                return errno == EINVAL ? end : page
            }
            page += UInt(hugePage)
            if seconds() - began >= freshHugePage { return page }
        }
        return end
    }

    /// `MADV_POPULATE_WRITE` (Linux 5.14), which the Glibc module does not export.
    private static let populateWrite: Int32 = 23

    /// Moves the calling thread's heap top, where a block at `address` was just
    /// freed into it, to the next huge-page boundary. The memory before the
    /// boundary shares a huge page's range with memory touched already, so it
    /// could only ever be mapped page by page; a block that is never used nor
    /// freed takes it (address space only: its pages are never touched).
    /// Returns the boundary, or nil when the top could not be moved.
    private static func alignHeapTop(at address: UInt) -> UInt? {
        let mask = UInt(hugePage - 1)
        let boundary = (address + mask) & ~mask
        // The block's chunk starts 16 bytes before `address`, and a request of
        // `boundary - address` bytes ends it at the boundary.
        guard boundary - address >= 64, let block = malloc(Int(boundary - address)) else { return nil }
        // Held where the optimizer can see it is kept: an allocation whose result went
        // unused would be removed, and the boundary with it.
        spacerQueue.sync { spacers.append(block) }
        return boundary
    }

    /// The blocks that moved the heap tops to huge-page boundaries (one a heap), kept
    /// for good; written through ``spacerQueue`` (threads may advise their heaps at once).
    nonisolated(unsafe) private static var spacers: [UnsafeMutableRawPointer] = []
    /// The threads' heaps advised so far, by base address; written through ``spacerQueue``.
    nonisolated(unsafe) private static var advisedHeaps: Set<UInt> = []
    private static let spacerQueue = DispatchQueue(label: "resodiff.allocator-tuning")

    /// `madvise` with `advice` (huge pages by default) for the whole huge pages between `start` and `end`.
    private static func advise(from start: UInt, to end: UInt, _ advice: Int32 = MADV_HUGEPAGE) {
        let mask = UInt(hugePage - 1)
        let first = (start + mask) & ~mask, last = end & ~mask
        guard last > first, let pointer = UnsafeMutableRawPointer(bitPattern: first) else { return }
        _ = madvise(pointer, Int(last - first), advice)
    }

    /// False when asked for plain pages (`RESODIFF_ALLOCATOR_TUNING=plain`).
    /// Written before any other thread starts.
    nonisolated(unsafe) private static var usesHugePages = true

    /// A huge page the system has to find fresh memory for takes this long or
    /// longer to fault in (3–8 ms); one it recycled takes 0.15–0.6 ms, and
    /// about 1.2 ms now and then.
    private static let freshHugePage = 2e-3

    /// A monotonic clock, in seconds.
    private static func seconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    /// glibc's `mallopt`, which the Glibc module does not export, looked up by name.
    private static let mallopt: (@convention(c) (Int32, Int32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return nil }  // RTLD_DEFAULT
        return unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
    }()
}
#endif
