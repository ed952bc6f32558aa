package porttracer.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import porttracer.domain.MacEntry;
import porttracer.domain.Platform;
import porttracer.parse.ParseResult;
import porttracer.parse.Parsers;

/** What the simulator prints, read back by the production parser, is exactly the simulator's ground truth. */
class MacTableRoundTripTest {

    @ParameterizedTest
    @EnumSource(Platform.class)
    void parsedTableEqualsGroundTruth(Platform platform) {
        Fleet fleet = Fleet.generate(new FleetSpec(11, 2, 2, 2, 40, List.of(platform), platform));
        fleet.churn(5, 0.2);
        for (SimSwitch sw : fleet.switches()) {
            Session session = new Session(new SwitchView(fleet, sw), Dialect.of(platform));
            String output = session.execute(macTableCommand(platform)).text();
            ParseResult<MacEntry> parsed = Parsers.macTable(output);
            assertThat(parsed.unparsedLines()).as(sw.name()).isEmpty();
            assertThat(parsed.rows()).as(sw.name()).isEqualTo(fleet.macTable(sw.name()));
        }
    }

    private static String macTableCommand(Platform platform) {
        return platform == Platform.OS9 ? "show mac-address-table" : "show mac address-table";
    }
}
