/// Results of work spread over threads (`Parallel`, `DispatchQueue.concurrentPerform`):
/// one slot an iteration, each written by exactly one thread, read once
/// every thread has finished.
///
/// The slots are memory allocated up front, so writes to different slots
/// never touch shared state (an array would check its uniqueness and
/// header on every write).
final class ThreadSlots<Value>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Value>
    /// The number of slots.
    let count: Int

    /// `count` slots, each holding `initial` until it is written.
    init(count: Int, initial: Value) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: initial, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    /// Slot `index`. Write a slot from one thread only; read after all have finished.
    subscript(index: Int) -> Value {
        get { slots[index] }
        set { slots[index] = newValue }
    }

    /// Every slot, in order.
    var values: [Value] { Array(UnsafeBufferPointer(start: slots, count: count)) }
}
