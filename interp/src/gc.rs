//! The garbage-collected heap. Every guest object (strings, lists, dicts,
//! functions, frames of generators...) is a `GcBox` owned by a `Heap`; guest
//! values hold `Gc<T>` handles, which are plain copyable pointers, so pushing,
//! popping and storing values never touches a reference count.
//!
//! Collection is stop-the-world mark and sweep, and it runs at exactly one
//! kind of place: an instruction boundary, from the attention slow path
//! (`Attention::GC`). At a boundary every live value is reachable from the
//! VM's roots (thread stacks, frames, globals, the temporary-root stack), so
//! Rust code between boundaries may hold `Gc` handles in locals freely. Code
//! that runs guest code from Rust (a builtin calling a key function, a
//! generator driven by `list()`) crosses boundaries, and must keep what it
//! holds on the VM stack or in `Vm::roots` meanwhile.
//!
//! Cycles are no problem (a tracing collector), and dropping the heap frees
//! everything, which is what makes a killed VM release all its memory.
//!
//! Marking a big heap takes milliseconds (a list of five million values
//! is 20 ms here), far beyond the kill-latency target, so the mark phase
//! asks its caller every [`MARK_POLL_EVERY`] values whether to stop, and
//! gives up when told: nothing has been freed yet, so abandoning it only
//! leaves marks behind. Marks are an epoch number rather than a flag, so
//! the marks of an abandoned collection are stale for the next one without
//! a pass over the heap to clear them.
//!
//! Freeing is the other long pause: giving a big buffer's pages back to
//! the OS takes milliseconds (see `pages.rs`). The sweep sets dead objects
//! owning more than [`RELEASE_APART`] bytes aside; [`Heap::release_dying`]
//! returns their pages in pieces, asking whether to stop between pieces,
//! and frees what is left empty.

use std::cell::Cell;
use std::fmt;
use std::marker::PhantomData;
use std::ptr::NonNull;

/// Implemented by every type stored in the heap: reports the handles it holds.
pub trait Trace {
    /// Calls `tracer.mark_*` for every `Gc` or `Value` reachable from `self`.
    fn trace(&self, tracer: &mut Tracer);
    /// Heap bytes owned beyond `size_of::<Self>()` (vector buffers, string
    /// bytes), for the heap-size estimate and the memory limit.
    fn extra_bytes(&self) -> usize {
        0
    }
    /// Whether [`buffer`](Trace::buffer) can return anything.
    const HAS_BUFFER: bool = false;
    /// The object's one big buffer (a list's items, a string's bytes), if
    /// it has one, as a start and length in bytes: once the object is
    /// dead, its pages can be given back before it is dropped.
    fn buffer(&self) -> Option<(*const u8, usize)> {
        None
    }
}

struct Header {
    /// The epoch of the collection that marked this box live; 0 outside a
    /// collection (the sweep resets survivors), or a stale epoch left by
    /// an abandoned one.
    mark: Cell<u8>,
    vtable: &'static VTable,
}

struct VTable {
    trace: unsafe fn(NonNull<Header>, &mut Tracer),
    /// Drops the value in place; the memory goes back to the heap's pool.
    drop: unsafe fn(NonNull<Header>),
    bytes: unsafe fn(NonNull<Header>) -> usize,
    /// `Trace::buffer`, or `None` for types without one.
    buffer: Option<BufferFn>,
    /// The box's size class (see `Heap::block_layout`).
    class: usize,
}

#[repr(C)]
struct GcBox<T> {
    header: Header,
    value: T,
}

unsafe fn trace_box<T: Trace>(p: NonNull<Header>, tracer: &mut Tracer) {
    // SAFETY: `p` came from `Heap::alloc::<T>`, and `GcBox` is `repr(C)`
    // with the header first, so the cast recovers the original box.
    let b = unsafe { p.cast::<GcBox<T>>().as_ref() };
    b.value.trace(tracer);
}

unsafe fn drop_box<T>(p: NonNull<Header>) {
    // SAFETY: as in `trace_box`; called once, by the sweep or `Heap::drop`,
    // which then recycle or free the memory.
    unsafe { std::ptr::drop_in_place(p.cast::<GcBox<T>>().as_ptr()) };
}

