#if canImport(Glibc)
import Glibc
#endif

/// Keeps freed tensor memory in the process heap instead of returning it to the kernel.
///
/// A training step allocates and frees the same large buffers every time (activations, column
/// matrices, gradients). With glibc's defaults, blocks above the mmap threshold (128 KiB, raised
/// dynamically) are fresh mappings and the heap top is trimmed after frees, so every step
/// page-faults its memory back in and the kernel zero-fills it: a quarter of `cnn-gn-step`'s time
/// was page faults. Allocations up to 32 MiB (glibc's largest threshold) therefore come from the
/// heap, and the heap top is trimmed only when more than 256 MiB of it is free; larger blocks are
/// still mapped and unmapped. Peak memory is unchanged (freed blocks are reused); the process keeps
/// up to 256 MiB of freed memory for reuse instead of handing it back at once.
enum HeapTuning {
    /// `<malloc.h>` parameters (glibc ABI): M_TRIM_THRESHOLD and M_MMAP_THRESHOLD.
    static let trimThreshold: Int32 = -1, mmapThreshold: Int32 = -3

    /// Applied once, on first use of the engine's storage. `mallopt` is looked up at run time because
    /// Swift's Glibc module does not include `<malloc.h>` (and a C shim module would have to be found
    /// by every chapter program that links the engine).
    static let applied: Bool = {
        #if canImport(Glibc)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return false }
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        return mallopt(mmapThreshold, 32 << 20) == 1 && mallopt(trimThreshold, 256 << 20) == 1
        #else
        return false
        #endif
    }()

    @inline(__always)
    static func ensure() { _ = applied }
}
