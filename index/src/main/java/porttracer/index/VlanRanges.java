package porttracer.index;

import java.util.List;

/** VLAN lists in the range notation switches print: [10, 20, 30, 31, 32] is "10,20,30-32". */
final class VlanRanges {

    private VlanRanges() {
    }

    static String compact(List<Integer> vlans) {
        if (vlans == null || vlans.isEmpty()) {
            return null;
        }
        int[] v = vlans.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
        StringBuilder sb = new StringBuilder();
        int start = v[0];
        for (int i = 1; i <= v.length; i++) {
            if (i < v.length && v[i] == v[i - 1] + 1) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(start);
            if (v[i - 1] != start) {
                sb.append('-').append(v[i - 1]);
            }
            if (i < v.length) {
                start = v[i];
            }
        }
        return sb.toString();
    }
}
