package porttracer.config;

/** Where an unmarked port stops being an edge ({@code classify.*}): more MACs, or more VLANs on a trunk, than this. */
public record ClassifyConfig(int maxEdgeMacs, int maxEdgeVlans) {

    public static ClassifyConfig from(Settings s) {
        return new ClassifyConfig(s.intAtLeast("classify.max-edge-macs", 1), s.intAtLeast("classify.max-edge-vlans", 1));
    }
}
