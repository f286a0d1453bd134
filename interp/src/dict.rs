//! The dict table (CPython's compact dict): a dense, insertion-ordered
//! entry vector plus a sparse open-addressing index probed with CPython's
//! perturbation scheme. Also the hash and key-equality rules for builtin
//! keys: numbers hash by value (so `1`, `1.0` and `True` are one key), with
//! CPython's exact hash algorithms so `hash()` agrees with it.

use crate::gc::Tracer;
use crate::value::Value;

const EMPTY: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;
const MIN_INDEX: usize = 8;

#[derive(Clone, Copy)]
struct Entry {
    hash: u64,
    /// `Undef` for a deleted entry.
    key: Value,
    value: Value,
}

/// An insertion-ordered hash table from values to values.
#[derive(Default, Clone)]
pub struct DictTable {
    indices: Vec<u32>,
    entries: Vec<Entry>,
    len: usize,
    /// Index slots that are not `EMPTY` (live and `DUMMY`): what bounds
    /// probing, since a lookup stops only at an `EMPTY` slot. Deleted
    /// entries popped off the end leave their `DUMMY` behind, so this can
    /// exceed `entries.len()`.
    filled: usize,
}

/// Outcome of hashing a key.
pub enum KeyHash {
    /// Hashable, with this hash.
    Hash(u64),
    /// Not hashable: the offending value, for the `TypeError`.
    Unhashable(Value),
    /// Hash is defined by guest code (`__hash__`); the VM must compute it.
    Guest,
    /// Nested too deeply to hash.
    TooDeep,
}

impl DictTable {
    /// An empty table.
    pub fn new() -> DictTable {
        DictTable::default()
    }

    /// An empty table with room for `n` entries.
    pub fn with_capacity(n: usize) -> DictTable {
        let mut t = DictTable::new();
        if n > 0 {
            t.indices = vec![EMPTY; index_size_for(n)];
            t.entries.reserve(n);
        }
        t
    }

    /// Number of live entries.
    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    /// `len() == 0`.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Bytes owned outside the dict object.
    pub fn heap_bytes(&self) -> usize {
        self.indices.capacity() * 4 + self.entries.capacity() * std::mem::size_of::<Entry>()
    }

    /// Finds the entry index of `key`.
    #[inline]
    fn find(&self, hash: u64, key: Value) -> Option<usize> {
        if self.indices.is_empty() {
            return None;
        }
        let mask = self.indices.len() - 1;
        let mut perturb = hash;
        let mut i = (hash as usize) & mask;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return None;
            }
            if ix != DUMMY {
                let e = &self.entries[ix as usize];
                if e.hash == hash && key_eq(e.key, key) {
                    return Some(ix as usize);
                }
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
    }

    /// The value for `key`.
    #[inline]
    pub fn get(&self, hash: u64, key: Value) -> Option<Value> {
        self.find(hash, key).map(|i| self.entries[i].value)
    }

    /// Whether `key` is present.
    pub fn contains(&self, hash: u64, key: Value) -> bool {
        self.find(hash, key).is_some()
    }