unsafe fn bytes_box<T: Trace>(p: NonNull<Header>) -> usize {
    // SAFETY: as in `trace_box`.
    let b = unsafe { p.cast::<GcBox<T>>().as_ref() };
    std::mem::size_of::<GcBox<T>>() + b.value.extra_bytes()
}

/// Reads a box's `Trace::buffer`.
type BufferFn = unsafe fn(NonNull<Header>) -> Option<(*const u8, usize)>;

unsafe fn buffer_box<T: Trace>(p: NonNull<Header>) -> Option<(*const u8, usize)> {
    // SAFETY: as in `trace_box`.
    let b = unsafe { p.cast::<GcBox<T>>().as_ref() };
    b.value.buffer()
}

struct VTableFor<T>(PhantomData<T>);

impl<T: Trace + 'static> VTableFor<T> {
    const CLASS: usize = {
        assert!(std::mem::align_of::<GcBox<T>>() <= BLOCK_ALIGN);
        std::mem::size_of::<GcBox<T>>().div_ceil(BLOCK_ALIGN)
    };
    const VTABLE: VTable = VTable {
        trace: trace_box::<T>,
        drop: drop_box::<T>,
        bytes: bytes_box::<T>,
        buffer: if T::HAS_BUFFER {
            Some(buffer_box::<T>)
        } else {
            None
        },
        class: Self::CLASS,
    };
}

/// Boxes are allocated in multiples of this (their size class).
const BLOCK_ALIGN: usize = 16;
/// Boxes of up to `POOLED_CLASSES * BLOCK_ALIGN` bytes (nearly all of
/// them) are carved from chunks and recycled through per-class free lists,
/// never returned to the system allocator one by one: allocating is a
/// pointer bump or a pop, and a collection that frees thousands of boxes
/// costs no allocator calls. The chunks are freed with the heap.
const POOLED_CLASSES: usize = 16;
const CHUNK_BYTES: usize = 64 << 10;

/// A handle to a heap object. Copyable; valid while the object is reachable
/// from the VM's roots (see the module comment for when that matters).
pub struct Gc<T> {
    ptr: NonNull<GcBox<T>>,
}

impl<T> Clone for Gc<T> {
    #[inline(always)]
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Gc<T> {}

impl<T> std::ops::Deref for Gc<T> {
    type Target = T;
    #[inline(always)]
    fn deref(&self) -> &T {
        // SAFETY: the collector frees an object only when no root reaches
        // it, and collections happen only at instruction boundaries where
        // every handle in use is rooted (module comment).
        unsafe { &self.ptr.as_ref().value }
    }
}

impl<T> Gc<T> {
    /// A reference to the object that is not tied to this handle's own
    /// lifetime. The same contract as `Deref`: the object stays alive while
    /// it is rooted, so the reference must not be kept across a collection
    /// point unless the object is rooted.
    #[inline(always)]
    pub fn inner<'a>(self) -> &'a T {
        // SAFETY: see `Deref`.
        unsafe { &(*self.ptr.as_ptr()).value }
    }

    /// Identity comparison (Python's `is`).
    #[inline(always)]
    pub fn ptr_eq(a: Gc<T>, b: Gc<T>) -> bool {
        a.ptr == b.ptr
    }

    /// The address, for `id()` and identity hashing.
    #[inline(always)]
    pub fn addr(self) -> usize {
        self.ptr.as_ptr() as usize
    }

    fn header(self) -> NonNull<Header> {
        self.ptr.cast::<Header>()
    }
}

impl<T: fmt::Debug> fmt::Debug for Gc<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).fmt(f)
    }
}

/// Values (or objects) the mark phase handles between two questions to its
/// caller whether to stop: about 10 µs of marking.
pub const MARK_POLL_EVERY: usize = 1 << 12;

/// Dead objects whose buffers are at least this big are freed by
/// [`Heap::release_dying`], not by the sweep (see `pages.rs`).
pub const RELEASE_APART: usize = 1 << 20;

/// Whether the dead box `h` owns a buffer of [`RELEASE_APART`] bytes or more.
#[inline(never)]
fn has_big_buffer(h: NonNull<Header>) -> bool {
    // SAFETY: the sweep passes boxes it has not freed.
    match unsafe { h.as_ref() }.vtable.buffer {
        Some(buffer) => unsafe { buffer(h) }.is_some_and(|(_, len)| len >= RELEASE_APART),
        None => false,
    }
}

