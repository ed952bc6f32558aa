package porttracer.sim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The latest command lines one switch received, for tests that check what reached it. */
final class CommandLog {

    static final int CAPACITY = 10_000;

    private final Deque<String> lines = new ArrayDeque<>();

    synchronized void add(String line) {
        if (lines.size() == CAPACITY) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
