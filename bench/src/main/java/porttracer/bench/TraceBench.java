package porttracer.bench;

final class TraceBench {
    private TraceBench() {
    }

    static void run(Opts opts) throws Exception {
        throw new UnsupportedOperationException("not yet");
    }

    static void main(String[] args) throws Exception {
        run(Opts.parse(args));
    }
}
