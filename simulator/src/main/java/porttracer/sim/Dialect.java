package porttracer.sim;

import java.util.List;
import porttracer.domain.MacAddress;
import porttracer.domain.Platform;

/** A platform's CLI: its commands, prompt, error message and pager. */
abstract class Dialect {

    interface Handler {
        Reply run(SwitchView view, List<String> args);
    }

    /** Thrown by a handler when an argument is malformed; the CLI marks that argument as invalid input. */
    static final class BadArgument extends RuntimeException {
        BadArgument(String message) {
            super(message, null, false, false);
        }
    }

    private final CommandGrammar<Handler> grammar = new CommandGrammar<>();

    protected Dialect() {
        command("exit", (v, a) -> Reply.end());
        command("logout", (v, a) -> Reply.end());
    }

    static Dialect of(Platform platform) {
        return switch (platform) {
            case OS10 -> new Os10Dialect();
            case OS9 -> new Os9Dialect();
            case OS6 -> new Os6Dialect();
            case POWERCONNECT -> new PowerConnectDialect();
        };
    }

    protected final void command(String pattern, Handler handler) {
        grammar.add(pattern, handler);
    }

    CommandGrammar.Result<Handler> match(String line) {
        return grammar.match(line);
    }

    String prompt(SimSwitch sw) {
        return sw.name() + "#";
    }

    /** The lines the CLI prints for an unrecognised command, the '^' under {@code column} of the prompted line. */
    abstract String invalidInput(int column);

    /** What the CLI prints while output waits for a key. */
    abstract String pagerPrompt();

    static MacAddress macArgument(String text) {
        MacAddress mac = MacAddress.tryParse(text);
        if (mac == null) {
            throw new BadArgument(text);
        }
        return mac;
    }

    static String caretLine(int column) {
        return " ".repeat(column) + "^\n";
    }
}
