package dev.cairn.system;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Truncates IP addresses so that a full address is never stored. */
public final class IpAddresses {

    private IpAddresses() {}

    /** Returns the /24 network of an IPv4 address or the /48 of an IPv6 one, or null if unparseable. */
    public static String prefix(String address) {
        if (address == null || address.isBlank() || !address.matches("[0-9a-fA-F:.]+")) {
            return null;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            int keep = bytes.length == 4 ? 3 : 6;
            for (int i = keep; i < bytes.length; i++) {
                bytes[i] = 0;
            }
            return InetAddress.getByAddress(bytes).getHostAddress() + "/" + (keep * 8);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