/// An allocation or a growth step this big may have made a big buffer:
/// containers past `GENTLE_GROWTH_FROM` items grow by an eighth.
const BIG_STEP: usize = RELEASE_APART / 8;

/// The mark phase's work list. Marking is iterative, so a million-long chain
/// of nested lists cannot overflow the Rust stack.
pub struct Tracer<'a> {
    gray: Vec<NonNull<Header>>,
    live_bytes: usize,
    epoch: u8,
    /// Work left before the next call of `stop`.
    until_poll: usize,
    stop: &'a dyn Fn() -> bool,
    stopped: bool,
}

impl Tracer<'_> {
    /// Marks the object behind `gc` as live.
    #[inline]
    pub fn mark<T>(&mut self, gc: Gc<T>) {
        let h = gc.header();
        // SAFETY: every handle reachable from a root points at a live box.
        let header = unsafe { h.as_ref() };
        if header.mark.get() != self.epoch {
            header.mark.set(self.epoch);
            self.gray.push(h);
        }
    }

    /// Counts `work` marked values (or objects); when enough accumulated,
    /// asks whether to stop and returns whether the collection is being
    /// abandoned.
    #[inline]
    pub(crate) fn tick(&mut self, work: usize) -> bool {
        if self.until_poll > work {
            self.until_poll -= work;
            return false;
        }
        self.until_poll = MARK_POLL_EVERY;
        self.stopped |= (self.stop)();
        self.stopped
    }

    /// Whether the caller asked to stop: the collection is being
    /// abandoned, and a long `trace` may return early.
    #[inline]
    pub fn stopped(&self) -> bool {
        self.stopped
    }
}

/// Owns every guest object of one VM.
pub struct Heap {
    objects: Vec<NonNull<Header>>,
    /// Estimated bytes in use: live bytes at the last collection plus what
    /// was allocated since.
    bytes: usize,
    /// Collect when `bytes` passes this.
    threshold: usize,
    /// The heap limit (`Config::max_heap`), if any: the threshold never
    /// passes it, so a collection (and the limit check after it) happens
    /// before the heap grows far beyond the limit.
    limit: Option<usize>,
    collections: u64,
    /// Dead objects with big buffers, waiting for `release_dying`.
    dying: Vec<NonNull<Header>>,
    /// Whether an object may have grown a big buffer since the last
    /// collection, or the last collection found a live one: only then
    /// can a dead one exist, and only then does the sweep look for them
    /// (the look costs an indirect call per dead object).
    big_since: bool,
    /// The mark of the next collection (1 after a finished one; one more
    /// after each abandoned one).
    epoch: u8,
    /// Free blocks by size class (index 0 unused).
    pool: [Vec<NonNull<u8>>; POOLED_CLASSES + 1],
    /// Chunks the pooled blocks are carved from, and the unused rest of the
    /// newest one.
    chunks: Vec<NonNull<u8>>,
    bump: usize,
    bump_end: usize,
}

const MIN_THRESHOLD: usize = 4 << 20;

/// Capacity (in items) from which growable containers (list buffers, dict
/// entry vectors) grow by an eighth instead of doubling. Growth is counted
/// after it happens and collected at the next instruction boundary, so one
/// growth step is how far the heap can overshoot its limit: an eighth of
/// the largest container, itself below the limit. (Large buffers are
/// `mmap`ed, and growing them is `mremap`, not a copy.)
pub const GENTLE_GROWTH_FROM: usize = 1 << 16;

impl Default for Heap {
    fn default() -> Self {
        Heap::new()
    }
}

impl Heap {
    /// An empty heap.
    pub fn new() -> Heap {
        Heap {
            objects: Vec::new(),
            bytes: 0,
            threshold: MIN_THRESHOLD,
            limit: None,
            collections: 0,
            dying: Vec::new(),
            big_since: false,
            epoch: 1,
            pool: Default::default(),
            chunks: Vec::new(),
            bump: 0,
            bump_end: 0,
        }
    }

    fn block_layout(class: usize) -> std::alloc::Layout {
        // Cannot fail: the size is a small multiple of the alignment.
        std::alloc::Layout::from_size_align(class * BLOCK_ALIGN, BLOCK_ALIGN).unwrap()
    }

