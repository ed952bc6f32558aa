package porttracer.app;

final class ParseCommand {
    private ParseCommand() {
    }

    static void main(String[] args) {
        System.err.println("parse: not available in this build yet");
        System.exit(2);
    }
}
