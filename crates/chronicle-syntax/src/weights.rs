//! The compact run-time weights of the averaged perceptron (the training table is in
//! [`crate::perceptron`]).
//!
//! Both the tagger and the parser are linear models over hashed features. At save time
//! weights are averaged, entries with a negligible average are pruned, and the rest are
//! quantized to f16; at load they are widened back to f32 into an open-addressing table so
//! scoring does no conversions.

use chronicle_doc::DataError;
use half::f16;

use crate::format::{Reader, Writer};

/// Marks a slot whose row does not fit inline (see [`Slot`]).
const OVERFLOW: u16 = u16::MAX;
const SPARSE: u16 = 0;
const DENSE: u16 = 1;
/// Rows with at least `n_classes / DENSE_FRACTION` entries are stored densely.
const DENSE_FRACTION: usize = 4;

/// One feature of the run-time table, 16 bytes (four to a cache line).
///
/// Most features keep weights for one or two classes only (84 % of both shipped models), so
/// those rows live in the slot itself and a lookup costs one cache miss instead of two:
///
/// * one entry: `class = [c, c]`, `w = [w, 0.0]` (adding `0.0` changes no sum, so scoring
///   needs no branch on the length);
/// * two entries: `class = [c0, c1]` (distinct), `w = [w0, w1]`;
/// * longer rows: `class[0] = OVERFLOW`. With `class[1] = SPARSE`, `w` holds the bits of the
///   row's start and length in `Weights::entries`; with `class[1] = DENSE` (rows of at least
///   `n_classes / DENSE_FRACTION` entries: the bias and frequent tag features, which nearly
///   every lookup hits), `w[0]` holds the bits of the row's number in `Weights::dense`, where
///   it is stored as all `n_classes` weights, zeros included, and added with vector
///   instructions. Adding `0.0` changes no sum, so both forms give the same scores.
///
/// `key == 0` marks an empty slot.
#[derive(Clone, Copy, Default, Debug, PartialEq)]
#[repr(C, align(16))]
struct Slot {
    key: u32,
    class: [u16; 2],
    w: [f32; 2],
}

impl Slot {
    fn new(key: u32, row: &[Entry], start: usize) -> Slot {
        match *row {
            [a] => Slot {
                key,
                class: [a.class as u16, a.class as u16],
                w: [a.w, 0.0],
            },
            [a, b] if a.class != b.class => Slot {
                key,
                class: [a.class as u16, b.class as u16],
                w: [a.w, b.w],
            },
            _ => Slot {
                key,
                class: [OVERFLOW, SPARSE],
                w: [f32::from_bits(start as u32), f32::from_bits(row.len() as u32)],
            },
        }
    }

    fn dense(key: u32, number: usize) -> Slot {
        Slot {
            key,
            class: [OVERFLOW, DENSE],
            w: [f32::from_bits(number as u32), 0.0],
        }
    }

    /// The range of an overflow row in `entries`.
    #[inline(always)]
    fn range(&self) -> std::ops::Range<usize> {
        let start = self.w[0].to_bits() as usize;
        start..start + self.w[1].to_bits() as usize
    }
}

/// Asks the CPU to start loading `x` into cache (a hint only; no effect on results).
#[inline(always)]
fn prefetch<T: ?Sized>(x: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: prefetching never faults and has no observable effect besides timing; the
    // pointer comes from a live reference.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>((x as *const T).cast::<i8>());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = x;
}

/// The 32-bit key a 64-bit feature hash is stored under (never 0, which marks empty slots).
#[inline]
fn short_key(k: u64) -> u32 {
    ((k >> 32) as u32).max(1)
}

/// Home slot of a short key among `buckets`: a multiply-shift range reduction, which is
/// monotonic in the key (its bits are already well mixed), so a table filled in key order is
/// sorted and a probe can stop at the first larger key.
#[inline(always)]
fn home(k: u32, buckets: u64) -> usize {
    ((u64::from(k) * buckets) >> 32) as usize
}

