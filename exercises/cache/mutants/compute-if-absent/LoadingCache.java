package ch10.cache;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Mutant: the loader runs inside ConcurrentHashMap.computeIfAbsent. */
public final class LoadingCache<K, V> {

    private final Function<? super K, ? extends V> loader;
    private final Map<K, V> values = new ConcurrentHashMap<>();

    public LoadingCache(Function<? super K, ? extends V> loader) {
        this.loader = Objects.requireNonNull(loader, "loader must not be null");
    }

    public V get(K key) {
        Objects.requireNonNull(key, "key must not be null");
        try {
            return values.computeIfAbsent(key, loader);
        } catch (RuntimeException e) {
            throw new CacheLoadException(key, e);
        }
    }

    private V load(K key) {
        try {
            return loader.apply(key);
        } catch (RuntimeException e) {
            throw new CacheLoadException(key, e);
        }
    }

    public void invalidate(K key) {
        Objects.requireNonNull(key, "key must not be null");
        values.remove(key);
    }

    public int size() {
        return values.size();
    }
}
