package ch10.cache;

/**
 * Thrown by {@link LoadingCache#get} when the loader threw while loading a key: to the caller that
 * ran the load and to every caller that shared it. The cause is what the loader threw.
 */
public final class CacheLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param key the key whose load failed
     * @param cause what the loader threw
     */
    public CacheLoadException(Object key, Throwable cause) {
        super("loading the value of key " + key + " failed: " + cause, cause);
    }
}
