#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The plain system-call loops the explorer's files share (the reading state, the stored first
/// frame): no Foundation on the way to the first frame, and a short read or write retried, not lost.
enum FileIO {
    /// The whole file, or nil when it cannot be read (a folder, an I/O error).
    static func readAll(_ fd: Int32) -> [UInt8]? {
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 14)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; return nil }
            if n == 0 { return out }
            out += chunk[0..<n]
        }
    }

    /// Writes every byte; the `errno` of the failure, or nil.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 { if errno == EINTR { continue }; return errno }
            if n == 0 { return EIO }
            offset += n
        }
        return nil
    }

    /// `folder` and any missing parents (a reader of the compiled guide has no cache folder yet);
    /// failures show when the file in it is written.
    static func makeFolders(_ folder: String) {
        var made = folder.hasPrefix("/") ? "" : "."
        for part in folder.split(separator: "/") {
            made += "/" + part
            mkdir(made, 0o755)
        }
    }
}
