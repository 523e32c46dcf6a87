package ch10.channel.tests;

import static lockstep.testkit.Lockstep.assertParked;
import static lockstep.testkit.Lockstep.await;
import static lockstep.testkit.Lockstep.contend;
import static lockstep.testkit.Lockstep.awaitSteadilyWaiting;
import static lockstep.testkit.Lockstep.scaled;
import static lockstep.testkit.Lockstep.startCalling;
import static lockstep.testkit.Lockstep.startRunning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import ch10.channel.Channel;
import ch10.channel.ClosedException;
import ch10.channel.Sender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import lockstep.testkit.Bound;
import lockstep.testkit.Contention;
import lockstep.testkit.Helper;
import lockstep.testkit.Hint;
import lockstep.testkit.Points;
import org.junit.jupiter.api.Test;

class ChannelTest {

    /** The longest a call that should not wait for anyone may take, before the slack factor. */
    private static final Bound QUICK = Bound.of(Duration.ofSeconds(2));

    /** How long a woken send() or recv() may take to return, before the slack factor. */
    private static final Duration WAKE = Duration.ofSeconds(2);

    /** How long a waiting call must have been waiting without a break before the test goes on. */
    private static final Duration STEADY = Duration.ofMillis(50);

    /** The longest the test gives a call to start waiting, before the slack factor. */
    private static final Duration SETTLE = Duration.ofSeconds(2);

    /** How long a helper thread of the test waits at most before it gives up on its own. */
    private static final Duration PATIENCE = Duration.ofSeconds(6);

    /** How long the threads of the many-senders test send at once, before the slack factor. */
    private static final Duration SENDING = Duration.ofMillis(100);

    /** The most messages one thread of the many-senders test sends, so that a fast channel's test stays short. */
    private static final int MOST_MESSAGES = 2_000;

    // ---------------------------------------------------------------- creating and ordering

    @Test
    @Points(1)
    @Hint("A bounded channel needs room for at least one message: check the capacity before creating anything.")
    void boundedRejectsACapacityBelowOne() {
        assertThatThrownBy(() -> Channel.bounded(0), "Channel.bounded(0)").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Channel.bounded(-3), "Channel.bounded(-3)").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @Points(2)
    @Hint("A channel is a queue: the receiver takes the OLDEST buffered message first (first in, first out).")
    void messagesArriveInTheOrderTheyWereSent() throws Exception {
        Channel.Pair<String> channel = Channel.bounded(5);
        List<Optional<String>> received = QUICK.call("send() 5 messages to a channel of capacity 5, then recv() 5 times",
                () -> {
                    for (int i = 1; i <= 5; i++) {
                        channel.sender().send("m" + i);
                    }
                    List<Optional<String>> got = new ArrayList<>();
                    for (int i = 1; i <= 5; i++) {
                        got.add(channel.receiver().recv());
                    }
                    return got;
                });
        assertThat(received)
                .as("what recv() gave for the messages m1..m5 sent in this order by one sender")
                .containsExactly(Optional.of("m1"), Optional.of("m2"), Optional.of("m3"), Optional.of("m4"),
                        Optional.of("m5"));
    }

    @Test
    @Points(1)
    @Hint("tryRecv() never waits: it takes the oldest buffered message if there is one, and is empty otherwise.")
    void tryRecvTakesABufferedMessageWithoutWaiting() throws Exception {
        Channel.Pair<String> channel = Channel.bounded(2);
        QUICK.run("tryRecv() on an empty and on a filled channel (it must never wait)", () -> {
            assertThat(channel.receiver().tryRecv())
                    .as("tryRecv() on an empty channel whose sender is open").isEmpty();
            channel.sender().send("a");
            channel.sender().send("b");
            assertThat(channel.receiver().tryRecv()).as("tryRecv() after send(\"a\"), send(\"b\")").contains("a");
            channel.sender().close();
            assertThat(channel.receiver().tryRecv())
                    .as("tryRecv() after the sender closed, with \"b\" still buffered").contains("b");
            assertThat(channel.receiver().tryRecv()).as("tryRecv() once every message was taken").isEmpty();
        });
    }

    // ---------------------------------------------------------------- waiting

