package io.parley.common.embedded.fuzz;

import java.util.Random;

import org.junit.jupiter.api.function.ThrowingConsumer;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

/**
 * Bounded fuzzing in the normal test run: a Jazzer fuzz target (a property of a {@link FuzzedDataProvider}) checked
 * on data drawn from a fixed seed, so that every run sends the same inputs. {@code -Dfuzz.tries=N} multiplies the
 * number of inputs and {@code -Dfuzz.seed=S} (a number, or {@code random}) changes them, for longer runs by hand; a
 * failure names the seed and the input's number. Coverage-guided fuzzing of the same targets is Jazzer's
 * ({@code @FuzzTest}, JAZZER_FUZZ=1): docs/fuzzing.md.
 */
public final class FuzzInputs {

    private static final long DEFAULT_SEED = 18L;
    private static final int MAX_INPUT_BYTES = 2048;

    private FuzzInputs() {
    }

    /** Checks the property on {@code tries} inputs (times {@code fuzz.tries}). */
    public static void check(int tries, ThrowingConsumer<FuzzedDataProvider> property) {
        Random random = new Random(seed());
        long count = (long) tries * Integer.getInteger("fuzz.tries", 1);
        for (long i = 0; i < count; i++) {
            try {
                property.accept(new RandomData(new Random(random.nextLong()), random.nextInt(MAX_INPUT_BYTES)));
            } catch (Throwable e) {
                throw new AssertionError("Failed on input " + i + " of seed " + seed()
                        + " (-Dfuzz.seed=" + seed() + ")", e);
            }
        }
    }

    private static long seed() {
        String seed = System.getProperty("fuzz.seed", String.valueOf(DEFAULT_SEED));
        return seed.equals("random") ? RandomSeed.ONCE : Long.parseLong(seed);
    }

    /** One random seed per JVM, so that a failure message names the seed of the whole run. */
    private static final class RandomSeed {
        static final long ONCE = new Random().nextLong();
    }
}