/// A zeroed vector of `n` items whose memory the kernel is asked to back with huge pages.
///
/// Lookups land on random cache lines of tables of tens of megabytes; with 4 KiB pages
/// nearly every one also misses the TLB and pays a page walk. Only a hint: where
/// transparent huge pages are off, nothing changes.
fn huge_vec<T: Copy + Default>(n: usize) -> Vec<T> {
    let mut v: Vec<T> = Vec::with_capacity(n);
    #[cfg(target_os = "linux")]
    {
        const MADV_HUGEPAGE: i32 = 14;
        extern "C" {
            fn madvise(addr: *mut std::ffi::c_void, len: usize, advice: i32) -> i32;
        }
        let bytes = n * std::mem::size_of::<T>();
        if bytes >= 1 << 21 {
            // madvise needs a page-aligned start: advise the whole pages inside the buffer.
            let addr = v.as_mut_ptr() as usize;
            let start = addr.next_multiple_of(4096);
            let end = (addr + bytes) & !4095;
            if end > start {
                // SAFETY: the range lies inside an allocation this function owns; MADV_HUGEPAGE
                // changes no contents and its result is ignored (it is a hint).
                unsafe {
                    madvise(start as *mut std::ffi::c_void, end - start, MADV_HUGEPAGE);
                }
            }
        }
    }
    v.resize(n, T::default());
    v
}

/// `scores[i] += row[i]` for every class: element-wise, so vector width does not change
/// any result.
#[inline(always)]
fn add_dense(scores: &mut [f32], row: &[f32]) {
    for (s, w) in scores.iter_mut().zip(row) {
        *s += *w;
    }
}

/// Vector instructions the CPU offers for [`Weights::score`].
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Simd {
    None,
    #[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
    Avx2,
    #[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
    Avx512,
}

impl Simd {
    fn detect() -> Simd {
        #[cfg(target_arch = "x86_64")]
        {
            if std::is_x86_feature_detected!("avx512f") {
                return Simd::Avx512;
            }
            if std::is_x86_feature_detected!("avx2") {
                return Simd::Avx2;
            }
        }
        Simd::None
    }
}

/// Slots per feature: a load factor of 0.6 keeps probe runs within about one cache line.
const SLOTS_PER_FEATURE: f64 = 1.0 / 0.6;
/// Empty slots after the last home position, so probes and prefetches never wrap or run off.
const TAIL: usize = 8;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Entry {
    class: u32,
    w: f32,
}

/// Run-time weights: immutable, shared by every thread.
///
/// An open-addressing table of [`Slot`]s with linear probing, filled in ascending key order:
/// the slots are therefore sorted by key, and a lookup stops at an empty slot or a larger key.
/// Rows of more than two classes are stored contiguously in `entries`.
pub struct Weights {
    pub n_classes: usize,
    simd: Simd,
    buckets: u64,
    slots: Vec<Slot>,
    entries: Vec<Entry>,
    /// Dense rows, `stride` floats each (`n_classes` weights, then padding).
    dense: Vec<f32>,
    stride: usize,
    /// Each dense row's entries as read, for [`Weights::write`].
    dense_rows: Vec<Vec<Entry>>,
    n_features: usize,
    n_entries: usize,
    /// Up to this many rows, scores are sums without rounding (see [`max_exact`]).
    max_exact: usize,
}

