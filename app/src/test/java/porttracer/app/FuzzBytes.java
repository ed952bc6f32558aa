package porttracer.app;

import java.util.Random;

/** Garbage datagrams for the event listeners: random bytes, some opening like a BER sequence. */
final class FuzzBytes {

    private FuzzBytes() {
    }

    static byte[] next(Random random, int i) {
        byte[] b = new byte[random.nextInt(300)];
        random.nextBytes(b);
        if (b.length > 2 && i % 3 == 0) {
            b[0] = 0x30; // SEQUENCE, so the decoder gets past the first tag
            b[1] = (byte) (b.length - 2 < 128 ? b.length - 2 : 0x81);
        }
        return b;
    }
}
