package ch10.cache;

import java.util.function.Function;

/** A cache that many threads read at once; each missing value is loaded once, outside every lock. */
public final class LoadingCache<K, V> {

    /** The loader computes a missing value; it may be slow and may throw. */
    public LoadingCache(Function<? super K, ? extends V> loader) {
        throw new UnsupportedOperationException("TODO: keep the loader and create the map that will hold the values");
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
        throw new UnsupportedOperationException(
                "TODO: return the cached value, or let one thread load it outside any lock while the others wait for it");
    }

    /** Forgets the key; the next get() loads it again. */
    public void invalidate(K key) {
        throw new UnsupportedOperationException("TODO: remove the key from the map");
    }

    /** How many keys are cached now. */
    public int size() {
        throw new UnsupportedOperationException("TODO: count the keys whose value is loaded");
    }
}