    /// A block of `class`: recycled, carved from a chunk, or (for large
    /// classes) from the system allocator.
    #[inline]
    fn block(&mut self, class: usize) -> NonNull<u8> {
        if class > POOLED_CLASSES {
            return Self::system_alloc(Self::block_layout(class));
        }
        if let Some(b) = self.pool[class].pop() {
            return b;
        }
        let size = class * BLOCK_ALIGN;
        if self.bump + size > self.bump_end {
            let chunk = Self::system_alloc(Self::chunk_layout());
            self.chunks.push(chunk);
            self.bump = chunk.as_ptr() as usize;
            self.bump_end = self.bump + CHUNK_BYTES;
        }
        let b = self.bump;
        self.bump += size;
        // SAFETY: `b` lies inside the newest chunk, which is non-null.
        unsafe { NonNull::new_unchecked(b as *mut u8) }
    }

    fn chunk_layout() -> std::alloc::Layout {
        // Cannot fail: a power-of-two size and alignment.
        std::alloc::Layout::from_size_align(CHUNK_BYTES, BLOCK_ALIGN).unwrap()
    }

    fn system_alloc(layout: std::alloc::Layout) -> NonNull<u8> {
        // SAFETY: both layouts used here have a non-zero size.
        match NonNull::new(unsafe { std::alloc::alloc(layout) }) {
            Some(b) => b,
            None => std::alloc::handle_alloc_error(layout),
        }
    }

    /// Takes back the block of a box the sweep dropped.
    fn release(pool: &mut [Vec<NonNull<u8>>], class: usize, block: NonNull<u8>) {
        match pool.get_mut(class) {
            Some(free) => free.push(block),
            // SAFETY: large blocks come from `system_alloc` with this layout.
            None => unsafe { std::alloc::dealloc(block.as_ptr(), Self::block_layout(class)) },
        }
    }

    /// Sets the heap limit: from now on a collection is due whenever the
    /// heap passes `limit` (see `Vm::service_attention`, which raises
    /// `MemoryError` when the live heap is still above it).
    pub fn set_limit(&mut self, limit: Option<usize>) {
        self.limit = limit;
        if let Some(l) = limit {
            self.threshold = self.threshold.min(l);
        }
    }

    /// Lets the heap grow to `ceiling` before the next collection: headroom
    /// for the guest's `except MemoryError:` handler after the limit was
    /// breached.
    pub fn set_threshold(&mut self, ceiling: usize) {
        self.threshold = ceiling;
    }