    /// Inserts or replaces; returns the previous value. Returns the number
    /// of bytes the table grew by in the second component.
    pub fn insert(&mut self, hash: u64, key: Value, value: Value) -> (Option<Value>, usize) {
        if let Some(i) = self.find(hash, key) {
            let old = self.entries[i].value;
            self.entries[i].value = value;
            return (Some(old), 0);
        }
        let before = self.heap_bytes();
        if self.needs_rebuild() {
            self.rebuild(self.len + 1);
        }
        let cap = self.entries.capacity();
        if self.entries.len() == cap && cap >= crate::gc::GENTLE_GROWTH_FROM {
            // See `GENTLE_GROWTH_FROM`.
            self.entries.reserve_exact(cap / 8);
        }
        let ix = self.entries.len() as u32;
        self.entries.push(Entry { hash, key, value });
        self.len += 1;
        let mask = self.indices.len() - 1;
        let mut perturb = hash;
        let mut i = (hash as usize) & mask;
        loop {
            let slot = self.indices[i];
            if slot == EMPTY || slot == DUMMY {
                self.filled += (slot == EMPTY) as usize;
                self.indices[i] = ix;
                break;
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
        (None, self.heap_bytes().saturating_sub(before))
    }

    fn needs_rebuild(&self) -> bool {
        (self.filled + 1) * 3 > self.indices.len() * 2
    }

    /// At most how many bytes inserting a new key would add to the table,
    /// so the VM can check the heap limit before a large table grows.
    pub fn insert_growth(&self) -> usize {
        let mut n = 0;
        let cap = self.entries.capacity();
        if self.entries.len() == cap {
            let more = if cap >= crate::gc::GENTLE_GROWTH_FROM {
                cap / 8
            } else {
                cap.max(4)
            };
            n += more * std::mem::size_of::<Entry>();
        }
        if self.needs_rebuild() {
            n += index_size_for(self.len + 1) * 4;
        }
        n
    }

    /// Removes `key`; returns its key and value.
    pub fn remove(&mut self, hash: u64, key: Value) -> Option<(Value, Value)> {
        let ix = self.find(hash, key)?;
        let mask = self.indices.len() - 1;
        let mut perturb = hash;
        let mut i = (hash as usize) & mask;
        while self.indices[i] != ix as u32 {
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
        self.indices[i] = DUMMY;
        let e = self.entries[ix];
        self.entries[ix].key = Value::Undef;
        self.entries[ix].value = Value::Undef;
        self.len -= 1;
        // Trailing deleted entries can go at once, which keeps `popitem` and
        // repeated delete/insert of the last key from growing the vector.
        while matches!(self.entries.last(), Some(e) if e.key.is_undef()) {
            self.entries.pop();
        }
        Some((e.key, e.value))
    }

    /// Removes and returns the last-inserted entry.
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        let (hash, key) = self
            .entries
            .iter()
            .rev()
            .find(|e| !e.key.is_undef())
            .map(|e| (e.hash, e.key))?;
        self.remove(hash, key)
    }

    /// Removes everything.
    pub fn clear(&mut self) {
        self.indices.clear();
        self.entries.clear();
        self.len = 0;
        self.filled = 0;
    }

    /// The live entry at or after position `pos`, with its position.
    /// Positions are stable until the table is resized.
    #[inline]
    pub fn next_entry(&self, mut pos: usize) -> Option<(usize, Value, Value)> {
        while let Some(e) = self.entries.get(pos) {
            if !e.key.is_undef() {
                return Some((pos, e.key, e.value));
            }
            pos += 1;
        }
        None
    }

    /// Live keys in order.
    pub fn keys(&self) -> Vec<Value> {
        self.entries
            .iter()
            .filter(|e| !e.key.is_undef())
            .map(|e| e.key)
            .collect()
    }

    /// Live values in order.
    pub fn values(&self) -> Vec<Value> {
        self.entries
            .iter()
            .filter(|e| !e.key.is_undef())
            .map(|e| e.value)
            .collect()
    }

    /// Live `(key, value)` pairs in order.
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.entries
            .iter()
            .filter(|e| !e.key.is_undef())
            .map(|e| (e.key, e.value))
            .collect()
    }

    /// Live `(hash, key, value)` triples in order.
    pub fn hashed_items(&self) -> Vec<(u64, Value, Value)> {
        self.entries
            .iter()
            .filter(|e| !e.key.is_undef())
            .map(|e| (e.hash, e.key, e.value))
            .collect()
    }

    /// Marks keys and values.
    pub fn trace(&self, t: &mut Tracer) {
        for e in &self.entries {
            t.value(e.key);
            t.value(e.value);
        }
    }

    fn rebuild(&mut self, min_len: usize) {
        self.entries.retain(|e| !e.key.is_undef());
        let size = index_size_for(min_len.max(self.len));
        self.indices.clear();
        self.indices.resize(size, EMPTY);
        let mask = size - 1;
        for (ix, e) in self.entries.iter().enumerate() {
            let mut perturb = e.hash;
            let mut i = (e.hash as usize) & mask;
            while self.indices[i] != EMPTY {
                perturb >>= 5;
                i = (i
                    .wrapping_mul(5)
                    .wrapping_add(perturb as usize)
                    .wrapping_add(1))
                    & mask;
            }
            self.indices[i] = ix as u32;
        }
        self.filled = self.entries.len();
    }
}

fn index_size_for(n: usize) -> usize {
    // Keep the index at most two-thirds full, with room to grow (CPython's
    // GROWTH_RATE of used*3).
    (n * 3).next_power_of_two().max(MIN_INDEX)
}

/// Key equality for dict lookups of builtin values: identity, or equal
/// numbers, or equal strings, or equal tuples of such. Instances compare by
/// identity here (the VM handles `__eq__` before reaching the table).
pub fn key_eq(a: Value, b: Value) -> bool {
    use Value::*;
    match (a, b) {
        (Str(x), Str(y)) => {
            crate::gc::Gc::ptr_eq(x, y) || (x.hash() == y.hash() && x.as_str() == y.as_str())
        }
        (Int(x), Int(y)) => x == y,
        (Int(x), Float(y)) | (Float(y), Int(x)) => int_float_eq(x, y),
        (Float(x), Float(y)) => x == y || x.to_bits() == y.to_bits(),
        (Bool(x), Bool(y)) => x == y,
        (Bool(x), Int(y)) | (Int(y), Bool(x)) => x as i64 == y,
        (Bool(x), Float(y)) | (Float(y), Bool(x)) => (x as i64 as f64) == y,
        (Tuple(x), Tuple(y)) => {
            crate::gc::Gc::ptr_eq(x, y)
                || (x.len() == y.len()
                    && x.items().iter().zip(y.items()).all(|(&p, &q)| key_eq(p, q)))
        }
        _ => a.is(b),
    }
}

/// Exact comparison of an int and a float (no rounding of the int).
pub fn int_float_eq(i: i64, f: f64) -> bool {
    if !f.is_finite() || f.fract() != 0.0 {
        return false;
    }
    if f >= 9.223372036854775808e18 || f < -9.223372036854775808e18 {
        return false;
    }
    f as i64 == i
}

const MODULUS: u64 = (1 << 61) - 1;

/// CPython's `hash()` of an int.
pub fn hash_int(i: i64) -> i64 {
    let mut x = (i.unsigned_abs() % MODULUS) as i64;
    if i < 0 {
        x = -x;
    }
    if x == -1 {
        -2
    } else {
        x
    }
}

/// CPython's `hash()` of a float (NaN hashes to 0 here; CPython uses the
/// object's address, which an unboxed float does not have).
pub fn hash_float(v: f64) -> i64 {
    if v.is_nan() {
        return 0;
    }
    if v.is_infinite() {
        return if v > 0.0 { 314159 } else { -314159 };
    }
    let (mut m, mut e) = frexp(v);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (61 - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 {
        e % 61
    } else {
        61 - 1 - ((-1 - e) % 61)
    } as u32;
    x = ((x << e) & MODULUS) | (x >> (61 - e));
    let r = (x as i64) * sign;
    if r == -1 {
        -2
    } else {
        r
    }
}

/// `frexp`: `v == m * 2**e` with `0.5 <= |m| < 1` (for finite non-zero `v`).
pub fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp(v * 2f64.powi(64));
        return (m, e - 64);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, e)
}

