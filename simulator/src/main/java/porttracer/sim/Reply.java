package porttracer.sim;

/** What a command does to the session: text to print, and whether it ends the session or changes paging. */
record Reply(String text, boolean ends, Integer pageLength) {

    static Reply text(String text) {
        return new Reply(text, false, null);
    }

    static Reply end() {
        return new Reply("", true, null);
    }

    static Reply pageLength(int lines) {
        return new Reply("", false, lines);
    }
}
