package ch10.mutex;

/** A learner's own CounterTest, which would pass whatever Counter does. */
final class CounterTest {
    void countConcurrentlyStartsOneThreadPerWorkerAndWaitsForThem() {
    }
}