/// How many rows can be added in any order with the same result, bit for bit, as in
/// feature order.
///
/// When every weight is a multiple of `2^-q` and at most `m` in magnitude, any partial sum
/// of up to `n` rows is a multiple of `2^-q` of magnitude at most `n·m`; while
/// `n·m ≤ 2^(24-q)` every such number is an f32 (24-bit significand), so no addition rounds
/// and every order gives the exact sum. (Sums start at `+0.0` and no weight is zero, so no
/// `-0.0` arises either.) The shipped parser's weights are multiples of `2^-10` of magnitude
/// at most 84.4: up to 194 rows, against its 80 features; the tagger's finer weights allow
/// only 7.
fn max_exact(flat: &[Entry]) -> usize {
    let mut q = 0i32;
    let mut m = 0f32;
    for e in flat {
        if !e.w.is_finite() || e.w == 0.0 {
            return 0;
        }
        m = m.max(e.w.abs());
        // The weight's lowest set bit: its exponent plus the significand's trailing zeros.
        let bits = e.w.to_bits();
        let exp = ((bits >> 23) & 0xff) as i32;
        let mant = if exp == 0 {
            bits & 0x7f_ffff
        } else {
            (bits & 0x7f_ffff) | 0x80_0000
        };
        let low = exp.max(1) - 127 - 23 + mant.trailing_zeros() as i32;
        q = q.max(-low);
    }
    if flat.is_empty() || q > 24 {
        return 0;
    }
    (2f64.powi(24 - q) / f64::from(m)).floor().min(1e9) as usize
}

impl Weights {
    /// Builds the table. Keys are cut to 32 bits (the file stores 4 bytes a feature instead
    /// of 8); the few training features that then collide have their weights summed.
    pub(crate) fn from_rows(n_classes: usize, rows: Vec<(u64, Vec<(u16, f32)>)>) -> Weights {
        let mut merged: Vec<(u32, Vec<(u16, f32)>)> = rows.into_iter().map(|(k, r)| (short_key(k), r)).collect();
        merged.sort_by_key(|r| r.0);
        let mut rows: Vec<(u32, Vec<(u16, f32)>)> = Vec::with_capacity(merged.len());
        for (k, r) in merged {
            match rows.last_mut() {
                Some(last) if last.0 == k => {
                    for (c, w) in r {
                        match last.1.iter_mut().find(|e| e.0 == c) {
                            Some(e) => e.1 += w,
                            None => last.1.push((c, w)),
                        }
                    }
                    last.1.sort_unstable_by_key(|e| e.0);
                }
                _ => rows.push((k, r)),
            }
        }
        let mut keys = Vec::with_capacity(rows.len());
        let mut lens = Vec::with_capacity(rows.len());
        let mut flat = Vec::new();
        for (k, r) in rows {
            keys.push(k);
            lens.push(r.len() as u32);
            flat.extend(r.into_iter().map(|(c, w)| Entry { class: u32::from(c), w }));
        }
        Weights::build(n_classes, &keys, &lens, &flat)
    }