    @Test
    @Points(3)
    @Hint("recv() on an empty channel must sleep until a message comes (a Condition's await() or wait()), not loop"
            + " around checking the buffer.")
    void aWaitingRecvIsParkedNotSpinning() throws Exception {
        Channel.Pair<String> channel = Channel.bounded(1);
        Helper<Optional<String>> receiving = startCalling("recv() on an empty channel", channel.receiver()::recv);
        try {
            assertParked(receiving.thread(), "a thread calling recv() on an empty channel");
            QUICK.run("send(\"x\") while the receiver waits", () -> channel.sender().send("x"));
            assertThat(receiving.join(WAKE))
                    .as("what the waiting recv() returned once \"x\" was sent").contains("x");
        } finally {
            channel.sender().close();
            stop(receiving);
        }
    }

    @Test
    @Points(3)
    @Hint("The buffer is bounded: send() on a full channel must sleep (await) until the receiver takes a message,"
            + " and taking a message must wake a waiting sender.")
    void sendOnAFullChannelWaitsParkedUntilTheReceiverTakesAMessage() throws Exception {
        Channel.Pair<String> channel = Channel.bounded(2);
        QUICK.run("send(\"a\"), send(\"b\") to a channel of capacity 2", () -> {
            channel.sender().send("a");
            channel.sender().send("b");
        });
        Helper<Void> sending = startRunning("send(\"c\") to a full channel", () -> channel.sender().send("c"));
        try {
            expectWaiting(sending, "send(\"c\") on a full channel (capacity 2, \"a\" and \"b\" buffered)",
                    "the channel would then hold more messages than its capacity: send() must wait while it is full");
            assertParked(sending.thread(), "a thread calling send() on a full channel");
            assertThat(QUICK.call("recv() on the full channel", channel.receiver()::recv))
                    .as("recv() on the full channel").contains("a");
            sending.join(WAKE);
            List<Optional<String>> rest = QUICK.call("recv() twice more", () -> List.of(
                    channel.receiver().recv(), channel.receiver().recv()));
            assertThat(rest).as("the two messages recv() gave next").containsExactly(Optional.of("b"), Optional.of("c"));
        } finally {
            channel.receiver().close();
            stop(sending);
        }
    }

    @Test
    @Points(2)
    @Hint("When several senders wait for room and ONE slot frees, only one may go on: after waking up, check again"
            + " whether there is room (while, not if) before adding.")
    void aFreedSlotLetsOnlyOneWaitingSenderThrough() throws Exception {
        Channel.Pair<String> channel = Channel.bounded(1);
        Sender<String> second = channel.sender().copy();
        QUICK.run("send(\"a\") to a channel of capacity 1", () -> channel.sender().send("a"));
        Helper<Void> sendingB = startRunning("send(\"b\") to a full channel", () -> channel.sender().send("b"));
        Helper<Void> sendingC = startRunning("send(\"c\") to a full channel from a copy", () -> second.send("c"));
        try {
            expectWaiting(sendingB, "send(\"b\") on a full channel (capacity 1, \"a\" buffered)",
                    "send() must wait while the channel is full");
            expectWaiting(sendingC, "send(\"c\") on a full channel (capacity 1, \"a\" buffered)",
                    "send() must wait while the channel is full");
            assertThat(QUICK.call("recv() on the full channel", channel.receiver()::recv))
                    .as("recv() on the full channel").contains("a");
            await("one of the two waiting senders to go on once recv() freed the one slot", WAKE)
                    .until(() -> sendingB.isFinished() || sendingC.isFinished());
            Helper<Void> other = sendingB.isFinished() ? sendingC : sendingB;
            boolean stillWaiting = awaitSteadilyWaiting(other.thread(), Duration.ofMillis(250), Duration.ofSeconds(2));
            if (!stillWaiting || other.isFinished()) {
                fail("recv() freed ONE slot of a channel of capacity 1, but both waiting senders went on: the channel"
                        + " then held 2 messages, more than its capacity (in a buffer of fixed size, the second one"
                        + " overwrote the first, which is lost). A sender woken up must check again that there is room"
                        + " before adding its message (wait in a while loop, not after an if).");
            }
            String first = sendingB.isFinished() ? "b" : "c";
            String last = sendingB.isFinished() ? "c" : "b";
            assertThat(QUICK.call("recv() once one sender went on", channel.receiver()::recv))
                    .as("recv() after the sender of \"%s\" went on", first).contains(first);
            other.join(WAKE);
            assertThat(QUICK.call("recv() once both senders went on", channel.receiver()::recv))
                    .as("recv() after the sender of \"%s\" went on", last).contains(last);
        } finally {
            channel.receiver().close();
            stop(sendingB);
            stop(sendingC);
        }
    }

