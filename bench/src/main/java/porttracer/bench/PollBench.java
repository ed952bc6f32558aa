package porttracer.bench;

final class PollBench {
    private PollBench() {
    }

    static void run(Opts opts) throws Exception {
        throw new UnsupportedOperationException("not yet");
    }

    static void main(String[] args) throws Exception {
        run(Opts.parse(args));
    }
}
