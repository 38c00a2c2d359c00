package be.kohub.access;

import static be.kohub.RunningHub.json;
import static be.kohub.RunningHub.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import be.kohub.RunningHub;

/**
 * OIDC bearer tokens checked against the identity provider's JWKS (a file, or a URL served here
 * on the loopback address): each role maps to a client with its scope, and every token that does
 * not hold is refused with 401 and changes nothing. Keys are generated for the test run only.
 */
class BearerTokensTest {
    static final String ISSUER = "https://idp.test.kohub.be/realms/opgroeien";
    static final String AUDIENCE = "kohub";
    static final String LOCATION = "locaties/gent-kdv-de-notelaar.jsonld";
    static RSAKey idp;
    static ECKey idpEc;
    static RSAKey stranger;
    static Path jwksFile;

    @BeforeAll
    static void keys() throws Exception {
        idp = new RSAKeyGenerator(2048).keyID("idp-1").generate();
        idpEc = new ECKeyGenerator(Curve.P_256).keyID("idp-ec").generate();
        stranger = new RSAKeyGenerator(2048).keyID("idp-1").generate();
        jwksFile = Files.createTempFile("kohub-jwks", ".json");
        Files.writeString(jwksFile, publicJwks());
    }

    @AfterAll
    static void removeFile() throws IOException {
        Files.deleteIfExists(jwksFile);
    }

    @Test
    void eachRoleGetsItsScopeAndTheTokenClientIsTheSourceSystem() throws Exception {
        try (RunningHub hub = RunningHub.start(b -> b.jwks(jwksFile.toString()).jwtIssuer(ISSUER).jwtAudience(AUDIENCE))) {
            String ko = rs256(claims("ko-idp-gent", "ko").claim("organisator", "0299541641").build());
            HttpResponse<String> created = hub.postJsonLd("/locaties", ko, sample(LOCATION));
            assertEquals(201, created.statusCode(), created.body());
            String history = hub.get(created.headers().firstValue("Location").orElseThrow() + "/geschiedenis", null).body();
            assertTrue(history.contains("ko-idp-gent"), history);
            assertEquals(403, hub.getAs("/beheer/clients", ko, "application/json").statusCode());

            String beheer = rs256(claims("opgroeien-idp", "beheer").build());
            assertEquals(200, hub.getAs("/beheer/clients", beheer, "application/json").statusCode());

            String analist = es256(claims("analist-idp", "analist").build());
            assertEquals(200, hub.getAs("/rapporten", analist, "application/json").statusCode());
            assertEquals(403, hub.post("/kindcodes", analist, "application/json", "{}".getBytes(StandardCharsets.UTF_8)).statusCode());

            String llko = rs256(claims("llko-idp-gent", "llko").claim("loket", "44021").claim("werkingsgebied", List.of("44021")).build());
            assertEquals(200, hub.getAs("/rapporten", llko, "application/json").statusCode());
            assertEquals(403, hub.getAs("/beheer/clients", llko, "application/json").statusCode());
            assertEquals(403, hub.postJsonLd("/locaties", llko, sample("locaties/gent-kdv-de-knuffelboom.jsonld")).statusCode());

            // Within the clock skew (60 s) a just-expired token still holds.
            String late = rs256(claims("opgroeien-idp", "beheer").expirationTime(Date.from(Instant.now().minusSeconds(20))).build());
            assertEquals(200, hub.getAs("/beheer/clients", late, "application/json").statusCode());
        }
    }