    // ---------------------------------------------------------------- closing the senders

    @Test
    @Points(2)
    @Hint("Closing the senders ends the stream only AFTER the buffered messages: recv() gives what is buffered first,"
            + " and is empty only when the buffer is empty and every sender is closed.")
    void recvGivesEveryBufferedMessageBeforeTheEnd() throws Exception {
        Channel.Pair<String> channel = Channel.bounded(3);
        List<Optional<String>> received = QUICK.call(
                "send 3 messages, close the sender, then recv() 5 times", () -> {
                    channel.sender().send("a");
                    channel.sender().send("b");
                    channel.sender().send("c");
                    channel.sender().close();
                    List<Optional<String>> got = new ArrayList<>();
                    for (int i = 0; i < 5; i++) {
                        got.add(channel.receiver().recv());
                    }
                    return got;
                });
        assertThat(received)
                .as("what recv() gave, 5 times, after \"a\", \"b\", \"c\" were sent and then the only sender closed:"
                        + " the messages sent before the close must not be lost")
                .containsExactly(Optional.of("a"), Optional.of("b"), Optional.of("c"), Optional.empty(),
                        Optional.empty());
    }

    @Test
    @Points(2)
    @Hint("A recv() waiting on an empty channel must be woken when the last sender closes (signal the receiver's"
            + " condition in close), and then return empty.")
    void aWaitingRecvGetsEmptyWhenTheLastSenderCloses() throws Exception {
        Channel.Pair<String> channel = Channel.bounded(1);
        Helper<Optional<String>> receiving = startCalling("recv() on an empty channel", channel.receiver()::recv);
        try {
            expectWaiting(receiving, "recv() on an empty channel whose sender is open",
                    "recv() must wait for a message while a sender is open");
            QUICK.run("close() of the only sender", channel.sender()::close);
            Optional<String> received = joinWoken(receiving, "recv() was waiting on an empty channel and went on"
                    + " waiting after its only sender closed: close() must wake the waiting receiver.");
            assertThat(received).as("what the waiting recv() returned once the only sender closed").isEmpty();
        } finally {
            stop(receiving);
        }
    }

    @Test
    @Points(2)
    @Hint("Count the open senders (copy() adds one, close() removes one): the channel is closed for the receiver only"
            + " when the count reaches zero, when the last open copy is closed.")
    void theChannelStaysOpenWhileACopyOfTheSenderLives() throws Exception {
        Channel.Pair<String> channel = Channel.bounded(2);
        Sender<String> copy = QUICK.call("copy() of the sender", channel.sender()::copy);
        QUICK.run("close() of the original sender", channel.sender()::close);
        expectOpenUntilTheCopySends(channel, copy, "the original sender closed, its copy is still open");
    }

    @Test
    @Points(2)
    @Hint("close() is idempotent: remember in each sender whether it was closed, and count it out only the first time.")
    void closingASenderTwiceCountsItOutOnce() throws Exception {
        Channel.Pair<String> channel = Channel.bounded(2);
        Sender<String> copy = QUICK.call("copy() of the sender", channel.sender()::copy);
        QUICK.run("close() of the original sender, twice", () -> {
            channel.sender().close();
            channel.sender().close();
        });
        expectOpenUntilTheCopySends(channel, copy, "the original sender was closed twice, its copy is still open");
    }