/// CPython's tuple hash (xxHash-based) over item hashes.
pub fn hash_tuple(items: impl ExactSizeIterator<Item = i64>) -> i64 {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let len = items.len() as u64;
    let mut acc = P5;
    for lane in items {
        acc = acc.wrapping_add((lane as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add(len ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        1546275796
    } else {
        acc as i64
    }
}

/// The Python-level hash of a builtin value, or why there is none.
pub fn hash_value(v: Value) -> Result<i64, KeyHash> {
    hash_depth(v, 0)
}

/// Deepest tuple nesting hashed before giving up (`KeyHash::TooDeep`), so
/// hashing cannot overflow the Rust stack.
const MAX_HASH_DEPTH: usize = 1000;

fn hash_depth(v: Value, depth: usize) -> Result<i64, KeyHash> {
    use Value::*;
    if depth > MAX_HASH_DEPTH {
        return Err(KeyHash::TooDeep);
    }
    Ok(match v {
        Int(i) => hash_int(i),
        Bool(b) => b as i64,
        Float(f) => hash_float(f),
        Str(s) => s.hash() as i64,
        None => 0x5f3759df,
        Tuple(t) => {
            let mut hs = Vec::with_capacity(t.len());
            for &x in t.items() {
                hs.push(hash_depth(x, depth + 1)?);
            }
            hash_tuple(hs.into_iter())
        }
        List(_) | Dict(_) | Slice(_) | DictView(_) => return Err(KeyHash::Unhashable(v)),
        Instance(i) => {
            match i.class.lookup(crate::intern::sym::HASH) {
                // `__hash__ = None` in the class body.
                Some(Value::None) if i.class.user_defined => return Err(KeyHash::Unhashable(v)),
                Some(_) if i.class.user_defined => return Err(KeyHash::Guest),
                _ => {}
            }

            if i.class.user_defined && i.class.lookup(crate::intern::sym::EQ).is_some() {
                // Defining __eq__ without __hash__ makes instances unhashable.
                return Err(KeyHash::Unhashable(v));
            }
            (v.heap_addr().unwrap_or(0) >> 4) as i64
        }
        other => (other.heap_addr().unwrap_or(0) >> 4) as i64,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_match_cpython() {
        assert_eq!(hash_int(-1), -2);
        assert_eq!(hash_int(1 << 61), 1);
        assert_eq!(hash_float(1.5), 1152921504606846977);
        assert_eq!(hash_float(-0.5), -1152921504606846976);
        assert_eq!(hash_float(1e300), 1224995262755759164);
        assert_eq!(hash_float(3.0), 3);
        assert_eq!(hash_tuple([1, 2].into_iter()), -3550055125485641917);
        assert_eq!(hash_tuple([].into_iter()), 5740354900026072187);
    }

    #[test]
    fn churn_of_distinct_keys_never_fills_the_index_with_dummies() {
        // Insert a new key, delete it, repeat: every deletion leaves a
        // DUMMY slot (the entry itself is popped); without counting them a
        // lookup would eventually probe forever.
        let mut t = DictTable::new();
        t.insert(7, Value::Int(7), Value::None);
        for k in 0..100_000i64 {
            t.insert(k as u64 * 31 + 1000, Value::Int(k + 1000), Value::None);
            t.remove(k as u64 * 31 + 1000, Value::Int(k + 1000));
            assert!(t.contains(7, Value::Int(7)));
        }
        assert!(!t.contains(5, Value::Int(5)));
        assert!(
            t.indices.len() <= 16,
            "the index grew to {}",
            t.indices.len()
        );
    }

    #[test]
    fn insert_remove_keeps_order() {
        let mut t = DictTable::new();
        for i in 0..100 {
            t.insert(hash_int(i) as u64, Value::Int(i), Value::Int(i * 2));
        }
        for i in (0..100).step_by(2) {
            assert!(t.remove(hash_int(i) as u64, Value::Int(i)).is_some());
        }
        t.insert(hash_int(0) as u64, Value::Int(0), Value::Int(0));
        let keys: Vec<i64> = t
            .keys()
            .into_iter()
            .map(|k| match k {
                Value::Int(i) => i,
                _ => unreachable!(),
            })
            .collect();
        let mut want: Vec<i64> = (1..100).step_by(2).collect();
        want.push(0);
        assert_eq!(keys, want);
        assert_eq!(
            t.get(hash_int(51) as u64, Value::Int(51))
                .map(|v| matches!(v, Value::Int(102))),
            Some(true)
        );
        assert_eq!(t.len(), 51);
    }
}