    @Test
    void tokensThatDoNotHoldAreRefusedAndChangeNothing() throws Exception {
        Instant now = Instant.now();
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("expired", rs256(ko().expirationTime(Date.from(now.minus(Duration.ofMinutes(5)))).build()));
        bad.put("not yet valid", rs256(ko().notBeforeTime(Date.from(now.plus(Duration.ofMinutes(5)))).build()));
        bad.put("wrong issuer", rs256(ko().issuer("https://idp.elders.example/").build()));
        bad.put("wrong audience", rs256(ko().audience("een-ander-systeem").build()));
        bad.put("no audience", rs256(ko().audience((String) null).build()));
        bad.put("no expiry", rs256(ko().expirationTime(null).build()));
        bad.put("signed by another key", sign(new RSASSASigner(stranger), JWSAlgorithm.RS256, "idp-1", ko().build()));
        bad.put("alg none", new PlainJWT(ko().build()).serialize());
        bad.put("HS256 with the public key as secret",
                sign(new MACSigner(idp.toRSAPublicKey().getEncoded()), JWSAlgorithm.HS256, "idp-1", ko().build()));
        bad.put("no role", rs256(ko().claim(BearerTokens.ROLE_CLAIM, null).build()));
        bad.put("role publiek", rs256(ko().claim(BearerTokens.ROLE_CLAIM, "publiek").build()));
        bad.put("ko without organiser", rs256(ko().claim("organisator", null).build()));
        bad.put("name unfit for an IRI", rs256(ko().claim("azp", "ko gent/<x>").build()));
        bad.put("tampered payload", tamper(rs256(ko().build())));
        try (RunningHub hub = RunningHub.start(b -> b.jwks(jwksFile.toString()).jwtIssuer(ISSUER).jwtAudience(AUDIENCE)
                .failedLogins(100, Duration.ofMinutes(1)))) {
            long before = hub.quadCount();
            for (Map.Entry<String, String> token : bad.entrySet()) {
                HttpResponse<String> response = hub.postJsonLd("/locaties", token.getValue(), sample(LOCATION));
                assertEquals(401, response.statusCode(), token.getKey() + ": " + response.body());
                assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow(), token.getKey());
                assertEquals("https://data.kohub.be/problemen/niet-aangemeld", json(response).get("type").asText(), token.getKey());
                assertTrue(response.headers().firstValue("WWW-Authenticate").orElseThrow().contains("invalid_token"), token.getKey());
            }
            assertEquals(before, hub.quadCount(), "no refused token changed the store");
            assertEquals(201, hub.postJsonLd("/locaties", rs256(ko().build()), sample(LOCATION)).statusCode(), "the good token does");
        }
    }

    @Test
    void keysFromAJwksUrlAreFetchedOnceAndCached() throws Exception {
        AtomicInteger fetched = new AtomicInteger();
        HttpServer idpServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        idpServer.createContext("/jwks.json", exchange -> {
            fetched.incrementAndGet();
            byte[] body = publicJwks().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        idpServer.start();
        String url = "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + idpServer.getAddress().getPort() + "/jwks.json";
        try (RunningHub hub = RunningHub.start(b -> b.jwks(url).jwtIssuer(ISSUER).jwtAudience(AUDIENCE))) {
            String beheer = rs256(claims("opgroeien-idp", "beheer").build());
            assertEquals(200, hub.getAs("/beheer/clients", beheer, "application/json").statusCode());
            assertEquals(200, hub.getAs("/beheer/clients", es256(claims("opgroeien-idp", "beheer").build()), "application/json").statusCode());
            assertEquals(1, fetched.get(), "the key set is cached");
            HttpResponse<String> forged = hub.getAs("/beheer/clients",
                    sign(new RSASSASigner(stranger), JWSAlgorithm.RS256, "idp-1", claims("opgroeien-idp", "beheer").build()), "application/json");
            assertEquals(401, forged.statusCode());
        } finally {
            idpServer.stop(0);
        }
    }

    @Test
    void anUnreachableJwksUrlIsAServiceProblemNotABadToken() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + closedPort + "/jwks.json";
        try (RunningHub hub = RunningHub.start(b -> b.jwks(url).jwtIssuer(ISSUER).jwtAudience(AUDIENCE))) {
            long before = hub.quadCount();
            HttpResponse<String> response = hub.postJsonLd("/locaties", rs256(ko().build()), sample(LOCATION));
            assertEquals(503, response.statusCode(), response.body());
            assertEquals("https://data.kohub.be/problemen/aanmelding-onbeschikbaar", json(response).get("type").asText());
            assertEquals(before, hub.quadCount());
        }
    }

    @Test
    void withoutAJwksTokensAreRefused() throws Exception {
        try (RunningHub hub = RunningHub.start()) {
            HttpResponse<String> response = hub.getAs("/beheer/clients", rs256(claims("opgroeien-idp", "beheer").build()), "application/json");
            assertEquals(401, response.statusCode());
            assertTrue(json(response).get("detail").asText().contains("JWKS"));
        }
    }

    static JWTClaimsSet.Builder claims(String client, String role) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(List.of(AUDIENCE, "account")).subject("service-account-" + client)
                .claim("azp", client).claim(BearerTokens.ROLE_CLAIM, role)
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now.minusSeconds(5))).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
    }

    static JWTClaimsSet.Builder ko() {
        return claims("ko-idp-gent", "ko").claim("organisator", "0299541641");
    }

    static String rs256(JWTClaimsSet claims) throws JOSEException {
        return sign(new RSASSASigner(idp), JWSAlgorithm.RS256, idp.getKeyID(), claims);
    }

    static String es256(JWTClaimsSet claims) throws JOSEException {
        return sign(new ECDSASigner(idpEc), JWSAlgorithm.ES256, idpEc.getKeyID(), claims);
    }

    static String sign(JWSSigner signer, JWSAlgorithm alg, String kid, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    /** The same signature over a payload that now claims the beheer role. */
    static String tamper(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"ko\"", "\"beheer\"");
        return parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    static String publicJwks() {
        return new JWKSet(List.of(idp.toPublicJWK(), idpEc.toPublicJWK())).toString();
    }
}
