#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A mutex and its condition over pthreads: Foundation's NSLock, NSCondition and Thread are not in
/// FoundationEssentials (issue 25: the binary carries no ICU).
public final class Condition: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let cond = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    public init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(cond, nil)
    }

    deinit {
        pthread_cond_destroy(cond)
        pthread_mutex_destroy(mutex)
        cond.deallocate()
        mutex.deallocate()
    }

    public func lock() { pthread_mutex_lock(mutex) }
    public func unlock() { pthread_mutex_unlock(mutex) }
    /// Waits for a `broadcast`; the caller holds the lock (and holds it again on return).
    public func wait() { pthread_cond_wait(cond, mutex) }
    public func broadcast() { pthread_cond_broadcast(cond) }

    public func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock()
        defer { unlock() }
        return try body()
    }
}

/// A detached thread of its own running `body`, with the main thread's usual 8 MiB of stack.
public enum BackgroundThread {
    private final class Box { let body: @Sendable () -> Void; init(_ body: @escaping @Sendable () -> Void) { self.body = body } }

    public static func start(_ body: @escaping @Sendable () -> Void) {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, 8 << 20)
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        let box = Unmanaged.passRetained(Box(body)).toOpaque()
        #if canImport(Glibc)
        var thread = pthread_t()
        #else
        var thread: pthread_t?
        #endif
        let started = pthread_create(&thread, &attributes, { raw in
            let box = Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue()
            box.body()
            return nil
        }, box)
        // No thread to be had (a process at its limit): run here, late but complete.
        if started != 0 { Unmanaged<Box>.fromOpaque(box).takeRetainedValue().body() }
    }

    /// Frees `value` on a thread of its own, for a large value the caller is done with: a process
    /// that ends soon after need not wait (freeing the guide and its locations after a cold lint at
    /// 100x was a tenth of the lint).
    public static func release<T>(_ value: consuming T) {
        let held = Held(consume value)
        start { held.value = nil }
    }

    /// Unchecked Sendable: the caller gave the value up, so only the thread that frees it holds it.
    private final class Held<T>: @unchecked Sendable {
        var value: T?
        init(_ value: consuming T) { self.value = consume value }
    }
}
