package ch10.cache;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Mutant: a failed load stays in the map. */
public final class LoadingCache<K, V> {

    private final Function<? super K, ? extends V> loader;

    /**
     * One future per key: done once loaded, still running while a thread loads it. The map only
     * ever stores and looks up futures; the slow loader never runs inside one of its methods, so
     * a load holds no lock of the map and blocks no other key, whatever its hash code.
     */
    private final ConcurrentHashMap<K, CompletableFuture<V>> values = new ConcurrentHashMap<>();

    /** The loader computes a missing value; it may be slow and may throw. */
    public LoadingCache(Function<? super K, ? extends V> loader) {
        this.loader = Objects.requireNonNull(loader, "loader must not be null");
    }

    /**
     * The cached value, loading it first if missing. Threads asking at once for the
     * same missing key share one load (the loader runs once for them). Loads of
     * different keys run in parallel, also for keys with equal hash codes, and a get()
     * of a key already cached never waits for anyone's load. If the loader throws, every
     * caller sharing that load gets a CacheLoadException with it as cause, and nothing is
     * cached: a later get() loads again.
     */
    public V get(K key) {
        Objects.requireNonNull(key, "key must not be null");
        CompletableFuture<V> value = values.get(key);
        if (value == null) {
            CompletableFuture<V> mine = new CompletableFuture<>();
            // One atomic step decides who loads: the thread whose future went in.
            value = values.putIfAbsent(key, mine);
            if (value == null) {
                return load(key, mine);
            }
        }
        try {
            return value.join();
        } catch (CompletionException e) {
            throw new CacheLoadException(key, e.getCause());
        }
    }

    /** Runs the loader on this thread, outside every lock, and hands the outcome to those who wait for it. */
    private V load(K key, CompletableFuture<V> mine) {
        V loaded;
        try {
            loaded = loader.apply(key);
        } catch (Throwable e) {
            mine.completeExceptionally(e);
            throw new CacheLoadException(key, e);
        }
        mine.complete(loaded);
        return loaded;
    }

    /** Forgets the key; the next get() loads it again. */
    public void invalidate(K key) {
        Objects.requireNonNull(key, "key must not be null");
        values.remove(key);
    }

    /** How many keys are cached now. */
    public int size() {
        int cached = 0;
        for (CompletableFuture<V> value : values.values()) {
            if (value.isDone() && !value.isCompletedExceptionally()) {
                cached++;
            }
        }
        return cached;
    }
}
