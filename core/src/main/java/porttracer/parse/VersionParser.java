package porttracer.parse;

import porttracer.domain.Platform;
import porttracer.domain.VersionInfo;

/**
 * {@code show version} of every family. OS10 and OS9 print "Label: value" lines ("OS Version",
 * "System Type"; OS9 "Application Software Version" after a "Dell", "Dell Force10" or "Force10"
 * prefix, "Chassis Type" on chassis systems); OS6/FASTPATH prints dotted labels ("System Model ID....")
 * and a unit table whose "current-active" column is the running version; PowerConnect 55xx prints
 * only a "Unit SW version Boot version HW version" table.
 */
final class VersionParser {
    private String model;
    private String osVersion;
    private String serviceTag;
    private String serial;
    private Platform family;
    private int versionColumn = -1;

    private VersionParser() {
    }

    static VersionInfo parse(String output) {
        VersionParser p = new VersionParser();
        Lines l = new Lines(output);
        Tokens t = new Tokens();
        while (l.next()) {
            if (!l.isBlank()) {
                p.line(l.line(), t.split(l));
            }
        }
        return new VersionInfo(p.model, p.osVersion, p.serviceTag, p.serial, p.family);
    }

    private void line(String text, Tokens t) {
        if (versionColumn >= 0 && osVersion == null && t.count() > versionColumn && t.intValue(0) >= 0) {
            osVersion = t.get(versionColumn);
            return;
        }
        if (unitHeader(t)) {
            return;
        }
        if (text.contains("OS10 Enterprise")) {
            family = Platform.OS10;
        } else if (text.contains("Real Time Operating System Software")) {
            family = Platform.OS9;
        }
        LabeledLine kv = LabeledLine.of(text);
        if (kv.label() == null || kv.value().isEmpty()) {
            return;
        }
        String label = kv.label();
        if (kv.is("OS Version")) {
            family = family == null ? Platform.OS10 : family;
            osVersion = kv.value();
        } else if (label.endsWith("Application Software Version")) {
            family = Platform.OS9;
            osVersion = kv.value();
        } else if (kv.is("System Type") || kv.is("Chassis Type") || kv.is("System Model ID")) {
            model = kv.value();
        } else if (kv.is("Machine Description")) {
            family = Platform.OS6;
        } else if (kv.is("Serial Number")) {
            serial = kv.value();
        } else if (kv.is("Service Tag")) {
            serviceTag = kv.value();
        }
    }

    /** The OS6 "unit active backup current-active next-active" or the 55xx "Unit SW version ..." header. */
    private boolean unitHeader(Tokens t) {
        if (t.count() < 2 || !t.is(0, "unit")) {
            return false;
        }
        for (int i = 1; i < t.count(); i++) {
            if (t.is(i, "current-active")) {
                versionColumn = i;
                family = Platform.OS6;
                return true;
            }
        }
        if (t.count() >= 3 && t.is(1, "SW") && t.is(2, "version")) {
            versionColumn = 1;
            family = Platform.POWERCONNECT;
            return true;
        }
        return false;
    }
}
