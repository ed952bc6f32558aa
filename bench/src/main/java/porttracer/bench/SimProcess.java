package porttracer.bench;

final class SimProcess {
    private SimProcess() {
    }

    static void run(Opts opts) throws Exception {
        throw new UnsupportedOperationException("not yet");
    }

    static void main(String[] args) throws Exception {
        run(Opts.parse(args));
    }
}
