package porttracer.events;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.snmp4j.PDU;
import org.snmp4j.PDUv1;
import org.snmp4j.asn1.BER;
import org.snmp4j.asn1.BERInputStream;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.Variable;

/**
 * Reads one SNMPv1 or v2c message (RFC 1157 / RFC 1901: SEQUENCE { version, community, PDU }) with
 * SNMP4J's BER codec and says whether it is an IF-MIB link change (RFC 2863 linkUp/linkDown: v2c
 * snmpTrapOID.0 = 1.3.6.1.6.3.1.1.5.4/.3; v1 generic-trap 3/2, RFC 1215). Never throws anything
 * but {@link Malformed} on any input.
 */
final class TrapDecoder {

    /** The bytes are not an SNMPv1/v2c message. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /** A decoded message: its community and whether it signals a link change. */
    record Trap(byte[] community, boolean linkChange) {
    }

    private TrapDecoder() {
    }

    static Trap decode(byte[] data, int length) throws Malformed {
        try {
            BERInputStream in = new BERInputStream(ByteBuffer.wrap(data, 0, length));
            BER.MutableByte type = new BER.MutableByte();
            int seqLength = BER.decodeHeader(in, type);
            if (type.getValue() != BER.SEQUENCE || seqLength > length) {
                throw new Malformed("not an SNMP message sequence");
            }
            Integer32 version = new Integer32();
            version.decodeBER(in);
            OctetString community = new OctetString();
            community.decodeBER(in);
            byte[] c = community.getValue();
            if (version.getValue() == SnmpConstants.version1) {
                PDUv1 pdu = new PDUv1();
                pdu.decodeBER(in);
                boolean link = pdu.getType() == PDU.V1TRAP
                        && (pdu.getGenericTrap() == PDUv1.LINKUP || pdu.getGenericTrap() == PDUv1.LINKDOWN);
                return new Trap(c, link);
            }
            if (version.getValue() == SnmpConstants.version2c) {
                PDU pdu = new PDU();
                pdu.decodeBER(in);
                if (pdu.getType() != PDU.TRAP && pdu.getType() != PDU.INFORM) {
                    return new Trap(c, false);
                }
                Variable oid = pdu.getVariable(SnmpConstants.snmpTrapOID);
                boolean link = oid instanceof OID o && (o.equals(SnmpConstants.linkUp) || o.equals(SnmpConstants.linkDown));
                return new Trap(c, link);
            }
            throw new Malformed("SNMP version " + version.getValue() + " is not v1 or v2c");
        } catch (Malformed e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Truncated, bad lengths, wrong tags: the codec reports them as IOException or runtime errors.
            throw new Malformed("undecodable SNMP message: " + e.getClass().getSimpleName());
        }
    }
}
