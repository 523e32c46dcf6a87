package ch10.fetch.tests;

import static lockstep.testkit.Lockstep.rendezvous;
import static lockstep.testkit.Lockstep.scaled;
import static lockstep.testkit.Lockstep.startCalling;
import static lockstep.testkit.Lockstep.threadSnapshot;
import static lockstep.testkit.Lockstep.turns;
import static lockstep.testkit.Lockstep.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch10.fetch.FetchResult;
import ch10.fetch.Fetcher;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import lockstep.testkit.Bound;
import lockstep.testkit.Helper;
import lockstep.testkit.Hint;
import lockstep.testkit.Points;
import lockstep.testkit.Rendezvous;
import lockstep.testkit.ThreadSnapshot;
import lockstep.testkit.TimeLimit;
import lockstep.testkit.Turns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every test starts its own HTTP server on 127.0.0.1 (a free port) and its own client, and stops
 * both after. Nothing here ever contacts another address.
 */
class FetcherTest {

    /** The only address the tests use. */
    private static final InetAddress LOOPBACK = loopback();

    /** The longest a fetchAll whose responses come at once may take, before the slack factor. */
    private static final Bound CALL = Bound.of(Duration.ofSeconds(5));

    /** A request timeout that the fast endpoints never come near. */
    private static final Duration PATIENT = Duration.ofSeconds(10);

    /** The request timeout of the tests about timeouts, and the bound on a fetchAll that uses it. */
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(200);
    private static final Bound TIMEOUT_CALL = Bound.of(Duration.ofSeconds(2));

    /** The request timeout of the test with a slow body; its headers come at once, its body after 3 of them. */
    private static final Duration BODY_TIMEOUT = Duration.ofSeconds(1);

    /** The two halves of the slow body: the first comes with the headers, the rest once the test lets it. */
    private static final String SLOW_BODY_FIRST = "the first half, ";
    private static final String SLOW_BODY_REST = "and the rest";

    /** How long the server holds a request at most before it answers on its own. */
    private static final Duration HOLD_MAX = Duration.ofSeconds(8);

    private Server server;
    private HttpClient client;

