package concur.explore.child;

import java.util.ArrayList;
import java.util.Random;
import org.pastalab.fray.core.randomness.ControlledRandom;
import org.pastalab.fray.core.randomness.Randomness;
import org.pastalab.fray.core.randomness.RandomnessProvider;

/**
 * Fray's randomness, from a seed: Fray's own provider seeds each schedule from the clock, so the same
 * program would fail in a different schedule, with a different trace, each time it is checked.
 */
final class SeededRandomness implements RandomnessProvider {
    private final Random seeds;

    SeededRandomness(long seed) {
        this.seeds = new Random(seed);
    }

    /** One schedule's randomness, seeded from the next number of the seed's sequence. */
    @Override
    public Randomness getRandomness() {
        return new ControlledRandom(new ArrayList<>(), new ArrayList<>(), new Random(seeds.nextLong()));
    }
}