    /// Moves `value` into the heap. Never collects; returns whether the
    /// collection threshold has been passed (the caller raises
    /// `Attention::GC`).
    #[inline]
    pub fn alloc<T: Trace + 'static>(&mut self, value: T) -> (Gc<T>, bool) {
        let extra = value.extra_bytes();
        let ptr = self.block(VTableFor::<T>::CLASS).cast::<GcBox<T>>();
        // SAFETY: the block is fresh or recycled memory of the box's size
        // class, aligned for it, and not in use.
        unsafe {
            ptr.as_ptr().write(GcBox {
                header: Header {
                    mark: Cell::new(0),
                    vtable: &VTableFor::<T>::VTABLE,
                },
                value,
            })
        };
        self.objects.push(ptr.cast());
        self.bytes += std::mem::size_of::<GcBox<T>>() + extra;
        self.big_since |= extra >= BIG_STEP;
        (Gc { ptr }, self.bytes > self.threshold)
    }

    /// Accounts for `n` more bytes owned by an existing object (a list that
    /// grew). Returns whether the collection threshold has been passed.
    #[inline]
    pub fn note_growth(&mut self, n: usize) -> bool {
        self.bytes += n;
        self.big_since |= n >= BIG_STEP;
        self.bytes > self.threshold
    }

    /// Estimated bytes in use.
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    /// Number of objects currently allocated (live or not yet collected).
    pub fn object_count(&self) -> usize {
        self.objects.len()
    }

    /// Number of collections run so far.
    pub fn collections(&self) -> u64 {
        self.collections
    }

    /// Mark and sweep. `roots` marks everything the VM holds directly.
    /// The mark phase calls `stop` now and then; when it says yes, the
    /// collection is abandoned with nothing freed and `collect` returns
    /// false.
    ///
    /// # Safety
    /// Every `Gc` handle that will be used after this call must be reachable
    /// from what `roots` marks.
    pub unsafe fn collect(
        &mut self,
        roots: impl FnOnce(&mut Tracer),
        stop: &dyn Fn() -> bool,
    ) -> bool {
        let epoch = self.epoch;
        let mut tracer = Tracer {
            gray: Vec::new(),
            live_bytes: 0,
            epoch,
            until_poll: MARK_POLL_EVERY,
            stop,
            stopped: false,
        };
        roots(&mut tracer);
        let mut big_live = false;
        while let Some(h) = tracer.gray.pop() {
            // SAFETY: `h` was marked from a live handle.
            let vt = unsafe { h.as_ref() }.vtable;
            unsafe { (vt.trace)(h, &mut tracer) };
            let bytes = unsafe { (vt.bytes)(h) };
            tracer.live_bytes += bytes;
            big_live |= bytes >= RELEASE_APART;
            // A stop seen inside a `trace` shows here at the next poll;
            // meanwhile every `values` returns at once.
            if tracer.tick(1) {
                self.abandon_marks();
                return false;
            }
        }
        if tracer.stopped {
            self.abandon_marks();
            return false;
        }
        let look_for_big = std::mem::replace(&mut self.big_since, big_live);
        let n = self.objects.len();
        let objects = self.objects.as_mut_ptr();
        let mut kept = 0;
        for i in 0..n {
            // SAFETY: `kept <= i < n`, inside the vector; every entry is a
            // box this heap allocated and has not freed yet.
            let h = unsafe { *objects.add(i) };
            let header = unsafe { h.as_ref() };
            if header.mark.get() == epoch {
                header.mark.set(0);
                unsafe { *objects.add(kept) = h };
                kept += 1;
            } else if look_for_big && has_big_buffer(h) {
                self.dying.push(h);
            } else {
                unsafe { Heap::free_box(&mut self.pool, h) };
            }
        }
        self.objects.truncate(kept);
        self.bytes = tracer.live_bytes;
        self.threshold = (tracer.live_bytes * 2).max(MIN_THRESHOLD);
        if let Some(l) = self.limit {
            self.threshold = self.threshold.min(l);
        }
        self.collections += 1;
        // Every mark is 0 again: stale epochs of abandoned collections were
        // either reset above or dropped with their boxes.
        self.epoch = 1;
        true
    }

    /// Drops the box `h` and takes its block back.
    ///
    /// # Safety
    /// `h` is a box of this heap, dead, and dropped only here.
    unsafe fn free_box(pool: &mut [Vec<NonNull<u8>>], h: NonNull<Header>) {
        let vtable = unsafe { h.as_ref() }.vtable;
        unsafe { (vtable.drop)(h) };
        Heap::release(pool, vtable.class, h.cast());
    }

    /// Frees the big objects the last collections found dead, giving their
    /// buffers' pages back piece by piece first. Returns false when `stop`
    /// said so: the rest waits for the next call (or the heap's drop).
    pub fn release_dying(&mut self, stop: &dyn Fn() -> bool) -> bool {
        while let Some(&h) = self.dying.last() {
            // SAFETY: boxes in `dying` are dead but not yet dropped.
            let buffer = unsafe { h.as_ref() }.vtable.buffer;
            if let Some((ptr, len)) = buffer.and_then(|b| unsafe { b(h) }) {
                if !crate::pages::release_pages(ptr, len, stop) {
                    return false;
                }
            }
            self.dying.pop();
            unsafe { Heap::free_box(&mut self.pool, h) };
        }
        true
    }

    /// After an abandoned mark phase: the next collection uses a new epoch,
    /// so this one's marks count for nothing. Only when the epochs run out
    /// (255 abandoned in a row) are the marks cleared by hand.
    fn abandon_marks(&mut self) {
        if self.epoch == u8::MAX {
            for &h in &self.objects {
                // SAFETY: every entry is a live box of this heap.
                unsafe { h.as_ref() }.mark.set(0);
            }
            self.epoch = 1;
        } else {
            self.epoch += 1;
        }
    }

    /// A soft kill is unwinding the guest toward the host, which wants the
    /// run back promptly: let the heap grow to twice the threshold before
    /// the next collection. Returns whether a collection is still due.
    /// The heap limit still caps the threshold.
    pub fn defer_collection(&mut self) -> bool {
        self.threshold = self.threshold.saturating_mul(2);
        if let Some(l) = self.limit {
            self.threshold = self.threshold.min(l);
        }
        self.bytes > self.threshold
    }
}

