package ch10.fetch;

import java.net.URI;

/**
 * What fetching one URL gave: the status and body of the HTTP response, or, when no response
 * came, status -1, body null and an error message saying what failed.
 */
public record FetchResult(URI url, int status, String body, String error) {
    public boolean ok() { return error == null; }
}
