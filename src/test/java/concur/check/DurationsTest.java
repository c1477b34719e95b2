package concur.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void readsMillisecondsSecondsAndMinutesToTheNanosecond() {
        assertThat(Durations.parse("500ms")).contains(Duration.ofMillis(500));
        assertThat(Durations.parse("4.5s")).contains(Duration.ofMillis(4500));
        assertThat(Durations.parse(" 2m ")).contains(Duration.ofMinutes(2));
        assertThat(Durations.parse("0.000000001s")).contains(Duration.ofNanos(1));
        assertThat(Durations.parse("0.1m")).contains(Duration.ofSeconds(6));
        assertThat(Durations.parse("007s")).contains(Duration.ofSeconds(7));
    }

    @Test
    void halfANanosecondRoundsUpAndLessRoundsDown() {
        assertThat(Durations.parse("0.0000000005s")).contains(Duration.ofNanos(1));
        assertThat(Durations.parse("0.0000000004999s")).contains(Duration.ZERO);
        assertThat(Durations.parse("0.0000005ms")).contains(Duration.ofNanos(1));
        // A minute's sixths: 1/12 of a nanosecond-minute is the boundary, 0.0833... below it rounds down.
        assertThat(Durations.parse("0.00000000000833m")).contains(Duration.ZERO);
        assertThat(Durations.parse("0.00000000000834m")).contains(Duration.ofNanos(1));
    }

    @Test
    void anythingFromAYearOnIsForeverSoCallersCanRejectItInsteadOfOverflowing() {
        assertThat(Durations.parse("525600m")).contains(Durations.FOREVER);
        assertThat(Durations.parse("99999999999999999999999999s")).contains(Durations.FOREVER);
        assertThat(Durations.parse("9".repeat(100_000) + "ms")).contains(Durations.FOREVER);
        assertThat(Durations.parse("525599.99m").orElseThrow()).isLessThan(Durations.FOREVER);
    }

    @Test
    void aFractionOfAMillionDigitsIsReadAtOnce() {
        assertThat(Durations.parse("1." + "3".repeat(1_000_000) + "s")).contains(Duration.ofNanos(1_333_333_333));
    }

    @Test
    void whatIsNotANumberAndAUnitIsNoDuration() {
        assertThat(Durations.parse("5")).isEmpty();
        assertThat(Durations.parse("5 s")).isEmpty();
        assertThat(Durations.parse("-5s")).isEmpty();
        assertThat(Durations.parse("1e3s")).isEmpty();
        assertThat(Durations.parse("5h")).isEmpty();
    }
}
