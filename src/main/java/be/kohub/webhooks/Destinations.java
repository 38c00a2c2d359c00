package be.kohub.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which callback URLs the hub calls. A callback is an http(s) URL without user info or fragment.
 * Unless private networks are allowed (tests, {@code serve --demo}), every address its host
 * resolves to must be a public one: a hub usually runs next to things no outsider should reach
 * through it (metadata services at 169.254.169.254, admin ports on loopback, the private LAN),
 * so letting any client choose where the hub POSTs would make it a proxy into them (SSRF). The
 * check runs at registration and again before every attempt, since DNS answers change; redirects
 * are never followed (DeliveryWorker).
 */
final class Destinations {
    static final int MAX_URL_LENGTH = 2000;
    private final boolean allowPrivate;

    Destinations(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** The URL as a URI, or why it is not a callback (Dutch, English). */
    static Result parse(String text) {
        if (text.length() > MAX_URL_LENGTH)
            return Result.refused("callbackUrl is hoogstens " + MAX_URL_LENGTH + " tekens.", "callbackUrl has at most " + MAX_URL_LENGTH + " characters.");
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return Result.refused("callbackUrl is geen geldige URL.", "callbackUrl is not a valid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https"))
            return Result.refused("callbackUrl begint met http:// of https://.", "callbackUrl starts with http:// or https://.");
        if (uri.getRawUserInfo() != null)
            return Result.refused("callbackUrl bevat geen gebruikersnaam of wachtwoord (het geheim ondertekent elke bezorging).",
                    "callbackUrl holds no user name or password (the secret signs every delivery).");
        if (uri.getRawFragment() != null)
            return Result.refused("callbackUrl heeft geen fragment (#…).", "callbackUrl has no fragment (#…).");
        if (uri.getHost() == null || uri.getHost().isBlank())
            return Result.refused("callbackUrl noemt een host.", "callbackUrl names a host.");
        return new Result(uri, null, null);
    }

    /** Empty if the hub may call the URI now; else why not (Dutch, English). Resolves the host. */
    Optional<String[]> refusal(URI uri) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of(new String[] {"de host " + uri.getHost() + " is onbekend.", "the host " + uri.getHost() + " is unknown."});
        }
        if (allowPrivate)
            return Optional.empty();
        for (InetAddress address : addresses)
            if (!isPublic(address))
                return Optional.of(new String[] {
                        "de host " + uri.getHost() + " wijst naar " + address.getHostAddress() + ", een loopback-, privé- of link-local-adres; "
                                + "de hub roept alleen publieke adressen aan.",
                        "the host " + uri.getHost() + " points to " + address.getHostAddress() + ", a loopback, private or link-local address; "
                                + "the hub calls public addresses only."});
        return Optional.empty();
    }

    /** Not loopback, private, link-local, unique-local, carrier-grade NAT, multicast, unspecified or reserved. */
    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress())
            return false;
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff, second = b[1] & 0xff;
            return first != 0                                   // "this network"
                    && !(first == 100 && second >= 64 && second < 128)  // carrier-grade NAT 100.64/10
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0)  // IETF protocol assignments 192.0.0/24
                    && !(first == 198 && (second == 18 || second == 19))     // benchmarking 198.18/15
                    && first < 240;                                 // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc)                          // unique local fc00::/7
                return false;
            boolean embedsV4 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b; // NAT64 64:ff9b::/96
            if (embedsV4) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A parsed callback URL, or the reason it is refused. */
    record Result(URI uri, String nl, String en) {
        static Result refused(String nl, String en) {
            return new Result(null, nl, en);
        }
    }
}
