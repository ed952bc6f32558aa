package porttracer.bench;

import java.util.Arrays;

/** ./porttracer bench &lt;parse|trace|poll|reverify|freshness|escluster&gt; [--name value ...]: each prints a summary, then one JSON line. */
public final class BenchMain {

    private static final String USAGE = """
            usage: porttracer bench <name> [--option value ...]
              parse     [--lines 200000] [--platforms os10,os9,os6,powerconnect] [--jmh true] [--forks 1]
                        [--warmup 3] [--warmup-s 2] [--iterations 5] [--measure-s 2] [--cpu-ms 3000]
              trace     [--macs 200000] [--floor-switches 10] [--latency-ms 1000] [--live-macs 3]
                        [--seconds 10] [--clients 1,8,32] [--load-threads 3] [--keep false] [--reuse false]
              poll      [--switches 1000] [--macs-per-switch 500] [--latency-ms 1000] [--interval 300]
                        [--threads computed] [--sim-processes computed] [--moved-switches 110] [--cycles 2]
                        [--mode burst|scheduled] [--nodes 1|2 (scheduled)] [--db-pool N]
                        [--reuse-sessions false] [--jfr DIR]
              reverify  [--latency-ms 1000] [--repeats 5] [--platform os6]
              freshness [--sites 3] [--latency-ms 1000] [--interval 300] [--plugs 40] [--window 240] [--debounce 10]
              escluster [--nodes 3] [--base-port 9411] [--heap-mb 512] [--switches 44] [--macs-per-switch 100]
                        [--latency-ms 1000] [--threads 4] [--churn 0.1]
            Environment: PORTTRACER_DB_URL, PORTTRACER_ES_INDEX_PREFIX (set by ./porttracer bench).""";

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && (args[0].equals("help") || args[0].equals("--help"))) {
            System.out.println(USAGE);
            return;
        }
        if (args.length == 0) {
            System.err.println(USAGE);
            System.exit(2);
        }
        Opts opts = Opts.parse(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "parse" -> ParseBench.run(opts);
            case "trace" -> TraceBench.run(opts);
            case "poll" -> PollBench.run(opts);
            case "reverify" -> ReverifyBench.run(opts);
            case "freshness" -> FreshnessBench.run(opts);
            case "escluster" -> EsClusterBench.run(opts);
            default -> {
                System.err.println("unknown benchmark " + args[0] + "\n" + USAGE);
                System.exit(2);
            }
        }
        System.exit(0);
    }
}
