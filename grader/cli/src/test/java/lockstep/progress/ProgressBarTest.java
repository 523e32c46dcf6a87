package lockstep.progress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The chapter's progress line. */
class ProgressBarTest {
    @Test
    void theBarAndThePercentageAreRoundedDownSoThatOnlyFullMarksIsAHundred() {
        assertThat(ProgressBar.line(73, 208)).isEqualTo("[#######.............] 35% of 208 points");
        assertThat(ProgressBar.line(0, 208)).isEqualTo("[....................] 0% of 208 points");
        assertThat(ProgressBar.line(208, 208)).isEqualTo("[####################] 100% of 208 points");
        assertThat(ProgressBar.line(207.5, 208)).isEqualTo("[###################.] 99% of 208 points");
        assertThat(ProgressBar.line(29, 100)).as("29 of 100, not 28.999...").isEqualTo("[#####...............] 29% of 100 points");
        assertThat(ProgressBar.line(12.5, 25)).isEqualTo("[##########..........] 50% of 25 points");
    }

    @Test
    void aScoreOutsideTheMaximumOrNoMaximumAtAllStaysInTheBar() {
        assertThat(ProgressBar.line(300, 208)).isEqualTo("[####################] 100% of 208 points");
        assertThat(ProgressBar.line(-3, 208)).isEqualTo("[....................] 0% of 208 points");
        assertThat(ProgressBar.line(0, 0)).isEqualTo("[....................] 0% of 0 points");
    }
}
