#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NNGuideCore
import NNGuideUI

/// The stored first frame's file (`guide-*.frame` beside the content cache): read before the first
/// frame, written on the way out, the oldest pruned. What is in it, and whether it fits a key, is
/// NNGuideUI's `StoredFrame` (pure); this is the only code that touches the file.
public enum StoredFrameFile {
    /// The stored frame at `path` for `key`, or nil (absent, unreadable, damaged, another key or no
    /// key). `key` is asked for only when there is a file: working it out looks at every content
    /// file, which a new account, with no frame, would do for nothing.
    public static func read(_ path: String, key: @autoclosure () -> UInt64?) -> Buffer? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        guard let key = key() else { return nil }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_size > 0, st.st_size < 1 << 22, let bytes = FileIO.readAll(fd) else { return nil }
        return StoredFrame.decode(bytes, key: key)
    }

    /// Writes aside and renames, so a reader never sees half a frame; failures are ignored (the next
    /// start only draws the way it always did). Keeps the `keep` most recent frames in the folder.
    public static func write(_ buffer: Buffer, key: UInt64, to path: String, keep: Int = 8) {
        guard let bytes = StoredFrame.encode(buffer, key: key) else { return }
        let folder = Path.parent(path)
        FileIO.makeFolders(folder)
        let tmp = path + ".tmp-\(getpid())"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        let failed = bytes.withUnsafeBytes { FileIO.writeAll(fd, $0) }
        close(fd)
        guard failed == nil, rename(tmp, path) == 0 else { unlink(tmp); return }
        prune(folder, keep: keep)
    }

    /// The oldest `.frame` files beyond `keep` (one is written per content folder ever opened).
    static func prune(_ folder: String, keep: Int) {
        guard let dir = opendir(folder) else { return }
        var frames: [(path: String, time: Int)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
            guard name.hasSuffix(".frame") else { continue }
            var st = stat()
            let path = folder + "/" + name
            guard stat(path, &st) == 0 else { continue }
            #if canImport(Darwin)
            frames.append((path, Int(st.st_mtimespec.tv_sec)))
            #else
            frames.append((path, Int(st.st_mtim.tv_sec)))
            #endif
        }
        closedir(dir)
        guard frames.count > keep else { return }
        for f in frames.sorted(by: { $0.time > $1.time }).dropFirst(keep) { unlink(f.path) }
    }
}
