package ca.passerelle.matching;

import java.util.function.IntConsumer;

/**
 * Bit sets as plain arrays of words, slot {@code n} at bit {@code n % 64} of word {@code n / 64}:
 * what the index keeps by domain, province and facet, and what a search works in. Plain loops
 * over words, which the JIT turns into vector instructions.
 */
final class Bits {

    private Bits() {
    }

    static void set(long[] bits, int slot, boolean value) {
        if (value) {
            bits[slot >>> 6] |= 1L << slot;
        }
    }

    static void clear(long[] bits, int slot) {
        bits[slot >>> 6] &= ~(1L << slot);
    }

    static boolean isSet(long[] bits, int slot) {
        return (bits[slot >>> 6] & 1L << slot) != 0;
    }

    static long[] and(long[] target, long[] other) {
        for (int i = 0; i < target.length; i++) {
            target[i] &= other[i];
        }
        return target;
    }

    static long[] andNot(long[] target, long[] other) {
        for (int i = 0; i < target.length; i++) {
            target[i] &= ~other[i];
        }
        return target;
    }

    static void or(long[] target, long[] other) {
        for (int i = 0; i < target.length; i++) {
            target[i] |= other[i];
        }
    }

    /** Adds to {@code target} the bits of {@code source} from {@code from} (inclusive) to {@code to} (exclusive). */
    static void orRange(long[] target, long[] source, int from, int to) {
        if (from >= to) {
            return;
        }
        int first = from >>> 6;
        int last = (to - 1) >>> 6;
        long firstMask = -1L << from;
        long lastMask = -1L >>> -to;
        if (first == last) {
            target[first] |= source[first] & firstMask & lastMask;
            return;
        }
        target[first] |= source[first] & firstMask;
        for (int i = first + 1; i < last; i++) {
            target[i] |= source[i];
        }
        target[last] |= source[last] & lastMask;
    }

    /** Clears every bit from {@code from} on. */
    static long[] clearFrom(long[] bits, int from) {
        int word = from >>> 6;
        if (word < bits.length) {
            bits[word] &= ~(-1L << from);
            for (int i = word + 1; i < bits.length; i++) {
                bits[i] = 0;
            }
        }
        return bits;
    }

    /** Clears every bit below {@code to}. */
    static long[] clearBelow(long[] bits, int to) {
        int word = to >>> 6;
        for (int i = 0; i < Math.min(word, bits.length); i++) {
            bits[i] = 0;
        }
        if (word < bits.length) {
            bits[word] &= -1L << to;
        }
        return bits;
    }

    static int cardinality(long[] bits) {
        int count = 0;
        for (long word : bits) {
            count += Long.bitCount(word);
        }
        return count;
    }

    /** How many bits are set from {@code from} (inclusive) to {@code to} (exclusive). */
    static int cardinality(long[] bits, int from, int to) {
        if (from >= to) {
            return 0;
        }
        int first = from >>> 6;
        int last = (to - 1) >>> 6;
        long firstMask = -1L << from;
        long lastMask = -1L >>> -to;
        if (first == last) {
            return Long.bitCount(bits[first] & firstMask & lastMask);
        }
        int count = Long.bitCount(bits[first] & firstMask) + Long.bitCount(bits[last] & lastMask);
        for (int i = first + 1; i < last; i++) {
            count += Long.bitCount(bits[i]);
        }
        return count;
    }

    /** Whether at most {@code most} bits are set: it stops reading once more are. */
    static boolean atMost(long[] bits, int most) {
        int count = 0;
        for (long word : bits) {
            count += Long.bitCount(word);
            if (count > most) {
                return false;
            }
        }
        return true;
    }

    static boolean isEmpty(long[] bits) {
        for (long word : bits) {
            if (word != 0) {
                return false;
            }
        }
        return true;
    }

    /** The set bits in increasing order; the action may clear bits, of the word being read too. */
    static void forEach(long[] bits, IntConsumer action) {
        for (int i = 0; i < bits.length; i++) {
            for (long word = bits[i]; word != 0; word &= word - 1) {
                action.accept(i << 6 | Long.numberOfTrailingZeros(word));
            }
        }
    }

    /** {@link #forEach(long[], IntConsumer)} from {@code from} (inclusive) to {@code to} (exclusive). */
    static void forEach(long[] bits, int from, int to, IntConsumer action) {
        if (from >= to) {
            return;
        }
        int first = from >>> 6;
        int last = (to - 1) >>> 6;
        for (int i = first; i <= last; i++) {
            long word = bits[i];
            if (i == first) {
                word &= -1L << from;
            }
            if (i == last) {
                word &= -1L >>> -to;
            }
            for (; word != 0; word &= word - 1) {
                action.accept(i << 6 | Long.numberOfTrailingZeros(word));
            }
        }
    }
}