    /// Builds the table from rows in strictly ascending key order: `keys[i]` (non-zero) has
    /// the next `lens[i]` entries of `flat`.
    fn build(n_classes: usize, keys: &[u32], lens: &[u32], flat: &[Entry]) -> Weights {
        debug_assert!(keys.windows(2).all(|w| w[0] < w[1]) && keys.first().is_none_or(|&k| k != 0));
        let buckets = ((keys.len() as f64 * SLOTS_PER_FEATURE) as u64).max(16);
        // Where the last row lands (linear probing may push it past its home), so the table
        // is allocated once at its final size: growing it later would copy it into memory
        // without the huge-page advice.
        let last = keys.iter().fold(0usize, |next, &k| home(k, buckets).max(next) + 1);
        let mut slots = huge_vec::<Slot>((buckets as usize).max(last) + TAIL);
        let stride = n_classes.next_multiple_of(16);
        let dense_min = (n_classes / DENSE_FRACTION).max(3);
        let n_dense = lens.iter().filter(|&&l| l as usize >= dense_min).count();
        let n_sparse: usize = lens
            .iter()
            .filter(|&&l| l > 2 && (l as usize) < dense_min)
            .map(|&l| l as usize)
            .sum();
        let mut entries = huge_vec::<Entry>(n_sparse);
        entries.clear();
        let mut dense = huge_vec::<f32>(n_dense * stride);
        dense.clear();
        let mut dense_rows = Vec::with_capacity(n_dense);
        let mut next = 0usize;
        let mut at = 0usize;
        for (&key, &len) in keys.iter().zip(lens) {
            let row = &flat[at..at + len as usize];
            at += len as usize;
            let pos = home(key, buckets).max(next);
            debug_assert!(pos + TAIL < slots.len());
            let distinct = row.len() <= 2 || {
                let mut cs: Vec<u32> = row.iter().map(|e| e.class).collect();
                cs.sort_unstable();
                cs.windows(2).all(|w| w[0] != w[1])
            };
            // Duplicate classes (never written by training) keep the sparse form, which adds
            // them one by one like a plain loop.
            let slot = if row.len() >= dense_min && distinct {
                let mut d = vec![0.0f32; stride];
                for e in row {
                    d[e.class as usize] = e.w;
                }
                dense.extend_from_slice(&d);
                dense_rows.push(row.to_vec());
                Slot::dense(key, dense_rows.len() - 1)
            } else {
                let slot = Slot::new(key, row, entries.len());
                if slot.class[0] == OVERFLOW {
                    entries.extend_from_slice(row);
                }
                slot
            };
            slots[pos] = slot;
            next = pos + 1;
        }
        Weights {
            n_classes,
            simd: Simd::detect(),
            buckets,
            slots,
            entries,
            dense,
            stride,
            dense_rows,
            n_features: keys.len(),
            n_entries: flat.len(),
            max_exact: max_exact(flat),
        }
    }

    /// The row of one slot, as (class, weight) pairs.
    fn row(&self, s: &Slot) -> Vec<Entry> {
        if s.class[0] == OVERFLOW && s.class[1] == DENSE {
            self.dense_rows[s.w[0].to_bits() as usize].clone()
        } else if s.class[0] == OVERFLOW {
            self.entries[s.range()].to_vec()
        } else if s.class[0] == s.class[1] {
            vec![Entry {
                class: u32::from(s.class[0]),
                w: s.w[0],
            }]
        } else {
            (0..2)
                .map(|i| Entry {
                    class: u32::from(s.class[i]),
                    w: s.w[i],
                })
                .collect()
        }
    }

