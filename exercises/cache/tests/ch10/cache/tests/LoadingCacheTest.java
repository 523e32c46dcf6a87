package ch10.cache.tests;

import static lockstep.testkit.Lockstep.awaitSteadilyWaiting;
import static lockstep.testkit.Lockstep.rendezvous;
import static lockstep.testkit.Lockstep.scaled;
import static lockstep.testkit.Lockstep.startCalling;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import ch10.cache.CacheLoadException;
import ch10.cache.LoadingCache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import lockstep.testkit.Bound;
import lockstep.testkit.Helper;
import lockstep.testkit.Hint;
import lockstep.testkit.Points;
import lockstep.testkit.Rendezvous;
import org.junit.jupiter.api.Test;

class LoadingCacheTest {

    /** The longest a call that should not wait for anyone may take, before the slack factor. */
    private static final Bound QUICK = Bound.of(Duration.ofSeconds(2));

    /** How long a get() may take once the load it waits for was let go, before the slack factor. */
    private static final Duration FINISH = Duration.ofSeconds(2);

    /** How long loads that meet at a rendezvous may take at most, before the slack factor. */
    private static final Duration MEETING = Duration.ofSeconds(8);

    /** How long a caller must have been waiting without a break before the test lets the load go. */
    private static final Duration STEADY = Duration.ofMillis(50);

    /** The longest the test gives the callers to start waiting, before the slack factor. */
    private static final Duration SETTLE = Duration.ofSeconds(2);

    /** How long a held loader waits at most before it goes on by itself. */
    private static final Duration PATIENCE = Duration.ofSeconds(6);

    /** A key whose hash code is the same for every key, while keys of different names are not equal. */
    record SameHash(String name) {
        @Override
        public int hashCode() {
            return 42;
        }
    }

    // ---------------------------------------------------------------- loading and caching

