package be.kohub.access;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import be.kohub.Errors.ProblemType;
import be.kohub.Errors.Rejected;

/**
 * OIDC bearer tokens (JWTs) from the agency's identity provider: the signature is checked against
 * the provider's JWKS (a file, or a URL fetched with timeouts and cached), then issuer, audience,
 * expiry and not-before with a clock skew; the claims become the hub's {@link Client}. Only
 * asymmetric signatures are accepted (RS256, PS256, ES256): a token with {@code alg=none} or an
 * HMAC signature (whose secret could be the public key, "algorithm confusion") is refused.
 */
public final class BearerTokens {
    /** The claim that carries the role: llko, ko, analist or beheer. */
    public static final String ROLE_CLAIM = "kohub_rol";
    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.ES256);
    private static final Pattern JWT_SHAPE = Pattern.compile("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*$");
    /** The client name becomes part of an IRI (its system identity), so it keeps to unreserved characters. */
    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9._~-]{1,100}$");
    private static final int CONNECT_TIMEOUT_MS = 2_000;
    private static final int READ_TIMEOUT_MS = 2_000;
    private static final int SIZE_LIMIT_BYTES = 256 * 1024;

    private final DefaultJWTProcessor<SecurityContext> processor;

    /** Where tokens are checked: JWKS file or http(s) URL, expected issuer and audience, allowed clock skew. */
    public record Settings(String jwks, String issuer, String audience, Duration clockSkew) {
        public Settings {
            if (jwks == null || jwks.isBlank())
                throw new IllegalStateException("JWT checking needs a JWKS file or URL");
            if (issuer == null || issuer.isBlank() || audience == null || audience.isBlank())
                throw new IllegalStateException("JWT checking needs the expected issuer and audience");
            if (clockSkew == null || clockSkew.isNegative() || clockSkew.toSeconds() > Integer.MAX_VALUE)
                throw new IllegalStateException("clock skew must be zero or positive");
        }
    }

    private BearerTokens(JWKSource<SecurityContext> keys, Settings settings, Clock clock) {
        processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(settings.audience(),
                new JWTClaimsSet.Builder().issuer(settings.issuer()).build(), Set.of("exp", "iss", "aud", ROLE_CLAIM)) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        claims.setMaxClockSkew((int) settings.clockSkew().toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    /** Tokens checked as {@code settings} say, against the hub's clock. */
    public static BearerTokens of(Settings settings, Clock clock) {
        return new BearerTokens(source(settings.jwks()), settings, clock);
    }

    /** Whether a bearer value has the shape of a JWT (three base64url parts); anything else is an API key. */
    public static boolean looksLikeJwt(String bearer) {
        return JWT_SHAPE.matcher(bearer).matches();
    }

    /** The client the token stands for; refused (401, or 503 when the JWKS cannot be fetched) if it does not hold. */
    public Client client(String token) {
        JWTClaimsSet claims;
        try {
            claims = processor.process(JWTParser.parse(token), null);
        } catch (KeySourceException e) {
            throw new Rejected(ProblemType.AANMELDING_ONBESCHIKBAAR,
                    "De sleutels van de identiteitsprovider zijn nu niet op te halen; probeer later opnieuw.",
                    "The identity provider's keys cannot be fetched now; try again later.");
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw refused("Ongeldig token: " + e.getMessage(), "Invalid token: " + e.getMessage());
        }
        return client(claims);
    }

    private static Client client(JWTClaimsSet claims) {
        try {
            String name = first(claims.getStringClaim("azp"), claims.getStringClaim("client_id"), claims.getSubject());
            if (name == null || !NAME.matcher(name).matches())
                throw refused("Het token noemt geen bruikbare client (azp, client_id of sub: letters, cijfers, . _ ~ -).",
                        "The token names no usable client (azp, client_id or sub: letters, digits, . _ ~ -).");
            Role role;
            try {
                role = Role.of(claims.getStringClaim(ROLE_CLAIM));
            } catch (IllegalArgumentException e) {
                role = Role.PUBLIEK;
            }
            if (role == Role.PUBLIEK)
                throw refused("De claim " + ROLE_CLAIM + " is llko, ko, analist, beheer of monitoring.", "The claim " + ROLE_CLAIM + " is llko, ko, analist, beheer or monitoring.");
            String organisator = claims.getStringClaim("organisator");
            String loket = claims.getStringClaim("loket");
            List<String> area = claims.getStringListClaim("werkingsgebied");
            if (role == Role.KO && organisator == null)
                throw refused("Een token met rol ko noemt de organisator (KBO-nummer).", "A token with role ko names the organiser (KBO number).");
            if (role == Role.LLKO && loket == null)
                throw refused("Een token met rol llko noemt het loket (NIS-code).", "A token with role llko names the counter (NIS code).");
            return new Client(name, role, organisator, loket, area == null ? List.of() : List.copyOf(new HashSet<>(area)).stream().sorted().toList());
        } catch (ParseException e) {
            throw refused("Een claim van het token heeft een verkeerd type: " + e.getMessage(), "A claim of the token has the wrong type: " + e.getMessage());
        }
    }

    private static JWKSource<SecurityContext> source(String jwks) {
        if (jwks.startsWith("https://") || jwks.startsWith("http://")) {
            try {
                return JWKSourceBuilder.create(new URI(jwks).toURL(),
                        new DefaultResourceRetriever(CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS, SIZE_LIMIT_BYTES)).build();
            } catch (URISyntaxException | MalformedURLException | IllegalArgumentException e) {
                throw new IllegalStateException("JWKS URL not valid: " + jwks, e);
            }
        }
        try {
            // Only the public half is kept, whatever the file holds.
            return new ImmutableJWKSet<>(JWKSet.parse(Files.readString(Path.of(jwks))).toPublicJWKSet());
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("cannot read JWKS file " + jwks + ": " + e.getMessage(), e);
        }
    }

    private static Rejected refused(String nl, String en) {
        return new Rejected(ProblemType.NIET_AANGEMELD, nl, en);
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values)
            if (v != null)
                return v;
        return null;
    }
}
