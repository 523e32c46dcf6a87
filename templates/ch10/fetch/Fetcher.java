package ch10.fetch;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

/** Fetches many URLs at once, with a limit on how many requests are in flight. */
public final class Fetcher {

    /** maxInFlight >= 1. */
    public Fetcher(HttpClient client, int maxInFlight) {
        throw new UnsupportedOperationException("TODO: check and keep the client and the limit on requests in flight");
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
        throw new UnsupportedOperationException(
                "TODO: start every GET at once (a Semaphore caps those in flight), turn failures into results, keep input order");
    }
}
