package porttracer.bench;

final class ReverifyBench {
    private ReverifyBench() {
    }

    static void run(Opts opts) throws Exception {
        throw new UnsupportedOperationException("not yet");
    }

    static void main(String[] args) throws Exception {
        run(Opts.parse(args));
    }
}