    @Test
    @Points(2)
    @Hint("get() calls the loader only for a key that is missing, keeps what it returned, and serves it from then on.")
    void getLoadsAMissingValueOnceAndThenServesItFromTheCache() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        LoadingCache<String, String> cache = new LoadingCache<>(key -> {
            calls.incrementAndGet();
            return "value of " + key;
        });
        List<String> got = QUICK.call("get(\"a\"), get(\"a\"), get(\"b\"), get(\"a\")", () -> List.of(
                cache.get("a"), cache.get("a"), cache.get("b"), cache.get("a")));
        assertThat(got).as("what get(\"a\"), get(\"a\"), get(\"b\"), get(\"a\") returned")
                .containsExactly("value of a", "value of a", "value of b", "value of a");
        assertThat(calls.get())
                .as("how many times the loader ran for get(\"a\"), get(\"a\"), get(\"b\"), get(\"a\"): once per key")
                .isEqualTo(2);
        assertThat(QUICK.call("size()", cache::size)).as("size() once \"a\" and \"b\" were loaded").isEqualTo(2);
    }

    @Test
    @Points(3)
    @Hint("Checking 'is it cached?' and then loading is check-then-act: between the two, other threads check too and"
            + " load the same key. Let one atomic step decide which thread loads, and let the others wait for its result.")
    void threadsAskingAtOnceForAMissingKeyShareOneLoad() throws Exception {
        int callers = 6;
        HeldLoader loader = new HeldLoader(key -> new String("shared value"));
        SecondLookups lookups = new SecondLookups(callers);
        Contended k = new Contended("k", lookups);
        LoadingCache<Contended, String> cache = new LoadingCache<>(
                key -> key.name().equals("k") ? loader.apply("k") : "other");
        warmUp();
        lookups.fillFirst(cache);
        List<Helper<String>> getting = new ArrayList<>();
        try {
            for (int i = 0; i < callers; i++) {
                getting.add(startCalling("get(\"k\") on thread " + i, () -> {
                    lookups.enter();
                    return cache.get(k);
                }));
            }
            loader.awaitEntered("get(\"k\") on 6 threads at once");
            awaitAllWaiting(getting, "get(\"k\") while another thread loads \"k\"");
            loader.release();
            List<String> values = Helper.joinAll(getting, FINISH);
            assertThat(loader.calls())
                    .as("how many times the loader ran while 6 threads asked at once for the missing key \"k\": they"
                            + " must share one load" + lookups.howTheyMet())
                    .isEqualTo(1);
            for (String value : values) {
                assertThat(value).as("what get(\"k\") returned on each of the 6 threads: the one value the shared"
                        + " load produced").isSameAs(values.get(0)).isEqualTo("shared value");
            }
        } finally {
            loader.release();
        }
    }

    @Test
    @Points(2)
    @Hint("Never hold one lock over the whole cache while a loader runs: loads of different keys must be able to run"
            + " at the same time on different threads.")
    void loadsOfDifferentKeysRunInParallel() throws Exception {
        List<String> keys = List.of("a", "b", "c", "d");
        Rendezvous meet = rendezvous(keys.size());
        LoadingCache<String, String> cache = new LoadingCache<>(key -> {
            meet.arrive();
            return "value of " + key;
        });
        List<Helper<String>> getting = new ArrayList<>();
        for (String key : keys) {
            getting.add(startCalling("get(\"" + key + "\")", () -> cache.get(key)));
        }
        for (int i = 0; i < keys.size(); i++) {
            assertThat(getting.get(i).join(MEETING)).as("get(\"%s\")", keys.get(i)).isEqualTo("value of " + keys.get(i));
        }
        if (!meet.allMet()) {
            fail("the loads of 4 different keys, asked for by 4 threads at once, did not run at the same time: at most "
                    + meet.mostAtOnce() + " of them ran at once, the others waited for them. A slow load of one key"
                    + " must not hold a lock that the loads of other keys need.");
        }
    }

    @Test
    @Points(3)
    @Hint("A ConcurrentHashMap locks a whole bin of keys with the same hash while computeIfAbsent's function runs:"
            + " a slow loader must run outside every call of the map.")
    void loadsOfKeysWithEqualHashCodesRunInParallel() throws Exception {
        SameHash first = new SameHash("first");
        SameHash second = new SameHash("second");
        Rendezvous meet = rendezvous(2);
        LoadingCache<SameHash, String> cache = new LoadingCache<>(key -> {
            meet.arrive();
            return "value of " + key.name();
        });
        Helper<String> getFirst = startCalling("get(first)", () -> cache.get(first));
        Helper<String> getSecond = startCalling("get(second)", () -> cache.get(second));
        assertThat(getFirst.join(MEETING)).as("get(first)").isEqualTo("value of first");
        assertThat(getSecond.join(MEETING)).as("get(second)").isEqualTo("value of second");
        if (!meet.allMet()) {
            fail("the loads of two keys with EQUAL hash codes (but not equal to each other), asked for by two threads"
                    + " at once, ran one after another: the second load waited for the first. Something holds a lock"
                    + " while the loader runs: a lock over all loads, a synchronized method, or"
                    + " ConcurrentHashMap.computeIfAbsent, whose function runs while the map holds the lock of every"
                    + " key with that hash.");
        }
    }

    @Test
    @Points(3)
    @Hint("A read of a cached value must not take a lock that a load holds: no synchronized get(), no lock around"
            + " the loader that cached reads need too.")
    void aGetOfACachedKeyNeverWaitsForAnotherKeysLoad() throws Exception {
        HeldLoader loader = new HeldLoader(key -> "value of " + key, "slow"::equals);
        LoadingCache<String, String> cache = new LoadingCache<>(loader);
        assertThat(QUICK.call("get(\"cached\")", () -> cache.get("cached"))).isEqualTo("value of cached");
        Helper<String> slow = startCalling("get(\"slow\") with a loader that takes its time", () -> cache.get("slow"));
        try {
            loader.awaitEntered("get(\"slow\")");
            String cached = Bound.of(Duration.ofSeconds(1)).call(
                    "get(\"cached\") of a cached key while another thread loads \"slow\" (it must not wait for that"
                            + " load)", () -> cache.get("cached"));
            assertThat(cached).as("get(\"cached\") while \"slow\" loads").isEqualTo("value of cached");
            loader.release();
            assertThat(slow.join(FINISH)).as("get(\"slow\") once its load was let go").isEqualTo("value of slow");
        } finally {
            loader.release();
        }
    }

    // ---------------------------------------------------------------- failures

    @Test
    @Points(2)
    @Hint("When the loader throws, cache nothing for the key: throw CacheLoadException with what the loader threw as"
            + " cause, and let the next get() call the loader again.")
    void aFailedLoadIsNotCached() throws Exception {
        IllegalStateException down = new IllegalStateException("database down");
        AtomicInteger calls = new AtomicInteger();
        LoadingCache<String, String> cache = new LoadingCache<>(key -> {
            if (calls.incrementAndGet() == 1) {
                throw down;
            }
            return "value of " + key;
        });
        Throwable thrown = catchThrowable(() -> QUICK.call("get(\"k\") with a loader that throws", () -> cache.get("k")));
        rethrowIfBoundFailed(thrown);
        assertThat(thrown).as("what get(\"k\") threw when the loader threw IllegalStateException(\"database down\")")
                .isInstanceOf(CacheLoadException.class);
        assertThat(thrown.getCause()).as("the cause of the CacheLoadException: what the loader threw").isSameAs(down);
        assertThat(QUICK.call("size()", cache::size)).as("size() after the only load failed").isZero();
        Throwable again = catchThrowable(() -> assertThat(QUICK.call("get(\"k\") again", () -> cache.get("k")))
                .as("get(\"k\") after the failed load, now that the loader works").isEqualTo("value of k"));
        rethrowIfBoundFailed(again);
        if (again != null) {
            fail("get(\"k\") threw " + again + " after an earlier load of \"k\" failed, although the loader works now:"
                    + " a failure must not be cached, the next get() must load again.");
        }
        assertThat(calls.get()).as("how many times the loader ran: once for the failure, once more for the next get()")
                .isEqualTo(2);
    }

    @Test
    @Points(2)
    @Hint("The threads waiting for a load must learn how it ended: when it fails, each of them throws"
            + " CacheLoadException with the loader's own exception as cause (unwrap what your future or task adds),"
            + " and none of them calls the loader again.")
    void everyCallerSharingAFailedLoadGetsCacheLoadExceptionWithItsCause() throws Exception {
        int callers = 4;
        List<RuntimeException> thrownByLoader = new CopyOnWriteArrayList<>();
        HeldLoader loader = new HeldLoader(key -> {
            RuntimeException failure = new IllegalStateException("load of " + key + " failed");
            thrownByLoader.add(failure);
            throw failure;
        });
        SecondLookups lookups = new SecondLookups(callers);
        Contended k = new Contended("k", lookups);
        LoadingCache<Contended, String> cache = new LoadingCache<>(
                key -> key.name().equals("k") ? loader.apply("k") : "other");
        warmUp();
        lookups.fillFirst(cache);
        List<Helper<String>> getting = new ArrayList<>();
        try {
            for (int i = 0; i < callers; i++) {
                getting.add(startCalling("get(\"k\") on thread " + i, () -> {
                    lookups.enter();
                    return cache.get(k);
                }));
            }
            loader.awaitEntered("get(\"k\") on 4 threads at once");
            awaitAllWaiting(getting, "get(\"k\") while another thread loads \"k\"");
            loader.release();
            List<Throwable> thrown = new ArrayList<>();
            for (Helper<String> get : getting) {
                Throwable failure = catchThrowable(() -> get.join(FINISH));
                rethrowIfBoundFailed(failure);
                thrown.add(failure);
            }
            assertThat(loader.calls())
                    .as("how many times the loader ran for 4 threads that asked at once for \"k\": they share one"
                            + " load, and its failure too (no caller may load again because it failed)"
                            + lookups.howTheyMet())
                    .isEqualTo(1);
            for (int i = 0; i < callers; i++) {
                assertThat(thrown.get(i))
                        .as("what get(\"k\") threw on thread %d when the shared load threw", i)
                        .isInstanceOf(CacheLoadException.class);
                assertThat(thrown.get(i).getCause())
                        .as("the cause of the CacheLoadException thread %d got: the loader's own exception, not a"
                                + " wrapper around it", i)
                        .isSameAs(thrownByLoader.get(0));
            }
        } finally {
            loader.release();
        }
    }

    // ---------------------------------------------------------------- invalidate, size, nulls

    @Test
    @Points(1)
    @Hint("invalidate() removes the key, so the next get() finds it missing and loads it again.")
    void invalidateForgetsTheKeySoTheNextGetLoadsAgain() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        LoadingCache<String, String> cache = new LoadingCache<>(key -> key + " #" + calls.incrementAndGet());
        QUICK.run("get(\"a\"), invalidate(\"a\"), invalidate(\"never loaded\"), get(\"a\")", () -> {
            assertThat(cache.get("a")).as("the first get(\"a\")").isEqualTo("a #1");
            cache.invalidate("a");
            cache.invalidate("never loaded");
            assertThat(cache.size()).as("size() after the only key was invalidated").isZero();
            assertThat(cache.get("a")).as("get(\"a\") after invalidate(\"a\"): loaded again").isEqualTo("a #2");
            assertThat(cache.get("a")).as("get(\"a\") once more: cached again").isEqualTo("a #2");
        });
    }

    @Test
    @Points(1)
    @Hint("size() counts the keys whose value is there now: not a load still running, not a load that failed.")
    void sizeCountsOnlyTheKeysCachedNow() throws Exception {
        HeldLoader loader = new HeldLoader(key -> {
            if (key.equals("broken")) {
                throw new IllegalStateException("cannot load " + key);
            }
            return "value of " + key;
        }, "slow"::equals);
        LoadingCache<String, String> cache = new LoadingCache<>(loader);
        assertThat(QUICK.call("size() of a new cache", cache::size)).as("size() of a new cache").isZero();
        QUICK.run("get(\"a\"), get(\"b\")", () -> {
            cache.get("a");
            cache.get("b");
        });
        Helper<String> slow = startCalling("get(\"slow\") with a loader that takes its time", () -> cache.get("slow"));
        try {
            loader.awaitEntered("get(\"slow\")");
            assertThat(QUICK.call("size() while \"slow\" loads", cache::size))
                    .as("size() with \"a\" and \"b\" cached while \"slow\" is still loading").isEqualTo(2);
            loader.release();
            slow.join(FINISH);
            assertThat(QUICK.call("size()", cache::size)).as("size() once \"slow\" was loaded").isEqualTo(3);
            assertThatThrownBy(() -> QUICK.call("get(\"broken\")", () -> cache.get("broken")),
                    "get(\"broken\") with a loader that throws").isInstanceOf(CacheLoadException.class);
            assertThat(QUICK.call("size()", cache::size)).as("size() after the load of \"broken\" failed").isEqualTo(3);
            QUICK.run("invalidate(\"a\")", () -> cache.invalidate("a"));
            assertThat(QUICK.call("size()", cache::size)).as("size() after invalidate(\"a\")").isEqualTo(2);
        } finally {
            loader.release();
        }
    }

    @Test
    @Points(1)
    @Hint("Check the loader and the keys with Objects.requireNonNull before anything else.")
    void nullsAreRefused() throws Exception {
        assertThatThrownBy(() -> new LoadingCache<String, String>(null),
                "new LoadingCache<>(null)").isInstanceOf(NullPointerException.class);
        AtomicInteger calls = new AtomicInteger();
        LoadingCache<String, String> cache = new LoadingCache<>(key -> {
            calls.incrementAndGet();
            return "value";
        });
        assertThatThrownBy(() -> QUICK.call("get(null)", () -> cache.get(null)),
                "get(null)").isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> QUICK.run("invalidate(null)", () -> cache.invalidate(null)),
                "invalidate(null)").isInstanceOf(NullPointerException.class);
        assertThat(calls.get()).as("how many times the loader ran for get(null)").isZero();
    }

    // ---------------------------------------------------------------- helpers

    /**
     * A key whose {@code hashCode()} lets {@link SecondLookups} stop the threads asking for it at their second map
     * operation; equal to (and ordered like) another key of the same name.
     */
    private static final class Contended implements Comparable<Contended> {
        private final String name;
        private final SecondLookups lookups;

        Contended(String name, SecondLookups lookups) {
            this.name = name;
            this.lookups = lookups;
        }

        String name() {
            return name;
        }

        @Override
        public int hashCode() {
            lookups.hashed();
            return name.hashCode();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Contended key && key.name.equals(name);
        }

        @Override
        public int compareTo(Contended other) {
            return name.compareTo(other.name);
        }

        @Override
        public String toString() {
            return "\"" + name + "\"";
        }
    }

    /**
     * Catches two threads at once between looking a missing key up and putting their own entry for it: the window
     * of a cache that decides who loads with a lookup and a put that are not one atomic step. A map computes a key's
     * hash code once per operation, so a caller's second hash code is its second map operation (the put after the
     * lookup); there the first caller to get that far waits until a second one gets there too. Both lookups have
     * then found nothing, whatever the scheduler did, and both puts follow: a cache whose put is not atomic with
     * its lookup loads twice on every run, one whose put is (putIfAbsent, computeIfAbsent) loads once.
     *
     * <p>The wait ends early when no other caller can come: every other one has ended, or waits without a break
     * (a lock the first caller holds). A cache that never gets two callers there (one lock around lookup and put,
     * a single computeIfAbsent) thus costs a few milliseconds, not a timeout, and is judged as it is.
     */
    private static final class SecondLookups {
        private final int callers;
        private final Set<Thread> entered = ConcurrentHashMap.newKeySet();
        private final Map<Thread, AtomicInteger> hashes = new ConcurrentHashMap<>();
        private final AtomicInteger arrived = new AtomicInteger();
        private final CountDownLatch partner = new CountDownLatch(1);
        private volatile boolean caughtTogether;

        SecondLookups(int callers) {
            this.callers = callers;
        }

        /**
         * Loads another key first, from the test's thread (not counted): a HashMap whose table is still empty looks
         * nothing up, so its get() computes no hash code, and the put would be the first.
         */
        void fillFirst(LoadingCache<Contended, String> cache) throws Exception {
            QUICK.call("get(\"other\") on a new cache", () -> cache.get(new Contended("other", this)));
        }

        /** Called by each caller before its get(). */
        void enter() {
            entered.add(Thread.currentThread());
        }

        void hashed() {
            Thread me = Thread.currentThread();
            if (!entered.contains(me) || hashes.computeIfAbsent(me, t -> new AtomicInteger()).incrementAndGet() != 2) {
                return;
            }
            if (arrived.incrementAndGet() > 1) {
                partner.countDown();
                return;
            }
            long deadline = System.nanoTime() + scaled(SETTLE).toNanos();
            Map<Thread, Long> waitingSince = new HashMap<>();
            try {
                while (partner.getCount() > 0 && System.nanoTime() - deadline < 0 && !noOtherCanCome(me, waitingSince)) {
                    partner.await(2, TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                me.interrupt();
            }
            caughtTogether = partner.getCount() == 0;
        }

        /** Whether every other caller has entered and then ended or waited for {@link #STEADY} without a break. */
        private boolean noOtherCanCome(Thread me, Map<Thread, Long> waitingSince) {
            if (entered.size() < callers) {
                return false;
            }
            long now = System.nanoTime();
            for (Thread other : entered) {
                if (other == me || !other.isAlive()) {
                    continue;
                }
                Thread.State state = other.getState();
                if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
                        || state == Thread.State.BLOCKED) {
                    long since = waitingSince.computeIfAbsent(other, t -> now);
                    if (now - since < scaled(STEADY).toNanos()) {
                        return false;
                    }
                } else {
                    waitingSince.remove(other);
                    return false;
                }
            }
            return true;
        }

        /** For a failure message: whether two callers were caught between their lookup and their put. */
        String howTheyMet() {
            return !caughtTogether ? "" : " (the test let two of them look \"k\" up and find nothing, and only"
                    + " then put their entry, at the same moment: the lookup and the put must be ONE atomic step,"
                    + " such as putIfAbsent or computeIfAbsent on a concurrent map of the loads in progress)";
        }
    }

    /**
     * A loader the test holds: each held call counts itself, says it started, and waits until the test lets it go
     * (or {@link #PATIENCE} passed), then computes its result.
     */
    private static final class HeldLoader implements Function<String, String> {
        private final Function<String, String> result;
        private final Predicate<String> held;
        private final AtomicInteger calls = new AtomicInteger();
        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);

        /** Holds every key. */
        HeldLoader(Function<String, String> result) {
            this(result, key -> true);
        }

        /** Holds the keys {@code held} accepts; the others load at once. */
        HeldLoader(Function<String, String> result, Predicate<String> held) {
            this.result = result;
            this.held = held;
        }

        @Override
        public String apply(String key) {
            if (held.test(key)) {
                calls.incrementAndGet();
                entered.countDown();
                try {
                    release.await(scaled(PATIENCE).toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return result.apply(key);
        }

        /** How many times a held key was loaded. */
        int calls() {
            return calls.get();
        }

        void awaitEntered(String what) throws InterruptedException {
            if (!entered.await(scaled(SETTLE).toMillis(), TimeUnit.MILLISECONDS)) {
                fail(what + " never called the loader (within 2 s): get() of a missing key must load it.");
            }
        }

        void release() {
            release.countDown();
        }
    }

    /**
     * Loads the classes a cache uses, so that the callers of a test that waits for them to wait steadily are not
     * mistaken for waiting on a load while they only wait for a class to be initialised.
     */
    private static void warmUp() throws Exception {
        QUICK.call("get(\"warm-up\") on a new cache", () -> {
            LoadingCache<String, String> cache = new LoadingCache<>(key -> key);
            cache.get("warm-up");
            cache.get("warm-up");
            cache.size();
            cache.invalidate("warm-up");
            return null;
        });
    }

    /** Waits until every caller waits steadily (for the held load); fails if one returned before the load ended. */
    private static void awaitAllWaiting(List<? extends Helper<?>> callers, String what) throws Exception {
        for (Helper<?> caller : callers) {
            awaitSteadilyWaiting(caller.thread(), STEADY, SETTLE);
        }
        for (Helper<?> caller : callers) {
            if (caller.isFinished()) {
                Throwable thrown = catchThrowable(() -> caller.join(FINISH));
                fail(what + " " + (thrown == null ? "returned" : "threw " + thrown) + " before the load ended: it"
                        + " must wait for the value being loaded.");
            }
        }
    }

    /** A bound that ran out is already the whole story: let its message through unchanged. */
    private static void rethrowIfBoundFailed(Throwable thrown) {
        if (thrown instanceof AssertionError error) {
            throw error;
        }
    }
}
