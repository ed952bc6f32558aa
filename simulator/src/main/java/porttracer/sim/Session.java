package porttracer.sim;

/** One CLI login on one switch: runs typed lines and keeps the session's terminal settings. */
final class Session {

    static final int DEFAULT_PAGE_LENGTH = 24;

    private final SwitchView view;
    private final Dialect dialect;
    private int pageLength = DEFAULT_PAGE_LENGTH;

    Session(SwitchView view, Dialect dialect) {
        this.view = view;
        this.dialect = dialect;
    }

    String prompt() {
        return dialect.prompt(view.sw());
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
