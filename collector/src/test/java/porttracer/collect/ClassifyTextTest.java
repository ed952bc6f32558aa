package porttracer.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import net.schmizz.sshj.connection.ConnectionException;
import net.schmizz.sshj.transport.TransportException;
import org.junit.jupiter.api.Test;
import porttracer.domain.Platform;
import porttracer.store.SwitchRecord;

/** A failed poll's text is shown on the page and in the API: no Java class names, whatever sshj wrapped. */
class ClassifyTextTest {

    private static final SwitchRecord SW = new SwitchRecord(1, "sw1", "127.0.0.1", 22, Platform.OS10, "S5248F-ON",
            "site", null, true, null, false);

    @Test
    void wrappedSocketFailuresReadAsWords() {
        for (Exception e : new Exception[] {new TransportException(new SocketException("Connection reset")),
                new TransportException(new EOFException()), new ConnectionException(new SocketException()),
                new IOException(new IllegalStateException()), new IllegalArgumentException("x"),
                new RuntimeException(new NullPointerException())}) {
            Poller.Failure f = Poller.classify(e, null, SW);
            assertThat(f.error()).as(e.toString()).isNotBlank().doesNotContain("Exception")
                    .doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Z]");
        }
        assertThat(Poller.classify(new TransportException(new SocketException("Connection reset")), null, SW).error())
                .isEqualTo("ssh: Connection reset");
    }
}
