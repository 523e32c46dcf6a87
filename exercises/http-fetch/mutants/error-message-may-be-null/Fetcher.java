package ch10.fetch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/** Fetches many URLs at once, with a limit on how many requests are in flight. */
public final class Fetcher {

    private final HttpClient client;
    private final int maxInFlight;

    /** maxInFlight >= 1. */
    public Fetcher(HttpClient client, int maxInFlight) {
        this.client = Objects.requireNonNull(client, "client must not be null");
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1: " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
    }

    /**
     * GETs every URL concurrently with the given client, never more than maxInFlight
     * requests in flight at once, each given up when its response headers have not come
     * within requestTimeout (HttpRequest's own timeout). Returns one
     * FetchResult per URL, in input order: the status and body of any HTTP response
     * (a 404 or 500 is a response: error == null), or, where no response came (refused,
     * timed out, bad host, a scheme other than http/https), status -1, body null and a
     * non-empty error message (some JDK exceptions have a null message: say what failed).
     * One URL's failure never affects another.
     */
    public List<FetchResult> fetchAll(List<URI> urls, Duration requestTimeout) throws InterruptedException {
        List<URI> targets = List.copyOf(urls); // NullPointerException for a null list or URL
        Objects.requireNonNull(requestTimeout, "requestTimeout must not be null");
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive: " + requestTimeout);
        }
        Semaphore inFlight = new Semaphore(maxInFlight);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            // One virtual thread per URL, like one async task each; the semaphore lets
            // maxInFlight of them send at a time.
            List<Future<FetchResult>> pending = new ArrayList<>(targets.size());
            for (URI url : targets) {
                pending.add(executor.submit(() -> {
                    inFlight.acquire();
                    try {
                        return fetch(url, requestTimeout);
                    } finally {
                        inFlight.release();
                    }
                }));
            }
            // Collected in input order, whatever order they finish in.
            List<FetchResult> results = new ArrayList<>(targets.size());
            for (Future<FetchResult> result : pending) {
                try {
                    results.add(result.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("fetch failed unexpectedly", e.getCause());
                }
            }
            return List.copyOf(results);
        } finally {
            executor.shutdownNow(); // interrupts requests still running if we leave early (interrupted)
            executor.close();
        }
    }

    /** One GET; every way it can fail without a response becomes a result, never an exception. */
    private FetchResult fetch(URI url, Duration timeout) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new FetchResult(url, response.statusCode(), response.body(), null);
        } catch (IOException | RuntimeException e) {
            return new FetchResult(url, -1, null, e.getMessage());
        }
    }

    /** A message that is never empty: some exceptions (a refused ConnectException) have none. */
    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.getClass().getSimpleName());
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.isBlank()) {
                return text.append(": ").append(message).toString();
            }
        }
        return text.toString();
    }
}
