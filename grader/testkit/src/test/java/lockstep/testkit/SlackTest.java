package lockstep.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlackTest {

    @AfterEach
    void clearProperty() {
        System.clearProperty(Slack.PROPERTY);
    }

    @Test
    void defaultsToOneWhenUnset() {
        System.clearProperty(Slack.PROPERTY);
        assertThat(Slack.current().factor()).isEqualTo(1.0);
        assertThat(Lockstep.scaled(Duration.ofMillis(300))).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void readsTheFactorEachTimeAndScalesEveryBound() {
        System.setProperty(Slack.PROPERTY, "2.5");
        assertThat(Lockstep.slack().factor()).isEqualTo(2.5);
        assertThat(Lockstep.scaled(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(5));
        assertThat(Lockstep.scaledMillis(10)).isEqualTo(Duration.ofMillis(25));
        assertThat(new Bound(Duration.ofMillis(100)).times(3).limit()).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void rejectsAFactorThatIsNotANumberOfAtLeastOne() {
        System.setProperty(Slack.PROPERTY, "fast");
        assertThatThrownBy(Slack::current).isInstanceOf(IllegalStateException.class).hasMessageContaining("lockstep.slack");
        System.setProperty(Slack.PROPERTY, "0.5");
        assertThatThrownBy(Slack::current).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Slack(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
