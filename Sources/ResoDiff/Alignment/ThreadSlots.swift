/// Results of work spread over threads (`Parallel`, `DispatchQueue.concurrentPerform`):
/// one slot an iteration, each written by exactly one thread, read once
/// every thread has finished.
///
/// The slots are memory allocated up front, so writes to different slots
/// never touch shared state (an array would check its uniqueness and
/// header on every write). Visible to the package, for the command's
/// reading of a directory's files on two threads; not public API.
package final class ThreadSlots<Value>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Value>
    /// The number of slots.
    package let count: Int

    /// `count` slots, each holding `initial` until it is written.
    package init(count: Int, initial: Value) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: initial, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    /// Slot `index`. Write a slot from one thread only; read after all have finished.
    package subscript(index: Int) -> Value {
        get { slots[index] }
        set { slots[index] = newValue }
    }

    /// Every slot, in order.
    package var values: [Value] { Array(UnsafeBufferPointer(start: slots, count: count)) }
}