impl Drop for Heap {
    fn drop(&mut self) {
        for &h in self.objects.iter().chain(&self.dying) {
            // SAFETY: the heap owns every box in `objects`; nothing can use
            // them once the heap (and so the VM) is gone.
            unsafe {
                let class = h.as_ref().vtable.class;
                (h.as_ref().vtable.drop)(h);
                if class > POOLED_CLASSES {
                    std::alloc::dealloc(h.as_ptr().cast(), Self::block_layout(class));
                }
            }
        }
        for &c in &self.chunks {
            // SAFETY: every chunk came from `system_alloc` with this layout;
            // the boxes carved from it were dropped above.
            unsafe { std::alloc::dealloc(c.as_ptr(), Self::chunk_layout()) };
        }
    }
}

// SAFETY: a heap and all the handles into it move between threads together
// (a `Vm` is `Send`, never `Sync`); no handle is shared across threads.
unsafe impl Send for Heap {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::List;
    use crate::value::Value;

    #[test]
    fn an_abandoned_collection_frees_nothing_and_leaves_no_marks_that_count() {
        let mut heap = Heap::new();
        let leaf = heap.alloc(List::new(Vec::new())).0;
        let inner = heap.alloc(List::new(vec![Value::List(leaf)])).0;
        // Long enough that the mark phase asks to stop inside it, after
        // `inner` is marked and before `leaf` is.
        let root = heap.alloc(List::new(vec![Value::List(inner); 100_000])).0;
        let _garbage = heap.alloc(List::new(vec![Value::Int(1)])).0;
        // More abandoned collections than there are epochs.
        for _ in 0..600 {
            // SAFETY: `root` reaches every handle used below.
            let done = unsafe { heap.collect(|t| t.mark(root), &|| true) };
            assert!(!done);
            assert_eq!(heap.object_count(), 4);
        }
        // A mark left by an abandoned collection counting as live would
        // keep `inner` from being traced, and `leaf` would be freed.
        for _ in 0..2 {
            let done = unsafe { heap.collect(|t| t.mark(root), &|| false) };
            assert!(done);
            assert_eq!(heap.object_count(), 3);
        }
        assert_eq!(heap.collections(), 2);
        assert_eq!(leaf.len(), 0);
        assert_eq!(inner.len(), 1);
    }

    #[test]
    fn big_dead_buffers_are_released_in_pieces_and_a_stop_keeps_the_rest() {
        let mut heap = Heap::new();
        let live = heap.alloc(List::new(vec![Value::Int(7); 10])).0;
        // 16 MB: 64 pieces.
        let _dead = heap.alloc(List::new(vec![Value::Int(1); 1 << 20])).0;
        let _dead_too = heap.alloc(List::new(vec![Value::Int(2); 1 << 20])).0;
        assert!(unsafe { heap.collect(|t| t.mark(live), &|| false) });
        assert_eq!(heap.object_count(), 1);
        assert_eq!(heap.dying.len(), 2);
        let asked = Cell::new(0);
        let stop_at_third = || {
            asked.set(asked.get() + 1);
            asked.get() == 3
        };
        assert!(!heap.release_dying(&stop_at_third));
        assert_eq!(heap.dying.len(), 2);
        assert!(heap.release_dying(&|| false));
        assert!(heap.dying.is_empty());
        assert_eq!(live.len(), 10);
        // Big at one collection, dead at the next, with no big allocation
        // in between: still set aside.
        let big = heap.alloc(List::new(vec![Value::Int(4); 1 << 20])).0;
        assert!(unsafe {
            heap.collect(
                |t| {
                    t.mark(live);
                    t.mark(big);
                },
                &|| false,
            )
        });
        assert!(unsafe { heap.collect(|t| t.mark(live), &|| false) });
        assert_eq!(heap.dying.len(), 1);
        assert!(heap.release_dying(&|| false));
        // One left dying when the heap goes is dropped with it.
        let _dead = heap.alloc(List::new(vec![Value::Int(3); 1 << 20])).0;
        assert!(unsafe { heap.collect(|t| t.mark(live), &|| false) });
        assert!(!heap.release_dying(&|| true));
        assert_eq!(heap.dying.len(), 1);
    }
}
