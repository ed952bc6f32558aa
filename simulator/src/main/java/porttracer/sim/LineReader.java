package porttracer.sim;

import java.io.IOException;

/** Reads one typed line with backspace editing, echoing it or (for passwords) not. */
final class LineReader {

    private static final int BACKSPACE = 0x08;
    private static final int DELETE = 0x7f;

    private LineReader() {
    }

    /** The line without its Enter; null at end of input. */
    static String read(Terminal terminal, boolean echo) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int key = terminal.readKey();
            if (key == Terminal.EOF) {
                return null;
            }
            if (key == Terminal.ENTER) {
                if (echo) {
                    terminal.echo("\r\n");
                }
                return line.toString();
            }
            if (key == BACKSPACE || key == DELETE) {
                if (line.length() > 0) {
                    line.setLength(line.length() - 1);
                    if (echo) {
                        terminal.echo("\b \b");
                    }
                }
            } else if (key >= 0x20) {
                line.append((char) key);
                if (echo) {
                    terminal.echo(String.valueOf((char) key));
                }
            }
        }
    }
}
