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
}

struct Header {
    marked: Cell<bool>,
    vtable: &'static VTable,
}

struct VTable {
    trace: unsafe fn(NonNull<Header>, &mut Tracer),
    /// Drops the value in place; the memory goes back to the heap's pool.
    drop: unsafe fn(NonNull<Header>),
    bytes: unsafe fn(NonNull<Header>) -> usize,
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

/// The mark phase's work list. Marking is iterative, so a million-long chain
/// of nested lists cannot overflow the Rust stack.
pub struct Tracer {
    gray: Vec<NonNull<Header>>,
    live_bytes: usize,
}

impl Tracer {
    /// Marks the object behind `gc` as live.
    #[inline]
    pub fn mark<T>(&mut self, gc: Gc<T>) {
        let h = gc.header();
        // SAFETY: every handle reachable from a root points at a live box.
        let header = unsafe { h.as_ref() };
        if !header.marked.get() {
            header.marked.set(true);
            self.gray.push(h);
        }
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
                    marked: Cell::new(false),
                    vtable: &VTableFor::<T>::VTABLE,
                },
                value,
            })
        };
        self.objects.push(ptr.cast());
        self.bytes += std::mem::size_of::<GcBox<T>>() + extra;
        (Gc { ptr }, self.bytes > self.threshold)
    }

    /// Accounts for `n` more bytes owned by an existing object (a list that
    /// grew). Returns whether the collection threshold has been passed.
    #[inline]
    pub fn note_growth(&mut self, n: usize) -> bool {
        self.bytes += n;
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
    ///
    /// # Safety
    /// Every `Gc` handle that will be used after this call must be reachable
    /// from what `roots` marks.
    pub unsafe fn collect(&mut self, roots: impl FnOnce(&mut Tracer)) {
        let mut tracer = Tracer {
            gray: Vec::new(),
            live_bytes: 0,
        };
        roots(&mut tracer);
        while let Some(h) = tracer.gray.pop() {
            // SAFETY: `h` was marked from a live handle.
            let vt = unsafe { h.as_ref() }.vtable;
            unsafe { (vt.trace)(h, &mut tracer) };
            tracer.live_bytes += unsafe { (vt.bytes)(h) };
        }
        let pool = &mut self.pool;
        self.objects.retain(|&h| {
            // SAFETY: every entry is a box this heap allocated and has not
            // freed yet.
            let header = unsafe { h.as_ref() };
            if header.marked.get() {
                header.marked.set(false);
                true
            } else {
                let class = header.vtable.class;
                unsafe { (header.vtable.drop)(h) };
                Heap::release(pool, class, h.cast());
                false
            }
        });
        self.bytes = tracer.live_bytes;
        self.threshold = (tracer.live_bytes * 2).max(MIN_THRESHOLD);
        if let Some(l) = self.limit {
            self.threshold = self.threshold.min(l);
        }
        self.collections += 1;
    }
}

impl Drop for Heap {
    fn drop(&mut self) {
        for &h in &self.objects {
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
