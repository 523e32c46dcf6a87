package lockstep.batch.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Shards: a student's shard depends on their id alone, the same on every machine and in every release. */
class ShardTest {
    @Test
    void aStudentsShardIsAFixedHashOfTheirIdInLowerCase() {
        assertThat(List.of("ann", "ben", "cat", "dan", "eve", "hal").stream().map(id -> Shard.of(id, 3)).toList())
                .as("fixed: changing it would move students between shards of a batch already half graded")
                .containsExactly(3, 3, 1, 1, 2, 2);
        assertThat(Shard.of("ANN", 3)).isEqualTo(Shard.of("ann", 3));
        assertThat(Shard.of("ann", 1)).isEqualTo(1);
    }

    @Test
    void everyStudentIsInExactlyOneShardOfACount() {
        for (String id : List.of("ann", "s-1", "Ünïcode", "<b>x</b>", "1234567")) {
            for (int count : List.of(1, 2, 3, 7)) {
                List<Shard> holders = IntStream.rangeClosed(1, count).mapToObj(i -> new Shard(i, count)).filter(s -> s.holds(id)).toList();
                assertThat(holders).as("%s in %d shards", id, count).hasSize(1);
            }
        }
    }

    @Test
    void parsesIOverNAndNothingElse() {
        assertThat(Shard.parse("2/3")).contains(new Shard(2, 3));
        assertThat(Shard.parse(" 1 / 1 ")).contains(new Shard(1, 1));
        for (String wrong : List.of("0/3", "4/3", "3", "1/0", "-1/3", "a/b", "1/3/5", "")) {
            assertThat(Shard.parse(wrong)).as(wrong).isEqualTo(Optional.empty());
        }
        assertThat(new Shard(2, 3)).hasToString("2/3");
    }
}
