package lockstep.runner.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SealTest {
    private static final Event PASS = new Event.Finished("uid", Event.Outcome.SUCCESSFUL, Optional.empty(), Event.Output.NONE, 3);
    private static final Event FAIL = new Event.Finished("uid", Event.Outcome.FAILED, Optional.of(new Event.Failure(
            List.of(new Event.Thrown("java.lang.AssertionError", "expected 2", List.of("a.B.c(B.java:1)"))))),
            new Event.Output("printed", 5), 7);

    private static byte[] sealed(byte[] key, Event... events) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        Seal seal = new Seal(key);
        for (Event event : events) {
            seal.write(out, event);
        }
        return bytes.toByteArray();
    }

    @Test
    void eventsRoundTripInOrder() throws IOException {
        byte[] key = Seal.newKey();
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(sealed(key, new Event.Ready(), FAIL, PASS, new Event.End())));
        Seal reader = new Seal(key);

        assertThat(reader.read(in)).contains(new Event.Ready());
        assertThat(reader.read(in)).contains(FAIL);
        assertThat(reader.read(in)).contains(PASS);
        assertThat(reader.read(in)).contains(new Event.End());
        assertThat(reader.read(in)).isEmpty();
    }

    @Test
    void aFrameSealedWithAnotherKeyIsTampering() throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(sealed(Seal.newKey(), PASS)));

        assertThatThrownBy(() -> new Seal(Seal.newKey()).read(in))
                .isInstanceOf(Seal.TamperedException.class).hasMessageContaining("seal does not match");
    }

    @Test
    void aReplayedOrChangedFrameIsTampering() throws IOException {
        byte[] key = Seal.newKey();
        byte[] one = sealed(key, PASS);
        byte[] twice = new byte[one.length * 2];
        System.arraycopy(one, 0, twice, 0, one.length);
        System.arraycopy(one, 0, twice, one.length, one.length);
        Seal reader = new Seal(key);
        DataInputStream replay = new DataInputStream(new ByteArrayInputStream(twice));
        assertThat(reader.read(replay)).contains(PASS);
        assertThatThrownBy(() -> reader.read(replay)).isInstanceOf(Seal.TamperedException.class).hasMessageContaining("frame 0 where frame 1");

        byte[] changed = sealed(key, FAIL);
        changed[20] ^= 1;
        assertThatThrownBy(() -> new Seal(key).read(new DataInputStream(new ByteArrayInputStream(changed))))
                .isInstanceOf(Seal.TamperedException.class);
    }
}
