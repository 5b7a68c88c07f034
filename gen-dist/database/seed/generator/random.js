"use strict";
/**
 * Seeded pseudo-random numbers for the school generator.
 *
 * sfc32 (Chris Doty-Humphrey's "Small Fast Counting" generator, 128-bit state) seeded through
 * splitmix32. Pure 32-bit integer arithmetic, so the sequence is identical on every platform and
 * Node version — unlike Math.random(), which must never be used by the generator.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.WeightedTable = exports.Random = void 0;
exports.hashString = hashString;
const UINT32 = 4294967296;
/** splitmix32 step: returns the next state and a well-mixed 32-bit output. */
function splitmix32(state) {
    const next = (state + 0x9e3779b9) | 0;
    let z = next;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    z ^= z >>> 15;
    return [next, z >>> 0];
}
/** FNV-1a over UTF-16 code units: a stable 32-bit hash of a label. */
function hashString(text) {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
}
/** Folds a safe integer (up to ±2^53) into 32 bits without losing its high part. */
function foldSeed(seed) {
    if (!Number.isSafeInteger(seed))
        throw new RangeError(`seed must be a safe integer, got ${seed}`);
    const lo = seed >>> 0;
    const hi = Math.floor(seed / UINT32) | 0;
    return (lo ^ Math.imul(hi, 0x85ebca6b) ^ (hi >>> 13)) >>> 0;
}
class Random {
    constructor(seed) {
        this.seed32 = foldSeed(seed);
        let s = this.seed32;
        let out;
        [s, out] = splitmix32(s);
        this.a = out;
        [s, out] = splitmix32(s);
        this.b = out;
        [s, out] = splitmix32(s);
        this.c = out;
        [, out] = splitmix32(s);
        this.d = out;
        for (let i = 0; i < 12; i++)
            this.nextUint32();
    }
    /**
     * An independent stream named by `label`. It depends only on this stream's seed and the label,
     * not on how many numbers were drawn, so adding draws in one part of the generator does not
     * reshuffle another part.
     */
    fork(label) {
        return new Random((this.seed32 ^ Math.imul(hashString(label), 0x9e3779b1)) >>> 0);
    }
    /** Uniform integer in [0, 2^32). */
    nextUint32() {
        const t = (((this.a + this.b) | 0) + this.d) | 0;
        this.d = (this.d + 1) | 0;
        this.a = this.b ^ (this.b >>> 9);
        this.b = (this.c + (this.c << 3)) | 0;
        this.c = (this.c << 21) | (this.c >>> 11);
        this.c = (this.c + t) | 0;
        return t >>> 0;
    }
    /** Uniform float in [0, 1). */
    next() {
        return this.nextUint32() / UINT32;
    }
    /** Uniform integer in [min, max], both inclusive. */
    int(min, max) {
        if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
            throw new RangeError(`int(${min}, ${max}): need integers with min <= max`);
        }
        return min + Math.floor(this.next() * (max - min + 1));
    }
    /** true with probability p. */
    chance(p) {
        return this.next() < p;
    }
    pick(items) {
        if (items.length === 0)
            throw new RangeError('pick from an empty list');
        return items[Math.floor(this.next() * items.length)];
    }
    /** A shuffled copy (Fisher–Yates); the input is left untouched. */
    shuffle(items) {
        const out = items.slice();
        for (let i = out.length - 1; i > 0; i--) {
            const j = Math.floor(this.next() * (i + 1));
            const tmp = out[i];
            out[i] = out[j];
            out[j] = tmp;
        }
        return out;
    }
    /** One item, chosen with probability proportional to its weight. For repeated draws use WeightedTable. */
    weighted(items, weight) {
        return new WeightedTable(items, weight).pick(this);
    }
}
exports.Random = Random;
/** Precomputed cumulative weights for fast repeated weighted draws (binary search). */
class WeightedTable {
    constructor(items, weight) {
        this.items = [];
        this.cumulative = [];
        let total = 0;
        for (const item of items) {
            const w = weight(item);
            if (!Number.isFinite(w) || w < 0)
                throw new RangeError(`weight must be finite and >= 0, got ${w}`);
            if (w === 0)
                continue;
            total += w;
            this.items.push(item);
            this.cumulative.push(total);
        }
        if (this.items.length === 0)
            throw new RangeError('weighted table has no item with a positive weight');
        this.total = total;
    }
    get size() {
        return this.items.length;
    }
    pick(rng) {
        const x = rng.next() * this.total;
        let lo = 0;
        let hi = this.cumulative.length - 1;
        while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (this.cumulative[mid] > x)
                hi = mid;
            else
                lo = mid + 1;
        }
        return this.items[lo];
    }
}
exports.WeightedTable = WeightedTable;
//# sourceMappingURL=random.js.map