#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Text written straight to standard output or error, unbuffered as FileHandle wrote it (FileHandle
/// is not in FoundationEssentials).
public enum StandardStream {
    public static func output(_ s: String) { put(s, to: 1) }
    public static func error(_ s: String) { put(s, to: 2) }

    static func put(_ s: String, to fd: Int32) {
        var s = s
        s.withUTF8 { bytes in
            var done = 0
            while done < bytes.count {
                let n = write(fd, bytes.baseAddress! + done, bytes.count - done)
                if n > 0 { done += n } else if n < 0 && errno == EINTR { continue } else { return }
            }
        }
    }
}