    @Test
    @Points(2)
    @Hint("Give every thread its own copy() of the sender, and let every message of one sender keep its place in the"
            + " queue: one lock around the queue, taken by send() and recv() alike.")
    void manySendersOnManyThreadsDeliverEveryMessageInEachSendersOrder() throws Exception {
        // 4 threads start together and send numbered messages for 100 ms (at most 2,000 each), then an end
        // marker; the receiver takes messages until it has every end marker. The work is bounded by time, not by a
        // count: a slow but correct channel (a fair lock hands over at every send and recv) simply carries fewer
        // messages, and every one of them must arrive, in its sender's order.
        int threads = 4;
        Channel.Pair<String> channel = Channel.bounded(4);
        QUICK.run("send(\"main-0\"), send(\"main-1\")", () -> {
            channel.sender().send("main-0");
            channel.sender().send("main-1");
        });
        List<Sender<String>> copies = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            copies.add(QUICK.call("copy() of the sender", channel.sender()::copy));
        }
        CountDownLatch allReceived = new CountDownLatch(1);
        Contention<Integer> senders = contend("sending thread", threads, SENDING, (t, window) -> {
            Sender<String> copy = copies.get(t);
            int sent = 0;
            while (sent < MOST_MESSAGES && window.isOpen()) {
                copy.send("w" + t + "-" + sent);
                sent++;
            }
            copy.send("w" + t + "-end");
            allReceived.await(scaled(PATIENCE).toMillis(), TimeUnit.MILLISECONDS);
            copy.close();
            return sent;
        });
        try {
            List<String> received = Bound.of(Duration.ofSeconds(5)).call("recv() of the messages that 4 threads sent"
                    + " for " + SENDING.toMillis() + " ms, each through its own copy of the sender, and the test's own"
                    + " two", () -> {
                        List<String> got = new ArrayList<>();
                        int ends = 0;
                        int mains = 0;
                        while (ends < threads || mains < 2) {
                            Optional<String> next = channel.receiver().recv();
                            if (next.isEmpty()) {
                                break;
                            }
                            got.add(next.get());
                            ends += next.get().endsWith("-end") ? 1 : 0;
                            mains += next.get().startsWith("main-") ? 1 : 0;
                        }
                        return got;
                    });
            allReceived.countDown();
            List<Integer> sent = senders.join(WAKE.plus(SENDING));
            Map<String, List<String>> bySender = new HashMap<>();
            for (String message : received) {
                int dash = message.lastIndexOf('-');
                bySender.computeIfAbsent(message.substring(0, dash), k -> new ArrayList<>()).add(message.substring(dash + 1));
            }
            assertThat(bySender.get("main"))
                    .as("the order in which the test's own messages arrived (sent as main-0, main-1)")
                    .containsExactly("0", "1");
            for (int t = 0; t < threads; t++) {
                List<String> arrived = bySender.getOrDefault("w" + t, List.of());
                int count = sent.get(t);
                String wrong = firstOutOfPlace("w" + t, arrived, count);
                if (wrong != null) {
                    String what = (count == 0 ? "" : "w" + t + "-0 to w" + t + "-" + (count - 1) + ", then ") + "w" + t
                            + "-end";
                    fail("thread w" + t + " sent " + what + " through its own copy of the sender: each message must"
                            + " arrive once, in the order it was sent, but " + wrong + ".");
                }
            }
            QUICK.run("close() of the test's own sender", channel.sender()::close);
            assertThat(QUICK.call("recv() once every sender closed", channel.receiver()::recv))
                    .as("recv() once every message was received and every sender closed").isEmpty();
        } finally {
            allReceived.countDown();
            channel.receiver().close();
            senders.stop();
        }
    }

    /**
     * Where the messages of {@code sender}, in the order they arrived (by what follows its name), differ from
     * {@code sender}-0, -1, ..., -{@code count - 1}, -end; null when they do not.
     */
    private static String firstOutOfPlace(String sender, List<String> arrived, int count) {
        for (int i = 0; i <= count; i++) {
            String expected = sender + "-" + (i < count ? String.valueOf(i) : "end");
            if (i >= arrived.size()) {
                return "only " + arrived.size() + " of its " + (count + 1) + " messages arrived; the first missing one is "
                        + expected;
            }
            String got = sender + "-" + arrived.get(i);
            if (!got.equals(expected)) {
                return "its message number " + (i + 1) + " to arrive was " + got + " instead of " + expected;
            }
        }
        if (arrived.size() > count + 1) {
            return (arrived.size() - count - 1) + " more of its messages arrived than it sent, the first of them "
                    + sender + "-" + arrived.get(count + 1);
        }
        return null;
    }

    // ---------------------------------------------------------------- closing the receiver

    @Test
    @Points(1)
    @Hint("Once the receiver is closed nobody will read a message again: send() must throw ClosedException.")
    void sendAfterTheReceiverClosedThrowsClosedException() throws Exception {
        Channel.Pair<String> channel = Channel.bounded(2);
        Sender<String> copy = QUICK.call("copy() of the sender", channel.sender()::copy);
        QUICK.run("close() of the receiver, twice", () -> {
            channel.receiver().close();
            channel.receiver().close();
        });
        assertThatThrownBy(() -> QUICK.run("send(\"late\") after the receiver closed",
                () -> channel.sender().send("late")), "send(\"late\") on a channel with room whose receiver is closed")
                .isInstanceOf(ClosedException.class);
        assertThatThrownBy(() -> QUICK.run("send(\"late\") from a copy after the receiver closed",
                () -> copy.send("late")), "send(\"late\") from a copy of the sender, after the receiver closed")
                .isInstanceOf(ClosedException.class);
    }

    @Test
    @Points(2)
    @Hint("A send() waiting for room must be woken when the receiver closes (signal the senders' condition in"
            + " close), and then throw ClosedException.")
    void aWaitingSendThrowsClosedExceptionWhenTheReceiverCloses() throws Exception {
        Channel.Pair<String> channel = Channel.bounded(1);
        QUICK.run("send(\"a\") to a channel of capacity 1", () -> channel.sender().send("a"));
        Helper<Void> sending = startRunning("send(\"b\") to a full channel", () -> channel.sender().send("b"));
        try {
            expectWaiting(sending, "send(\"b\") on a full channel (capacity 1, \"a\" buffered)",
                    "send() must wait while the channel is full");
            QUICK.run("close() of the receiver", channel.receiver()::close);
            Throwable thrown = catchThrowable(() -> joinWoken(sending, "send() was waiting on a full channel and"
                    + " went on waiting after the receiver closed: close() must wake the waiting senders, and they"
                    + " must throw ClosedException."));
            rethrowIfBoundFailed(thrown);
            assertThat(thrown)
                    .as("what the send() waiting on a full channel threw when the receiver closed")
                    .isInstanceOf(ClosedException.class);
        } finally {
            stop(sending);
        }
    }

    // ---------------------------------------------------------------- refusals and interrupts

    @Test
    @Points(1)
    @Hint("Check the message for null first; a closed sender remembers it is closed and refuses send() and copy()"
            + " with IllegalStateException.")
    void aNullMessageOrAClosedSenderIsRefused() throws Exception {
        Channel.Pair<String> channel = Channel.bounded(1);
        Sender<String> copy = QUICK.call("copy() of the sender", channel.sender()::copy);
        assertThatThrownBy(() -> QUICK.run("send(null)", () -> channel.sender().send(null)), "send(null)")
                .isInstanceOf(NullPointerException.class);
        QUICK.run("send(\"a\") to a channel of capacity 1", () -> channel.sender().send("a"));
        assertThatThrownBy(() -> QUICK.run("send(null) on a full channel (it must throw, not wait)",
                () -> channel.sender().send(null)), "send(null) on a full channel").isInstanceOf(NullPointerException.class);
        QUICK.run("close() of the original sender", channel.sender()::close);
        assertThatThrownBy(() -> QUICK.run("send(\"x\") on a closed sender", () -> channel.sender().send("x")),
                "send(\"x\") on a sender that was closed (its copy is still open)")
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> QUICK.call("copy() of a closed sender", channel.sender()::copy),
                "copy() of a sender that was closed").isInstanceOf(IllegalStateException.class);
        List<Optional<String>> received = QUICK.call("tryRecv() twice", () -> List.of(
                channel.receiver().tryRecv(), channel.receiver().tryRecv()));
        assertThat(received)
                .as("what tryRecv() gave twice after send(\"a\") and the refused calls: nothing refused may be"
                        + " delivered")
                .containsExactly(Optional.of("a"), Optional.empty());
        copy.close();
    }

    @Test
    @Points(2)
    @Hint("A waiting recv() or send() that is interrupted must throw InterruptedException at once (Condition.await()"
            + " does), not swallow it and wait on; an interrupted send() delivers nothing.")
    void aWaitingRecvOrSendThrowsInterruptedExceptionWhenInterrupted() throws Exception {
        Channel.Pair<String> channel = Channel.bounded(1);
        Helper<Optional<String>> receiving = startCalling("recv() on an empty channel", channel.receiver()::recv);
        Helper<Void> sending = null;
        try {
            expectWaiting(receiving, "recv() on an empty channel whose sender is open",
                    "recv() must wait for a message while a sender is open");
            receiving.thread().interrupt();
            expectInterrupted(receiving, "recv() waiting on an empty channel");

            QUICK.run("send(\"a\") to a channel of capacity 1", () -> channel.sender().send("a"));
            sending = startRunning("send(\"b\") to a full channel", () -> channel.sender().send("b"));
            expectWaiting(sending, "send(\"b\") on a full channel (capacity 1, \"a\" buffered)",
                    "send() must wait while the channel is full");
            sending.thread().interrupt();
            expectInterrupted(sending, "send(\"b\") waiting on a full channel");
            List<Optional<String>> received = QUICK.call("tryRecv() twice", () -> List.of(
                    channel.receiver().tryRecv(), channel.receiver().tryRecv()));
            assertThat(received)
                    .as("what tryRecv() gave twice after send(\"a\") and an interrupted send(\"b\"): the interrupted"
                            + " send must not deliver its message")
                    .containsExactly(Optional.of("a"), Optional.empty());
        } finally {
            channel.sender().close();
            channel.receiver().close();
            stop(receiving);
            if (sending != null) {
                stop(sending);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /**
     * The channel's original sender is closed (once or twice) and {@code copy} is open: a recv() must wait, get
     * what the copy sends, and be empty once the copy closed too.
     */
    private static void expectOpenUntilTheCopySends(Channel.Pair<String> channel, Sender<String> copy, String state)
            throws Exception {
        Helper<Optional<String>> receiving = startCalling("recv() while " + state, channel.receiver()::recv);
        try {
            awaitSteadilyWaiting(receiving.thread(), STEADY, SETTLE);
            if (receiving.isFinished()) {
                Throwable thrown = catchThrowable(() -> receiving.join(WAKE));
                fail("recv() on an empty channel returned " + (thrown == null ? receiving.join(WAKE) : thrown)
                        + " at once although " + state + ": the channel is closed for the receiver only once EVERY"
                        + " sender is closed, so recv() must wait for the copy's messages.");
            }
            QUICK.run("send(\"from the copy\") through the copy", () -> copy.send("from the copy"));
            assertThat(receiving.join(WAKE))
                    .as("what the waiting recv() returned once the copy sent \"from the copy\" (" + state + ")")
                    .contains("from the copy");
            QUICK.run("close() of the copy", copy::close);
            assertThat(QUICK.call("recv() once every sender closed", channel.receiver()::recv))
                    .as("recv() once the copy closed too, so every sender is closed").isEmpty();
        } finally {
            copy.close();
            stop(receiving);
        }
    }

    /** Waits until {@code call} waits steadily; fails when it returned or threw instead. */
    private static void expectWaiting(Helper<?> call, String what, String why) throws Exception {
        awaitSteadilyWaiting(call.thread(), STEADY, SETTLE);
        if (call.isFinished()) {
            Throwable thrown = catchThrowable(() -> call.join(WAKE));
            fail(what + " " + (thrown == null ? "returned" : "threw " + thrown) + " at once instead of waiting: "
                    + why + ".");
        }
    }

    /** Expects the interrupted {@code call} to throw InterruptedException soon. */
    private static void expectInterrupted(Helper<?> call, String what) throws Exception {
        Throwable thrown = catchThrowable(() -> joinWoken(call, what + " was interrupted but went on waiting: let"
                + " the InterruptedException of await() go up to the caller instead of catching it."));
        rethrowIfBoundFailed(thrown);
        if (thrown == null) {
            fail(what + " returned normally when it was interrupted: it must throw InterruptedException.");
        }
        assertThat(thrown).as("what " + what + " threw when it was interrupted").isInstanceOf(InterruptedException.class);
    }

    /**
     * Joins a call that something should have woken; when it is still waiting after {@link #WAKE}, fails with
     * {@code stuckMessage} followed by where its thread waits.
     */
    private static <T> T joinWoken(Helper<T> call, String stuckMessage) throws Exception {
        return call.join(WAKE, stuckMessage);
    }

    /** A bound that ran out is already the whole story: let its message through unchanged. */
    private static void rethrowIfBoundFailed(Throwable thrown) {
        if (thrown instanceof AssertionError error) {
            throw error;
        }
    }

    /** Makes sure a helper the test started does not go on waiting (or spinning) after the test. */
    private static void stop(Helper<?> helper) {
        if (!helper.isFinished()) {
            helper.thread().interrupt();
        }
    }
}
