//! Giving memory pages back to the OS in pieces. Unmapping a big buffer
//! costs the kernel about 55 µs per MB here (a 64 MB list: 4 ms) in one
//! uninterruptible call; done a piece at a time, a kill can land between
//! pieces, and the final free finds nothing left to unmap. The only
//! foreign function the VM declares is `madvise`, here (the sandbox test
//! checks it).

/// Bytes of pages given back to the OS per step of [`release_pages`]: about
/// 15 µs of the kernel's time here.
const RELEASE_STEP: usize = 256 << 10;

/// Gives the whole pages inside `len` bytes at `ptr` back to the OS, a
/// piece at a time, asking `stop` between pieces; returns false when it
/// said to stop. The memory must be about to be freed: its contents are
/// gone (the allocator's own headers, outside the whole pages, stay).
/// Freeing it afterwards finds nothing left to unmap.
pub(crate) fn release_pages(ptr: *const u8, len: usize, stop: &dyn Fn() -> bool) -> bool {
    const PAGE: usize = 4096;
    let mut at = (ptr as usize).next_multiple_of(PAGE);
    let end = (ptr as usize + len) & !(PAGE - 1);
    while at < end {
        if stop() {
            return false;
        }
        let n = (end - at).min(RELEASE_STEP);
        discard_pages(at, n);
        at += n;
    }
    true
}

#[cfg(target_os = "linux")]
fn discard_pages(at: usize, len: usize) {
    extern "C" {
        fn madvise(addr: *mut std::ffi::c_void, len: usize, advice: i32) -> i32;
    }
    const MADV_DONTNEED: i32 = 4;
    // SAFETY: whole pages inside an allocation the caller owns and is
    // about to free; DONTNEED only drops their contents. A failure leaves
    // the pages to the free that follows.
    unsafe { madvise(at as *mut std::ffi::c_void, len, MADV_DONTNEED) };
}

#[cfg(not(target_os = "linux"))]
fn discard_pages(_at: usize, _len: usize) {}