    @BeforeEach
    void startServerAndClient() throws Exception {
        server = new Server();
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .proxy(HttpClient.Builder.NO_PROXY)
                .build();
        // One request of the test's own, so that the JDK's HTTP classes are loaded before the learner's code is
        // timed; it is left out of the server's counts.
        HttpResponse<String> warm = client.send(HttpRequest.newBuilder(server.uri("/warm-up")).timeout(CALL.limit())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(warm.statusCode()).as("the test server's answer to the test's own warm-up request").isEqualTo(404);
        server.resetCounts();
    }

    @AfterEach
    void stopServerAndClient() {
        try {
            server.close();
        } finally {
            client.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- responses

    @Test
    @Points(1)
    @Hint("Each result holds the URL it is for, the status code and the body of its response, and error == null.")
    void fetchAllGivesTheStatusAndBodyOfEachResponse() throws Exception {
        List<URI> urls = List.of(server.uri("/ok/a"), server.uri("/ok/b"), server.uri("/ok/c"));
        List<FetchResult> results = CALL.call("fetchAll(3 URLs that answer at once)",
                () -> new Fetcher(client, 3).fetchAll(urls, PATIENT));
        Map<URI, FetchResult> byUrl = byUrl(results, urls);
        for (String name : List.of("a", "b", "c")) {
            URI url = server.uri("/ok/" + name);
            FetchResult result = byUrl.get(url);
            assertThat(result.status()).as("the status of %s, which answers 200", url).isEqualTo(200);
            assertThat(result.body()).as("the body of %s", url).isEqualTo("hello " + name);
            assertThat(result.error()).as("the error of %s, which answered", url).isNull();
            assertThat(result.ok()).as("ok() of the result for %s", url).isTrue();
        }
    }

    @Test
    @Points(2)
    @Hint("An HTTP response is a response whatever its status: a 404 or a 500 gives its status and body, with"
            + " error == null. Only a request that got no response at all is an error.")
    void aStatus404Or500IsAResponseNotAnError() throws Exception {
        URI missing = server.uri("/status/404");
        URI broken = server.uri("/status/500");
        List<FetchResult> results = CALL.call("fetchAll(a URL that answers 404, one that answers 500)",
                () -> new Fetcher(client, 2).fetchAll(List.of(missing, broken), PATIENT));
        Map<URI, FetchResult> byUrl = byUrl(results, List.of(missing, broken));
        for (URI url : List.of(missing, broken)) {
            int code = url.equals(missing) ? 404 : 500;
            FetchResult result = byUrl.get(url);
            assertThat(result.error())
                    .as("the error of %s, which answered %d: a response with any status is not an error", url, code)
                    .isNull();
            assertThat(result.status()).as("the status of %s", url).isEqualTo(code);
            assertThat(result.body()).as("the body of %s", url).isEqualTo("status " + code);
        }
    }

    // ---------------------------------------------------------------- no response

    @Test
    @Points(2)
    @Hint("Catch what send throws for each URL and turn it into a result: status -1, body null and an error"
            + " message. Some exceptions (a refused connection's ConnectException) have a null message, so say"
            + " yourself what failed.")
    void aRefusedConnectionGivesStatusMinusOneAndAMessage() throws Exception {
        URI refused = URI.create("http://127.0.0.1:" + closedPort() + "/nobody-listens");
        List<FetchResult> results = CALL.call("fetchAll(a URL whose port refuses connections)",
                () -> new Fetcher(client, 1).fetchAll(List.of(refused), PATIENT));
        assertThat(results).as("the results of fetchAll(1 URL)").hasSize(1);
        assertNoResponse(results.get(0), refused, "whose port refuses connections");
    }

    @Test
    @Points(2)
    @Hint("Give each request HttpRequest.Builder.timeout(requestTimeout): without it a server that never answers"
            + " keeps the request, and fetchAll, waiting.")
    void aRequestWithNoResponseWithinTheTimeoutIsGivenUp() throws Exception {
        URI silent = server.uri("/hold");
        List<FetchResult> results;
        try {
            results = TIMEOUT_CALL.call("fetchAll(a URL that does not answer for 8 s, requestTimeout 200 ms)",
                    () -> new Fetcher(client, 1).fetchAll(List.of(silent), SHORT_TIMEOUT));
        } catch (AssertionError stuck) {
            throw new AssertionError("fetchAll with requestTimeout 200 ms was still waiting after 2 s for a server that"
                    + " does not answer: the request must be given up after its timeout (HttpRequest.Builder"
                    + ".timeout)\n" + stuck.getMessage(), stuck);
        }
        assertThat(results).as("the results of fetchAll(1 URL)").hasSize(1);
        assertNoResponse(results.get(0), silent, "that did not answer within the 200 ms timeout");
    }

    @Test
    @Points(2)
    @TimeLimit(seconds = 20)
    @Hint("HttpRequest.Builder.timeout(requestTimeout) is the only timeout to give: it gives a request up when its"
            + " response headers have not come in time, and lets a body that follows them slowly arrive. A deadline"
            + " of your own on the whole exchange (orTimeout, Future.get with a timeout) gives up responses that"
            + " did come.")
    void aSlowBodyAfterPromptHeadersIsNotGivenUp() throws Exception {
        URI slow = server.uri("/slow-body");
        Duration timeout = scaled(BODY_TIMEOUT);
        // The server sends the status, the headers and half the body at once, and the rest only once fetchAll
        // has returned (it gave the response up) or 3 timeouts have passed since the headers went out.
        String what = "fetchAll(a URL whose headers come at once and whose body comes " + timeout.toMillis() * 3
                + " ms later, requestTimeout " + timeout.toMillis() + " ms)";
        Helper<List<FetchResult>> call = startCalling(what,
                () -> new Fetcher(client, 1).fetchAll(List.of(slow), timeout));
        try {
            poll(() -> server.headersSent.getCount() == 0 || call.isFinished(), CALL.limit());
            if (server.headersSent.getCount() == 0) {
                call.thread().join(timeout.multipliedBy(3));
            }
        } finally {
            server.bodyGate.countDown();
        }
        List<FetchResult> results = call.join(CALL.limit());
        assertThat(server.headersSent.getCount())
                .as("whether the test's server got the request to %s and sent its headers (0: it did): fetchAll"
                        + " returned without sending it", slow)
                .isZero();
        assertThat(results).as("the results of fetchAll(1 URL)").hasSize(1);
        FetchResult result = results.get(0);
        assertThat(result.error())
                .as("the error of the result of %s: the request timeout is for the response headers only"
                        + " (HttpRequest.Builder.timeout), and they came at once, so this response must not be given"
                        + " up while its body comes", what)
                .isNull();
        assertThat(result.status()).as("the status of %s", slow).isEqualTo(200);
        assertThat(result.body()).as("the body of %s, all of it", slow).isEqualTo(SLOW_BODY_FIRST + SLOW_BODY_REST);
    }

    @Test
    @Points(1)
    @Hint("HttpRequest.newBuilder refuses a scheme other than http or https with an IllegalArgumentException:"
            + " that URL got no response, so it is a result with status -1, not an exception out of fetchAll.")
    void aSchemeOtherThanHttpGivesStatusMinusOneAndAMessage() throws Exception {
        URI ftp = URI.create("ftp://127.0.0.1:" + server.port() + "/x");
        List<FetchResult> results = CALL.call("fetchAll(an ftp:// URL)",
                () -> new Fetcher(client, 1).fetchAll(List.of(ftp), PATIENT));
        assertThat(results).as("the results of fetchAll(1 URL)").hasSize(1);
        assertNoResponse(results.get(0), ftp, "with the scheme ftp, which HttpClient does not speak");
    }

    @Test
    @Points(1)
    @Hint("HttpRequest.newBuilder refuses a URL whose host it cannot use (http://bad_host/x: a host name has no"
            + " underscore) with an IllegalArgumentException, as it refuses a scheme it does not speak: catch every"
            + " exception of building and sending the request for that URL, not only the ones you expect, and make"
            + " it a result with status -1.")
    void aBadHostGivesStatusMinusOneAndAMessage() throws Exception {
        // An underscore leaves the URI without a host: HttpRequest.newBuilder refuses it before any lookup, so
        // nothing here asks a name server or leaves the machine.
        URI badHost = URI.create("http://bad_host/x");
        List<FetchResult> results;
        try {
            results = CALL.call("fetchAll(http://bad_host/x, a URL whose host is no host name)",
                    () -> new Fetcher(client, 1).fetchAll(List.of(badHost), PATIENT));
        } catch (RuntimeException thrown) {
            throw new AssertionError("fetchAll([" + badHost + "]) threw " + thrown + " instead of returning a result:"
                    + " a URL whose host is no host name gets no response, so its result must have status -1 and"
                    + " a message (look at which exceptions your fetch of one URL catches)", thrown);
        }
        assertThat(results).as("the results of fetchAll(1 URL)").hasSize(1);
        assertNoResponse(results.get(0), badHost, "whose host bad_host is no host name (it has an underscore)");
    }

    @Test
    @Points(2)
    @Hint("Handle each URL's failure where that URL is fetched, so that fetchAll always returns a result for"
            + " every URL: one refused or unsupported URL must not lose the others' responses.")
    void oneFailedUrlDoesNotAffectTheOthers() throws Exception {
        URI first = server.uri("/ok/first");
        URI refused = URI.create("http://127.0.0.1:" + closedPort() + "/nobody-listens");
        URI ftp = URI.create("ftp://127.0.0.1:" + server.port() + "/x");
        URI broken = server.uri("/status/500");
        URI last = server.uri("/ok/last");
        List<URI> urls = List.of(first, refused, ftp, broken, last);
        List<FetchResult> results = CALL.call("fetchAll(5 URLs: 2 that answer 200, 1 that answers 500, a refused"
                + " one and an ftp:// one)", () -> new Fetcher(client, 5).fetchAll(urls, PATIENT));
        Map<URI, FetchResult> byUrl = byUrl(results, urls);
        assertThat(byUrl.get(first).status()).as("the status of %s, among failing URLs", first).isEqualTo(200);
        assertThat(byUrl.get(first).body()).as("the body of %s, among failing URLs", first).isEqualTo("hello first");
        assertThat(byUrl.get(last).status()).as("the status of %s, among failing URLs", last).isEqualTo(200);
        assertThat(byUrl.get(last).body()).as("the body of %s, among failing URLs", last).isEqualTo("hello last");
        assertThat(byUrl.get(broken).status()).as("the status of %s, among failing URLs", broken).isEqualTo(500);
        assertThat(byUrl.get(broken).error()).as("the error of %s, which answered 500", broken).isNull();
        assertNoResponse(byUrl.get(refused), refused, "whose port refuses connections");
        assertNoResponse(byUrl.get(ftp), ftp, "with the scheme ftp");
    }

    // ---------------------------------------------------------------- concurrency

    @Test
    @Points(3)
    @Hint("Start every request before you wait for any of them (a virtual thread or sendAsync per URL): requests"
            + " sent one after another wait for each other's responses.")
    void fetchAllSendsTheRequestsAtTheSameTime() throws Exception {
        int n = 4;
        Rendezvous meet = rendezvous(n);
        server.meeting = meet;
        List<URI> urls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            urls.add(server.uri("/meet/" + i));
        }
        // Each request is answered only once all 4 have reached the server.
        List<FetchResult> results = CALL.call("fetchAll(4 URLs, maxInFlight 4)",
                () -> new Fetcher(client, n).fetchAll(urls, PATIENT));
        meet.assertAllMet("Here a task is a request reaching the test's server. Look at where fetchAll sends its"
                + " requests and where it waits for the responses: send every request first (sendAsync, or a"
                + " virtual thread per URL), and only then wait.");
        Map<URI, FetchResult> byUrl = byUrl(results, urls);
        for (URI url : urls) {
            assertThat(byUrl.get(url).status()).as("the status of %s", url).isEqualTo(200);
        }
    }

    @Test
    @Points(3)
    @Hint("Let at most maxInFlight requests be in flight at once (a Semaphore of maxInFlight permits, taken before"
            + " each send and given back after it), but do use all of them.")
    void fetchAllNeverHasMoreThanMaxInFlightRequestsAtOnce() throws Exception {
        int limit = 3;
        int n = 9;
        List<URI> urls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            urls.add(server.uri("/gate/" + i));
        }
        // The server holds every request until the gate opens: until 3 are in flight and then a while longer,
        // time enough for any request beyond the limit to arrive too.
        Helper<List<FetchResult>> call = startCalling("fetchAll(9 URLs, maxInFlight 3)",
                () -> new Fetcher(client, limit).fetchAll(urls, PATIENT));
        boolean reached;
        try {
            reached = poll(() -> server.mostInFlight() >= limit || call.isFinished(), Duration.ofSeconds(4));
            if (reached) {
                Thread.sleep(scaled(Duration.ofMillis(300)).toMillis());
            }
        } finally {
            server.gate.countDown();
        }
        List<FetchResult> results = call.join(Duration.ofSeconds(5));
        int most = server.mostInFlight();
        assertThat(most)
                .as("the most requests the server had in flight at once during fetchAll(9 URLs) with maxInFlight 3:"
                        + " the limit was not kept")
                .isLessThanOrEqualTo(limit);
        assertThat(most)
                .as("the most requests the server had in flight at once during fetchAll(9 URLs) with maxInFlight 3,"
                        + " while it held every request for a while: with %d at most, the requests did not use the"
                        + " 3 allowed (were they sent one after another?)", most)
                .isEqualTo(limit);
        Map<URI, FetchResult> byUrl = byUrl(results, urls);
        for (URI url : urls) {
            assertThat(byUrl.get(url).status()).as("the status of %s", url).isEqualTo(200);
        }
    }

    @Test
    @Points(2)
    @Hint("Keep each result in the slot of its URL's index (or collect the futures in input order), not in the"
            + " order the responses happen to come back.")
    void fetchAllReturnsTheResultsInInputOrder() throws Exception {
        int n = 5;
        List<URI> urls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            urls.add(server.uri("/ok/" + i));
        }
        // The client hands back the responses in reverse order: the last URL's first.
        Turns turns = turns(n);
        HttpClient reversing = new HandsBackInTurns(client, urls, turns);
        List<FetchResult> results = CALL.call("fetchAll(5 URLs, maxInFlight 5)",
                () -> new Fetcher(reversing, n).fetchAll(urls, PATIENT));
        assertThat(results).as("the results of fetchAll(5 URLs)").hasSize(n);
        List<String> bodies = results.stream().map(FetchResult::body).toList();
        assertThat(bodies)
                .as("the bodies of the results, in the order fetchAll returned them: they must be in the order of"
                        + " the URLs, whatever order the responses came in (here the last URL's came first)")
                .containsExactly("hello 0", "hello 1", "hello 2", "hello 3", "hello 4");
        assertThat(results.stream().map(FetchResult::url).toList()).as("the URLs of the results, in order")
                .containsExactlyElementsOf(urls);
    }

