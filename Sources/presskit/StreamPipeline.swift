import Dispatch
import PressKit
import Synchronization

/// Converts stream records on `jobs` worker threads while the caller reads the next ones, and hands the
/// outcomes to `deliver` strictly in input order, each as soon as it and all before it are done. At most
/// `4 × jobs` records are in flight (read, converting, or done and waiting for an earlier one), so memory
/// stays bounded whatever the length of the stream. With one job everything runs on the caller's thread.
final class StreamPipeline: Sendable {
    typealias Deliver = @Sendable (StreamConverter.Outcome, String) -> Void

    private struct Work: Sendable {
        let index: Int
        let item: StreamItem
        let name: String
    }

    private struct Ordering {
        var next = 0
        var ready: [Int: (StreamConverter.Outcome, String)] = [:]
    }

    private let converter: StreamConverter
    private let jobs: Int
    private let deliver: Deliver
    private let queue = Mutex<[Work]>([])
    private let ordering = Mutex(Ordering())
    private let available = DispatchSemaphore(value: 0)
    private let slots: DispatchSemaphore
    private let group = DispatchGroup()
    private let submitted = Atomic<Int>(0)

    init(converter: StreamConverter, jobs: Int, deliver: @escaping Deliver) {
        self.converter = converter
        self.jobs = jobs
        self.deliver = deliver
        slots = DispatchSemaphore(value: 4 * jobs)
        guard jobs > 1 else { return }
        for _ in 0..<jobs {
            group.enter()
            // Writers walk the document tree recursively: workers get the main thread's stack size.
            let started = WorkerThread.start(stackSize: 8 << 20) { [self] in
                work()
                group.leave()
            }
            if !started { group.leave() }
        }
    }

    /// Queues one record (waits while too many are in flight).
    func submit(_ item: StreamItem, name: String) {
        if jobs == 1 {
            deliver(converter.convert(item), name)
            return
        }
        slots.wait()
        let index = submitted.add(1, ordering: .relaxed).oldValue
        queue.withLock { $0.append(Work(index: index, item: item, name: name)) }
        available.signal()
    }

    /// Waits until every record submitted has been delivered; the workers end.
    func finish() {
        guard jobs > 1 else { return }
        for _ in 0..<jobs { available.signal() } // one empty wake-up per worker: the queue is drained, it ends
        group.wait()
        // Workers that could not be started leave their share here.
        while let work = queue.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) { complete(work) }
    }

    private func work() {
        while true {
            available.wait()
            guard let work = queue.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) else { return }
            complete(work)
        }
    }

    private func complete(_ work: Work) {
        let outcome = converter.convert(work.item)
        ordering.withLock { state in
            state.ready[work.index] = (outcome, work.name)
            while let (done, name) = state.ready.removeValue(forKey: state.next) {
                deliver(done, name)
                state.next += 1
                slots.signal()
            }
        }
    }
}
