package lockstep.runner.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireTest {

    @Test
    void aRequestRoundTripsWithItsTestsCapAndLearnerPackage() throws IOException {
        RunRequest request = new RunRequest(List.of(new RunRequest.TestToRun("[engine:x]/[method:a()]", 2_500)), 4096, "ch10.bank");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Wire.write(new DataOutputStream(bytes), request);

        assertThat(Wire.readRequest(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())))).isEqualTo(request);
    }
}