    @Test
    @Points(2)
    @Hint("Send every request with the HttpClient given to the constructor (keep it in a field), as a GET:"
            + " HttpRequest.newBuilder(url).GET(), or the builder's default. A client of your own ignores the"
            + " settings the caller chose (its proxy, its executor, its timeouts).")
    void fetchAllSendsAGetForEveryUrlThroughTheGivenClient() throws Exception {
        List<URI> urls = List.of(server.uri("/ok/a"), server.uri("/ok/b"), server.uri("/ok/c"));
        Recording recording = new Recording(client);
        List<FetchResult> results = CALL.call("fetchAll(3 URLs, maxInFlight 3)",
                () -> new Fetcher(recording, 3).fetchAll(urls, PATIENT));
        assertThat(results).as("the results of fetchAll(3 URLs)").hasSize(3);
        assertThat(recording.sent)
                .as("the requests sent through the client given to the constructor (method and URL), one per URL:"
                        + " none means fetchAll sent with a client of its own")
                .containsExactlyInAnyOrder(urls.stream().map(url -> "GET " + url).toArray(String[]::new));
    }

    @Test
    @Points(1)
    @Hint("fetchAll gives one result per entry of the list: a URL listed twice is fetched twice and has two"
            + " results, in its two places.")
    void aUrlListedTwiceIsFetchedTwice() throws Exception {
        URI counted = server.uri("/count");
        URI other = server.uri("/ok/other");
        List<URI> urls = List.of(counted, other, counted);
        List<FetchResult> results = CALL.call("fetchAll(the same URL twice, with another one between)",
                () -> new Fetcher(client, 1).fetchAll(urls, PATIENT));
        // Order is the business of fetchAllReturnsTheResultsInInputOrder; this test checks only that
        // each entry is fetched, so a completion-order mistake does not cost its points twice.
        assertThat(results.stream().map(FetchResult::url).toList())
                .as("the URLs of the results of fetchAll(%s): one result per entry", urls)
                .containsExactlyInAnyOrderElementsOf(urls);
        assertThat(server.requestsTo("/count"))
                .as("how many GET requests reached %s, which is listed twice", counted).isEqualTo(2);
        assertThat(results.stream().filter(r -> r.url().equals(counted)).map(FetchResult::body).toList())
                .as("the bodies of the two results for %s (it answers 'visit 1', then 'visit 2')", counted)
                .containsExactlyInAnyOrder("visit 1", "visit 2");
    }

