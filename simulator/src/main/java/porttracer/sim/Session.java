package porttracer.sim;

/** One CLI login on one switch: runs typed lines and keeps the session's terminal settings. */
final class Session {

    static final int DEFAULT_PAGE_LENGTH = 24;

    private final SwitchView view;
    private final Dialect dialect;
    private int pageLength = DEFAULT_PAGE_LENGTH;
    private boolean privileged = true;
    // What user EXEC offers here; which commands a real switch allows at privilege 1 depends on its firmware
    // and configuration (Dell OS9 Configuration Guide, "Privilege Levels"): limiting it makes a missed enable visible.
    private static final CommandGrammar<Boolean> USER_EXEC = new CommandGrammar<Boolean>()
            .add("show version", true).add("exit", true).add("logout", true);

    Session(SwitchView view, Dialect dialect) {
        this.view = view;
        this.dialect = dialect;
    }

    String prompt() {
        String p = dialect.prompt(view.sw());
        return privileged ? p : p.substring(0, p.length() - 1) + ">";
    }

    boolean privileged() {
        return privileged;
    }

    /** Drops to user EXEC ({@code hostname>}), or back to privileged EXEC after a good enable. */
    void privileged(boolean on) {
        privileged = on;
    }

    Dialect dialect() {
        return dialect;
    }

    /** Lines per page, 0 when paging is off. */
    int pageLength() {
        return pageLength;
    }

    Reply execute(String line) {
        if (line.isBlank()) {
            return Reply.text("");
        }
        if (!privileged) {
            CommandGrammar.Result<Boolean> allowed = USER_EXEC.match(line);
            if (!allowed.matched()) {
                return invalid(allowed.errorColumn());
            }
        }
        CommandGrammar.Result<Dialect.Handler> result = dialect.match(line);
        if (!result.matched()) {
            return invalid(result.errorColumn());
        }
        Reply reply;
        try {
            reply = result.match().handler().run(view, result.match().args());
        } catch (Dialect.BadArgument | NumberFormatException e) {
            return invalid(line.stripTrailing().lastIndexOf(' ') + 1);
        }
        if (reply.pageLength() != null) {
            pageLength = reply.pageLength();
        }
        return reply;
    }

    private Reply invalid(int column) {
        return Reply.text(dialect.invalidInput(prompt().length() + column));
    }
}
