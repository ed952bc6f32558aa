package porttracer.sim;

import java.io.IOException;

/** Writes command output a page at a time, waiting at the platform's pager prompt between pages. */
final class Pager {

    enum Outcome { DONE, QUIT, TRUNCATED }

    private static final int CTRL_Z = 0x1a;

    private final Terminal terminal;
    private final String pagerPrompt;

    Pager(Terminal terminal, String pagerPrompt) {
        this.terminal = terminal;
        this.pagerPrompt = pagerPrompt;
    }

    /**
     * @param pageLength lines per page, 0 for no paging
     * @param truncateAfter lines after which output stops for good, -1 for never
     */
    Outcome write(String text, int pageLength, int truncateAfter) throws IOException {
        String[] lines = text.split("(?<=\n)");
        int sincePause = 0;
        for (int i = 0; i < lines.length; i++) {
            if (i == truncateAfter) {
                return Outcome.TRUNCATED;
            }
            if (pageLength > 0 && sincePause == pageLength) {
                terminal.print(pagerPrompt);
                int key = terminal.readKey();
                terminal.print("\r" + " ".repeat(pagerPrompt.length()) + "\r");
                if (key == 'q' || key == 'Q' || key == CTRL_Z || key == Terminal.EOF) {
                    return Outcome.QUIT;
                }
                sincePause = key == Terminal.ENTER ? pageLength - 1 : 0;
            }
            terminal.print(lines[i]);
            sincePause++;
        }
        return Outcome.DONE;
    }
}
