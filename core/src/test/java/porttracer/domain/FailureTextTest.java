package porttracer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import org.junit.jupiter.api.Test;

class FailureTextTest {

    @Test
    void wrappedCausesLoseTheirClassNames() {
        // sshj's SSHException(Throwable) takes the cause's toString() as its message
        IOException wrapped = new IOException(new SocketException("Connection reset"));
        assertThat(wrapped.getMessage()).isEqualTo("java.net.SocketException: Connection reset");
        assertThat(FailureText.of(wrapped)).isEqualTo("Connection reset");
        assertThat(FailureText.of(new IOException("Broken transport; encountered EOF")))
                .isEqualTo("Broken transport; encountered EOF");
        assertThat(FailureText.of(new IllegalStateException("SocketException: closed"))).isEqualTo("closed");
    }

    @Test
    void messageLessFailuresAreNamedInWords() {
        assertThat(FailureText.of(new IOException(new EOFException()))).isEqualTo("connection closed by the peer");
        assertThat(FailureText.of(new SocketException())).isEqualTo("connection lost");
        assertThat(FailureText.of(new IllegalStateException())).isEqualTo("unexpected failure: illegal state");
        assertThat(FailureText.of(new NullPointerException())).doesNotContain("Exception").isNotBlank();
    }

    @Test
    void longMessagesAreCut() {
        assertThat(FailureText.of(new IOException("x".repeat(1000)))).hasSize(303);
    }
}