    // ---------------------------------------------------------------- arguments

    @Test
    @Points(1)
    @Hint("Check the arguments in the constructor: Objects.requireNonNull for the client, and an"
            + " IllegalArgumentException for a limit below 1.")
    void constructorRejectsANullClientOrALimitBelowOne() {
        assertThatThrownBy(() -> new Fetcher(null, 2), "new Fetcher(null, 2)")
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Fetcher(client, 0), "new Fetcher(client, 0)")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Fetcher(client, -3), "new Fetcher(client, -3)")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @Points(1)
    @Hint("Check every argument before the first request goes out: a null list, a null URL in it or a null"
            + " timeout throw NullPointerException, a negative timeout IllegalArgumentException.")
    void fetchAllRejectsNullsAndANegativeTimeoutBeforeSendingAnything() throws Exception {
        // The client records every send and sendAsync as it is called, on the thread that calls it.
        Recording recording = new Recording(client);
        Fetcher fetcher = new Fetcher(recording, 2);
        URI url = server.uri("/ok/x");
        ThreadSnapshot before = threadSnapshot().ignoring(t -> t.getName().startsWith("HttpClient-"));
        List<URI> withNull = new ArrayList<>();
        withNull.add(url);
        withNull.add(null);
        within(Duration.ofSeconds(2)).run("fetchAll with bad arguments", () -> {
            assertThatThrownBy(() -> fetcher.fetchAll(null, PATIENT), "fetchAll(null, 10 s)")
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> fetcher.fetchAll(withNull, PATIENT), "fetchAll([%s, null], 10 s)", url)
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> fetcher.fetchAll(List.of(url), null), "fetchAll([%s], null)", url)
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> fetcher.fetchAll(List.of(url), Duration.ofMillis(-1)), "fetchAll([%s], -1 ms)", url)
                    .isInstanceOf(IllegalArgumentException.class);
        });
        // A platform thread the refused calls started has surely called send by the time it is joined; the JVM
        // lists no virtual threads, so a request started on one is looked for only after 100 ms (scaled).
        before.joinNewThreads(Duration.ofSeconds(1));
        Thread.sleep(scaled(Duration.ofMillis(100)).toMillis());
        assertThat(List.copyOf(recording.sent))
                .as("the requests that calls with bad arguments gave the client (each recorded when send or"
                        + " sendAsync was called): they must check every argument and throw before sending anything")
                .isEmpty();
        assertThat(server.requestsTo("/ok/x"))
                .as("how many requests reached the server from calls with bad arguments: they must throw before"
                        + " sending anything")
                .isZero();
    }

    @Test
    @Points(1)
    @Hint("No URLs, nothing to fetch: return an empty list.")
    void fetchAllOfNoUrlsIsEmpty() throws Exception {
        List<FetchResult> results = within(Duration.ofSeconds(2)).call("fetchAll(no URLs)",
                () -> new Fetcher(client, 2).fetchAll(List.of(), PATIENT));
        assertThat(results).as("fetchAll(an empty list)").isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    private static void assertNoResponse(FetchResult result, URI url, String what) {
        assertThat(result.url()).as("the url of the result for %s", url).isEqualTo(url);
        assertThat(result.error())
                .as("the error of the result for %s (a URL %s): it got no response, so the error must say what"
                        + " failed, in a message that is not null or empty (the exception's own message may be null)",
                        url, what)
                .isNotNull().isNotBlank();
        assertThat(result.status()).as("the status of the result for %s (a URL %s): no response means -1", url, what)
                .isEqualTo(-1);
        assertThat(result.body()).as("the body of the result for %s (a URL %s): no response means null", url, what)
                .isNull();
        assertThat(result.ok()).as("ok() of the result for %s", url).isFalse();
    }

    /** The results by URL, after checking there is exactly one for each of {@code urls} (all different). */
    private static Map<URI, FetchResult> byUrl(List<FetchResult> results, List<URI> urls) {
        assertThat(results).as("the results of fetchAll(%d URLs)", urls.size()).isNotNull().hasSize(urls.size());
        assertThat(results.stream().map(FetchResult::url).toList())
                .as("the URLs of the results: one result for each URL asked for")
                .containsExactlyInAnyOrderElementsOf(urls);
        Map<URI, FetchResult> byUrl = new HashMap<>();
        for (FetchResult result : results) {
            byUrl.put(result.url(), result);
        }
        return byUrl;
    }

    /** A loopback port that was just free: nothing listens there, so a connection is refused. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
            return socket.getLocalPort();
        }
    }

    /** Polls until the condition holds; false when {@code atMost} (scaled) passed first. */
    private static boolean poll(BooleanSupplier condition, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + scaled(atMost).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(2);
        }
        return true;
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The test's HTTP server on 127.0.0.1, on a port of its own, each request handled on a thread of its own.
     * {@code /ok/<name>} answers 200 "hello <name>"; {@code /status/<code>} answers that code with "status
     * <code>"; {@code /hold} answers only when the server stops; {@code /meet/<i>} answers once the
     * rendezvous is met; {@code /gate/<i>} answers once the gate is open; {@code /count} answers "visit <n>";
     * {@code /slow-body} sends its status, headers and the first half of its body at once and the rest once
     * the body gate is open.
     * It keeps a gauge of the requests in flight: counted from the moment a handler starts until just before
     * it answers, so never longer than the client sees them in flight.
     */
    private static final class Server implements AutoCloseable {
        private final HttpServer http;
        private final ExecutorService handlers = Executors.newThreadPerTaskExecutor(
                Thread.ofPlatform().daemon().name("test-http-server-", 0).factory());
        private final CountDownLatch stopping = new CountDownLatch(1);
        final CountDownLatch gate = new CountDownLatch(1);
        final CountDownLatch headersSent = new CountDownLatch(1);
        final CountDownLatch bodyGate = new CountDownLatch(1);
        volatile Rendezvous meeting;
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger mostInFlight = new AtomicInteger();
        private final Map<String, AtomicInteger> requests = new java.util.concurrent.ConcurrentHashMap<>();

        Server() throws IOException {
            http = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 50);
            http.setExecutor(handlers);
            http.createContext("/", this::handle);
            http.start();
        }

        int port() {
            return http.getAddress().getPort();
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port() + path);
        }

        int mostInFlight() {
            return mostInFlight.get();
        }

        void resetCounts() {
            requests.clear();
            mostInFlight.set(inFlight.get());
        }

        int requestsTo(String path) {
            AtomicInteger count = requests.get(path);
            return count == null ? 0 : count.get();
        }

        private void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            int visit = requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            boolean counted = true;
            try {
                int status = 200;
                String body;
                if (path.startsWith("/ok/")) {
                    body = "hello " + path.substring("/ok/".length());
                } else if (path.startsWith("/status/")) {
                    status = Integer.parseInt(path.substring("/status/".length()));
                    body = "status " + status;
                } else if (path.equals("/hold")) {
                    awaitQuietly(stopping, HOLD_MAX);
                    body = "late";
                } else if (path.startsWith("/meet/")) {
                    Rendezvous meet = meeting;
                    if (meet != null) {
                        meet.arrive();
                    }
                    body = "met";
                } else if (path.startsWith("/gate/")) {
                    awaitQuietly(gate, HOLD_MAX);
                    body = "through";
                } else if (path.equals("/count")) {
                    body = "visit " + visit;
                } else if (path.equals("/slow-body")) {
                    byte[] first = SLOW_BODY_FIRST.getBytes(StandardCharsets.UTF_8);
                    byte[] rest = SLOW_BODY_REST.getBytes(StandardCharsets.UTF_8);
                    inFlight.decrementAndGet();
                    counted = false;
                    exchange.sendResponseHeaders(200, first.length + rest.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(first);
                        out.flush();
                        headersSent.countDown();
                        awaitQuietly(bodyGate, HOLD_MAX);
                        out.write(rest);
                    }
                    return;
                } else {
                    status = 404;
                    body = "no such path";
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                inFlight.decrementAndGet(); // before answering: the client cannot see it done any earlier
                counted = false;
                exchange.sendResponseHeaders(status, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            } finally {
                if (counted) {
                    inFlight.decrementAndGet();
                }
                exchange.close();
            }
        }

        @Override
        public void close() {
            stopping.countDown();
            gate.countDown();
            bodyGate.countDown();
            http.stop(0);
            handlers.shutdownNow();
        }

        private static void awaitQuietly(CountDownLatch latch, Duration atMost) {
            try {
                latch.await(scaled(atMost).toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * A client that sends through a real one but hands the responses back in turns: the response of URL
     * {@code i} is handed back only once the one of URL {@code i + 1} was handed back and the thread that
     * received it has ended, so the last URL's comes back first. Sent with send or sendAsync alike.
     */
    private static final class HandsBackInTurns extends Forwarding {
        private final List<URI> urls;
        private final Turns turns;

        HandsBackInTurns(HttpClient real, List<URI> urls, Turns turns) {
            super(real);
            this.urls = urls;
            this.turns = turns;
        }

        private void takeTurn(HttpRequest request) {
            int index = urls.indexOf(request.uri());
            if (index >= 0) {
                turns.take(urls.size() - 1 - index);
            }
        }

        @Override
        public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
                throws IOException, InterruptedException {
            HttpResponse<T> response = real.send(request, handler);
            takeTurn(request);
            return response;
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
                HttpResponse.BodyHandler<T> handler) {
            // Each response is handed back on a new thread of its own, which ends once the caller's stages ran.
            return real.sendAsync(request, handler).thenApplyAsync(response -> {
                takeTurn(request);
                return response;
            }, task -> Thread.ofPlatform().daemon().name("test-hands-back").start(task));
        }
    }

    /** A client that sends through a real one and records the method and URL of every request it was given. */
    private static final class Recording extends Forwarding {
        final Queue<String> sent = new ConcurrentLinkedQueue<>();

        Recording(HttpClient real) {
            super(real);
        }

        @Override
        public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
                throws IOException, InterruptedException {
            sent.add(request.method() + " " + request.uri());
            return real.send(request, handler);
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
                HttpResponse.BodyHandler<T> handler) {
            sent.add(request.method() + " " + request.uri());
            return real.sendAsync(request, handler);
        }
    }

    /** A client that does everything through a real one; the test clients above change how requests are sent. */
    private abstract static class Forwarding extends HttpClient {
        final HttpClient real;

        Forwarding(HttpClient real) {
            this.real = real;
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
                HttpResponse.BodyHandler<T> handler, HttpResponse.PushPromiseHandler<T> push) {
            return sendAsync(request, handler);
        }

        @Override
        public Optional<java.net.CookieHandler> cookieHandler() {
            return real.cookieHandler();
        }

        @Override
        public Optional<Duration> connectTimeout() {
            return real.connectTimeout();
        }

        @Override
        public Redirect followRedirects() {
            return real.followRedirects();
        }

        @Override
        public Optional<ProxySelector> proxy() {
            return real.proxy();
        }

        @Override
        public SSLContext sslContext() {
            return real.sslContext();
        }

        @Override
        public SSLParameters sslParameters() {
            return real.sslParameters();
        }

        @Override
        public Optional<java.net.Authenticator> authenticator() {
            return real.authenticator();
        }

        @Override
        public Version version() {
            return real.version();
        }

        @Override
        public Optional<java.util.concurrent.Executor> executor() {
            return real.executor();
        }
    }
}
