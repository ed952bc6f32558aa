package porttracer.sim;

/**
 * Misbehaviour to inject into one switch, switchable while sessions are open. All off by default.
 * <ul>
 * <li>{@code rejectAuth}: every login fails as if the password were wrong;</li>
 * <li>{@code hang}: commands are echoed but never answered (the client must time out);</li>
 * <li>{@code truncateAfterLines}: output stops after that many lines and the connection drops (-1 = off);</li>
 * <li>{@code garbage}: output is preceded by bytes that are not text;</li>
 * <li>{@code longLine}: a MAC table carries one line of that many characters in its middle (0 = off);</li>
 * <li>{@code pagingStuck}: {@code terminal length 0} is accepted but output still pages at the pager prompt.</li>
 * </ul>
 */
public final class SwitchFaults {

    private volatile boolean rejectAuth;
    private volatile boolean hang;
    private volatile int truncateAfterLines = -1;
    private volatile boolean garbage;
    private volatile int longLine;
    private volatile boolean pagingStuck;

    public boolean rejectAuth() {
        return rejectAuth;
    }

    public SwitchFaults rejectAuth(boolean on) {
        rejectAuth = on;
        return this;
    }

    public boolean hang() {
        return hang;
    }

    public SwitchFaults hang(boolean on) {
        hang = on;
        return this;
    }

    public int truncateAfterLines() {
        return truncateAfterLines;
    }

    public SwitchFaults truncateAfterLines(int lines) {
        truncateAfterLines = lines;
        return this;
    }

    public boolean garbage() {
        return garbage;
    }

    public SwitchFaults garbage(boolean on) {
        garbage = on;
        return this;
    }

    public int longLine() {
        return longLine;
    }

    public SwitchFaults longLine(int characters) {
        longLine = characters;
        return this;
    }

    public boolean pagingStuck() {
        return pagingStuck;
    }

    public SwitchFaults pagingStuck(boolean on) {
        pagingStuck = on;
        return this;
    }

    public SwitchFaults clear() {
        rejectAuth = false;
        hang = false;
        truncateAfterLines = -1;
        garbage = false;
        longLine = 0;
        pagingStuck = false;
        return this;
    }
}