    /// Adds the weights of `feats` to `scores` (length at least `n_classes`), feature by
    /// feature in the order given (so every sum is rounded exactly as a plain loop would).
    ///
    /// The tables are larger than the CPU's private caches, so scoring is bound by memory
    /// latency. Lookups run in three passes over a block of features — prefetch the home
    /// slots, probe them (prefetching the few out-of-line rows), then add — so the cache
    /// misses of one feature overlap those of the others instead of being paid in turn.
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        #[cfg(target_arch = "x86_64")]
        if self.simd == Simd::Avx512 {
            // SAFETY: `simd` is only set when the CPU reports AVX-512F (checked at load).
            return unsafe { self.score_avx512(feats, scores) };
        } else if self.simd == Simd::Avx2 {
            // SAFETY: as above, for AVX2.
            return unsafe { self.score_avx2(feats, scores) };
        }
        self.score_generic(feats, scores)
    }

    /// [`Weights::score`] compiled for AVX-512: only the dense-row additions use it, and they
    /// are element-wise, so the results are bit-identical to the plain build.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512f")]
    unsafe fn score_avx512(&self, feats: &[u64], scores: &mut [f32]) {
        self.score_generic(feats, scores)
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn score_avx2(&self, feats: &[u64], scores: &mut [f32]) {
        self.score_generic(feats, scores)
    }

    #[inline(always)]
    fn score_generic(&self, feats: &[u64], scores: &mut [f32]) {
        const BLOCK: usize = 128;
        let width = self.row_width(scores.len());
        let scores = &mut scores[..width];
        let mut idx = [0usize; BLOCK];
        let mut hits = [Slot::default(); BLOCK];
        for block in feats.chunks(BLOCK) {
            for (i, &f) in block.iter().enumerate() {
                let h = home(short_key(f), self.buckets);
                idx[i] = h;
                prefetch(&self.slots[h]);
            }
            let mut n = 0;
            for (i, &f) in block.iter().enumerate() {
                if let Some(s) = self.probe(short_key(f), idx[i]) {
                    if s.class[0] == OVERFLOW && s.class[1] == SPARSE {
                        // Long rows span several cache lines (8 entries each).
                        for e in self.entries[s.range()].iter().step_by(8) {
                            prefetch(e);
                        }
                    }
                    hits[n] = s;
                    n += 1;
                }
            }
            for s in &hits[..n] {
                if s.class[0] != OVERFLOW {
                    scores[s.class[0] as usize] += s.w[0];
                    scores[s.class[1] as usize] += s.w[1];
                } else if s.class[1] == DENSE {
                    let at = s.w[0].to_bits() as usize * self.stride;
                    add_dense(scores, &self.dense[at..at + width]);
                } else {
                    for e in &self.entries[s.range()] {
                        scores[e.class as usize] += e.w;
                    }
                }
            }
        }
    }

    pub fn n_features(&self) -> usize {
        self.n_features
    }

    /// How many columns of a `len`-long scores buffer a lookup adds to: with room for the
    /// padding, dense rows are added whole (a multiple of 16 floats, no scalar remainder); the
    /// padding columns hold zeros and are never read as scores.
    #[inline(always)]
    fn row_width(&self, len: usize) -> usize {
        if len >= self.stride {
            self.stride
        } else {
            self.n_classes
        }
    }

    /// The slot holding `key`, probing from its home slot `from`: slots are sorted by key
    /// within a run, so the search stops at an empty slot or a larger key.
    #[inline(always)]
    fn probe(&self, key: u32, from: usize) -> Option<Slot> {
        let mut j = from;
        loop {
            let s = self.slots[j];
            if s.key == key {
                return Some(s);
            }
            if s.key == 0 || s.key > key {
                return None;
            }
            j += 1;
        }
    }

    /// [`Weights::score`] for callers that checked `feats.len() <= max_exact()` (so the
    /// order of additions does not matter): rows are added by kind — dense rows, then long
    /// rows, then inline ones — which saves mispredicted branches.
    #[inline]
    pub fn score_exact(&self, feats: &[u64], scores: &mut [f32]) {
        debug_assert!(feats.len() <= self.max_exact);
        #[cfg(target_arch = "x86_64")]
        if self.simd == Simd::Avx512 {
            // SAFETY: `simd` is only set when the CPU reports AVX-512F (checked at load).
            return unsafe { self.score_exact_avx512(feats, scores) };
        } else if self.simd == Simd::Avx2 {
            // SAFETY: as above, for AVX2.
            return unsafe { self.score_exact_avx2(feats, scores) };
        }
        self.score_exact_generic(feats, scores)
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512f")]
    unsafe fn score_exact_avx512(&self, feats: &[u64], scores: &mut [f32]) {
        self.score_exact_generic(feats, scores)
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn score_exact_avx2(&self, feats: &[u64], scores: &mut [f32]) {
        self.score_exact_generic(feats, scores)
    }

    #[inline(always)]
    fn score_exact_generic(&self, feats: &[u64], scores: &mut [f32]) {
        // Enough for the parser's largest list (54 features) in one block, and small enough
        // that zeroing the buffers below costs little.
        const BLOCK: usize = 64;
        let width = self.row_width(scores.len());
        let scores = &mut scores[..width];
        let mut idx = [0usize; BLOCK];
        // Dense row starts, long-row ranges (start, end) and inline slots, found in one pass.
        let mut dense = [0u32; BLOCK];
        let mut long = [(0u32, 0u32); BLOCK];
        let mut inline = [Slot::default(); BLOCK];
        for block in feats.chunks(BLOCK) {
            for (i, &f) in block.iter().enumerate() {
                let h = home(short_key(f), self.buckets);
                idx[i] = h;
                prefetch(&self.slots[h]);
            }
            let (mut nd, mut nl, mut ni) = (0, 0, 0);
            for (i, &f) in block.iter().enumerate() {
                let Some(s) = self.probe(short_key(f), idx[i]) else {
                    continue;
                };
                if s.class[0] != OVERFLOW {
                    inline[ni] = s;
                    ni += 1;
                } else if s.class[1] == DENSE {
                    dense[nd] = s.w[0].to_bits();
                    nd += 1;
                } else {
                    let r = s.range();
                    for e in self.entries[r.clone()].iter().step_by(8) {
                        prefetch(e);
                    }
                    long[nl] = (r.start as u32, r.end as u32);
                    nl += 1;
                }
            }
            for &d in &dense[..nd] {
                let at = d as usize * self.stride;
                add_dense(scores, &self.dense[at..at + width]);
            }
            for &(a, b) in &long[..nl] {
                for e in &self.entries[a as usize..b as usize] {
                    scores[e.class as usize] += e.w;
                }
            }
            for s in &inline[..ni] {
                scores[s.class[0] as usize] += s.w[0];
                scores[s.class[1] as usize] += s.w[1];
            }
        }
    }

    /// Up to how many rows (features found) scores are exact sums, so the same in any order
    /// of addition: callers may then add partial sums computed earlier.
    pub fn max_exact(&self) -> usize {
        self.max_exact
    }

    /// The best length for a `scores` buffer: `n_classes` rounded up for vector padding.
    /// [`Weights::score`] accepts any length of at least `n_classes`; only the first
    /// `n_classes` values are scores.
    pub fn score_len(&self) -> usize {
        self.stride
    }

    pub fn n_entries(&self) -> usize {
        self.n_entries
    }

    /// Serializes: features in key order, each with its (class, f16 weight) entries.
    pub fn write(&self, w: &mut Writer) {
        // The slots are sorted by key (see `build`).
        let used: Vec<(&Slot, Vec<Entry>)> = self
            .slots
            .iter()
            .filter(|s| s.key != 0)
            .map(|s| (s, self.row(s)))
            .collect();
        w.u32(self.n_classes as u32);
        w.u32(used.len() as u32);
        let wide = self.n_classes > 256;
        for (s, row) in &used {
            w.u32(s.key);
            if wide {
                w.u16(row.len() as u16);
            } else {
                w.u8(row.len() as u8);
            }
        }
        for (_, row) in &used {
            for e in row {
                if wide {
                    w.u16(e.class as u16);
                } else {
                    w.u8(e.class as u8);
                }
                w.u16(f16::from_f32(e.w).to_bits());
            }
        }
    }

    pub fn read(r: &mut Reader) -> Result<Weights, DataError> {
        let n_classes = r.u32()? as usize;
        if n_classes > u16::MAX as usize {
            return Err(r.error(format!("{n_classes} classes (at most {})", u16::MAX)));
        }
        let wide = n_classes > 256;
        let n = r.len(5)?;
        let mut keys = Vec::with_capacity(n);
        let mut lens = Vec::with_capacity(n);
        let mut prev = 0u32;
        let mut total = 0usize;
        for _ in 0..n {
            let key = r.u32()?;
            let len = if wide { r.u16()? } else { u16::from(r.u8()?) };
            if key <= prev {
                return Err(r.error("feature keys out of order"));
            }
            prev = key;
            keys.push(key);
            lens.push(u32::from(len));
            total += usize::from(len);
        }
        let entry_size = if wide { 4 } else { 3 };
        let bytes = r.take(
            total
                .checked_mul(entry_size)
                .ok_or_else(|| r.error("row count overflows"))?,
        )?;
        let mut flat = Vec::with_capacity(total);
        for e in bytes.chunks_exact(entry_size) {
            let (c, w) = if wide {
                (u16::from_le_bytes([e[0], e[1]]), u16::from_le_bytes([e[2], e[3]]))
            } else {
                (u16::from(e[0]), u16::from_le_bytes([e[1], e[2]]))
            };
            if c as usize >= n_classes {
                return Err(r.error(format!("class {c} out of range ({n_classes} classes)")));
            }
            flat.push(Entry {
                class: u32::from(c),
                w: f16::from_bits(w).to_f32(),
            });
        }
        Ok(Weights::build(n_classes, &keys, &lens, &flat))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::perceptron::Perceptron;

    #[test]
    fn perceptron_learns_and_round_trips() {
        let mut p = Perceptron::new(3);
        for _ in 0..10 {
            p.tick();
            let mut s = [0.0; 3];
            p.score(&[11, 12], &mut s);
            let guess = argmax(&s);
            p.update(&[11, 12], 2, guess, 1.0);
            p.tick();
            let mut s = [0.0; 3];
            p.score(&[13, 12], &mut s);
            p.update(&[13, 12], 1, argmax(&s), 1.0);
        }
        let w = p.averaged(0.0);
        let mut s = [0.0; 3];
        w.score(&[11, 12], &mut s);
        assert_eq!(argmax(&s), 2);
        let mut out = Writer::default();
        w.write(&mut out);
        let w2 = Weights::read(&mut Reader::new("w", &out.buf)).unwrap();
        let mut s2 = [0.0; 3];
        w2.score(&[11, 12], &mut s2);
        assert_eq!(s, s2);
        assert_eq!(w2.n_features(), w.n_features());
    }

    /// The fast table (inline, sparse and dense rows, vector code, block prefetching) must
    /// give bit-identical scores to a plain lookup summing rows feature by feature.
    #[test]
    fn fast_table_matches_plain_lookup() {
        use crate::hash::Rng;
        let mut rng = Rng::new(3);
        for n_classes in [3usize, 17, 103, 300] {
            let mut rows: Vec<(u64, Vec<(u16, f32)>)> = Vec::new();
            for i in 0..2000u64 {
                // Row lengths 1, 2, a few and nearly all classes, so every slot form occurs.
                let len = match i % 4 {
                    0 => 1,
                    1 => 2,
                    2 => 3 + rng.below(6),
                    _ => 1 + rng.below(n_classes),
                }
                .min(n_classes);
                let mut classes: Vec<u16> = (0..n_classes as u16).collect();
                rng.shuffle(&mut classes);
                let mut row: Vec<(u16, f32)> = classes[..len]
                    .iter()
                    .map(|&c| {
                        let w = (rng.unit() as f32 - 0.5) * 2f32.powi(rng.below(20) as i32 - 10);
                        (c, f16::from_f32(w).to_f32())
                    })
                    .filter(|e| e.1 != 0.0)
                    .collect();
                row.sort_unstable_by_key(|e| e.0);
                if !row.is_empty() {
                    rows.push((crate::hash::finish(i + 1), row));
                }
            }
            let plain: HashMap<u32, Vec<(u16, f32)>> = rows.iter().map(|(k, r)| (short_key(*k), r.clone())).collect();
            let w = Weights::from_rows(n_classes, rows.clone());
            let mut out = Writer::default();
            w.write(&mut out);
            let back = Weights::read(&mut Reader::new("w", &out.buf)).unwrap();
            let mut again = Writer::default();
            back.write(&mut again);
            assert_eq!(out.buf, again.buf, "write(read(x)) == x");
            for trial in 0..300 {
                // Known and unknown features, more than one prefetch block.
                let n = 1 + rng.below(300);
                let feats: Vec<u64> = (0..n)
                    .map(|_| {
                        if rng.below(4) == 0 {
                            rng.next_u64()
                        } else {
                            rows[rng.below(rows.len())].0
                        }
                    })
                    .collect();
                let mut expect = vec![0.0f32; n_classes];
                for f in &feats {
                    for &(c, x) in plain.get(&short_key(*f)).map_or(&[][..], |r| &r[..]) {
                        expect[c as usize] += x;
                    }
                }
                let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
                let mut exact = vec![0.0f32; n_classes];
                w.score(&feats, &mut exact);
                let mut padded = vec![0.0f32; w.score_len()];
                w.score(&feats, &mut padded);
                let mut generic = vec![0.0f32; w.score_len()];
                w.score_generic(&feats, &mut generic);
                let mut read = vec![0.0f32; back.score_len()];
                back.score(&feats, &mut read);
                // Signed zeros aside (0.0 + -0.0), every value must match bit for bit.
                let norm = |v: &[f32]| bits(&v[..n_classes].iter().map(|x| x + 0.0).collect::<Vec<_>>());
                assert_eq!(norm(&exact), norm(&expect), "classes {n_classes}, trial {trial}");
                assert_eq!(norm(&padded), norm(&expect));
                assert_eq!(norm(&generic), norm(&expect));
                assert_eq!(norm(&read), norm(&expect));
            }
        }
    }

    /// Weights on a coarse grid (multiples of 2^-4 up to 8, like the parser's multiples of
    /// 2^-10 up to 85) give exact sums: `max_exact` says how many rows stay exact, and
    /// `score_exact` (rows added grouped by kind) matches the feature-order sum bit for bit.
    #[test]
    fn exact_scores_match_in_any_order() {
        use crate::hash::Rng;
        let mut rng = Rng::new(11);
        let n_classes = 103;
        let mut rows: Vec<(u64, Vec<(u16, f32)>)> = Vec::new();
        for i in 0..3000u64 {
            let len = match i % 4 {
                0 => 1,
                1 => 2,
                2 => 3 + rng.below(10),
                _ => 30 + rng.below(70),
            };
            let mut classes: Vec<u16> = (0..n_classes as u16).collect();
            rng.shuffle(&mut classes);
            let mut row: Vec<(u16, f32)> = classes[..len]
                .iter()
                .map(|&c| {
                    (
                        c,
                        (1 + rng.below(128)) as f32 / 16.0 * if rng.below(2) == 0 { 1.0 } else { -1.0 },
                    )
                })
                .collect();
            row.sort_unstable_by_key(|e| e.0);
            rows.push((crate::hash::finish(i + 1), row));
        }
        let w = Weights::from_rows(n_classes, rows.clone());
        // 2^(24-4) / 8.
        assert_eq!(w.max_exact(), 1 << 17);
        for _ in 0..300 {
            let n = 1 + rng.below(150);
            let feats: Vec<u64> = (0..n)
                .map(|_| {
                    if rng.below(5) == 0 {
                        rng.next_u64()
                    } else {
                        rows[rng.below(rows.len())].0
                    }
                })
                .collect();
            let mut plain = vec![0.0f32; w.score_len()];
            w.score(&feats, &mut plain);
            let mut exact = vec![0.0f32; w.score_len()];
            w.score_exact(&feats, &mut exact);
            let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&exact), bits(&plain));
        }
        // Finer or larger weights allow fewer rows; a non-finite one, none.
        let e = |w: f32| Entry { class: 0, w };
        assert_eq!(max_exact(&[e(1.0), e(-84.375), e(89.0 / 1024.0)]), 194);
        assert_eq!(max_exact(&[e(0.05)]), 0);
        assert_eq!(max_exact(&[e(f32::INFINITY)]), 0);
    }

    fn argmax(s: &[f32]) -> usize {
        let mut b = 0;
        for i in 1..s.len() {
            if s[i] > s[b] {
                b = i;
            }
        }
        b
    }
}
