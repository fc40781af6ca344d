package blog.core.login;

import static blog.core.login.CraftedTokenProvider.CLIENT_ID;
import static blog.core.login.CraftedTokenProvider.CLIENT_SECRET;
import static blog.core.login.CraftedTokenProvider.SUBJECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.login.LoginFailure.Reason;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Each check Nimbus makes on the ID token, with one fault at a time. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdTokenValidationTest {
  private final CraftedTokenProvider corp = new CraftedTokenProvider();

  @AfterAll
  void stop() {
    corp.close();
  }

  private LoginFailure refused(Function<AuthorizationRequest, String> idToken) {
    return assertThrows(LoginFailure.class, () -> corp.logIn(idToken));
  }

  private static void assertIdTokenInvalid(LoginFailure failure, String detail) {
    assertEquals(Reason.ID_TOKEN_INVALID, failure.reason(), failure.getMessage());
    assertTrue(
        failure.getMessage().toLowerCase(Locale.ROOT).contains(detail.toLowerCase(Locale.ROOT)),
        "the operator's log line says what was wrong: " + failure.getMessage());
    assertFalse(failure.getMessage().contains(CLIENT_SECRET));
    assertFalse(failure.userMessage().contains("token"), "plain words for the user");
  }

  @Test
  void aCorrectTokenFromTheStubIsAccepted() throws LoginFailure {
    // Without this the failures below could come from the set-up rather than the fault.
    Profile profile =
        corp.logIn(started -> corp.idToken(started, Map.of("name", "Ada")).serialize());

    assertEquals(SUBJECT, profile.subject());
    assertEquals("Ada", profile.displayName());
  }

  @Test
  void aWrongNonceIsRefused() {
    LoginFailure failure =
        refused(
            started -> corp.idToken(started, Map.of("nonce", new Nonce().getValue())).serialize());

    assertIdTokenInvalid(failure, "nonce");
  }

  @Test
  void aMissingNonceIsRefused() {
    LoginFailure failure =
        refused(started -> corp.mint(List.of(CLIENT_ID), Map.of(), 3600).serialize());

    assertIdTokenInvalid(failure, "nonce");
  }

  @Test
  void aTokenForAnotherClientIsRefused() {
    LoginFailure failure =
        refused(
            started ->
                corp.mint(List.of("another-client"), Map.of("nonce", started.nonce()), 3600)
                    .serialize());

    assertIdTokenInvalid(failure, "aud");
  }

  @Test
  void aTokenFromAnotherIssuerIsRefused() {
    LoginFailure failure =
        refused(
            started ->
                corp.idToken(started, Map.of("iss", corp.server.issuer("elsewhere").toString()))
                    .serialize());

    assertIdTokenInvalid(failure, "iss");
  }

  @Test
  void anExpiredTokenIsRefused() {
    LoginFailure failure =
        refused(
            started ->
                corp.mint(List.of(CLIENT_ID), Map.of("nonce", started.nonce()), -5 * 60)
                    .serialize());

    assertIdTokenInvalid(failure, "expired");
  }

  @Test
  void aTokenExpiredSecondsAgoIsWithinTheClockSkew() throws LoginFailure {
    Profile profile =
        corp.logIn(
            started ->
                corp.mint(List.of(CLIENT_ID), Map.of("nonce", started.nonce()), -10).serialize());

    assertEquals(SUBJECT, profile.subject());
  }

  @Test
  void aTokenSignedWithAnotherKeyUnderTheProvidersKeyIdIsRefused() {
    LoginFailure failure =
        refused(
            started -> {
              SignedJWT genuine = corp.idToken(started, Map.of());
              try {
                RSAKey impostor =
                    new RSAKeyGenerator(2048).keyID(genuine.getHeader().getKeyID()).generate();
                SignedJWT forged = new SignedJWT(genuine.getHeader(), genuine.getJWTClaimsSet());
                forged.sign(new RSASSASigner(impostor));
                return forged.serialize();
              } catch (JOSEException | ParseException e) {
                throw new IllegalStateException(e);
              }
            });

    assertIdTokenInvalid(failure, "signature");
  }

  @Test
  void aTamperedTokenIsRefused() {
    LoginFailure failure =
        refused(
            started -> {
              String[] parts = corp.idToken(started, Map.of()).serialize().split("\\.");
              try {
                JWTClaimsSet claims =
                    new JWTClaimsSet.Builder(
                            JWTClaimsSet.parse(new Base64URL(parts[1]).decodeToString()))
                        .subject("admin")
                        .build();
                return parts[0] + "." + Base64URL.encode(claims.toString()) + "." + parts[2];
              } catch (ParseException e) {
                throw new IllegalStateException(e);
              }
            });

    assertIdTokenInvalid(failure, "signature");
  }

  @Test
  void anUnsignedTokenIsRefused() {
    LoginFailure failure =
        refused(
            started -> {
              try {
                return new PlainJWT(corp.idToken(started, Map.of()).getJWTClaimsSet()).serialize();
              } catch (ParseException e) {
                throw new IllegalStateException(e);
              }
            });

    assertIdTokenInvalid(failure, "signed ID token expected");
  }

  @Test
  void aTokenSignedWithTheClientSecretIsRefused() {
    // HS256 with the client secret would be valid OpenID Connect for some clients; here it would
    // let anyone who learns the secret mint identities, so only the provider's public keys count.
    LoginFailure failure =
        refused(
            started -> {
              try {
                SignedJWT hmac =
                    new SignedJWT(
                        new JWSHeader(JWSAlgorithm.HS256),
                        corp.idToken(started, Map.of()).getJWTClaimsSet());
                hmac.sign(new MACSigner(CLIENT_SECRET));
                return hmac.serialize();
              } catch (JOSEException | ParseException e) {
                throw new IllegalStateException(e);
              }
            });

    assertEquals(Reason.ID_TOKEN_INVALID, failure.reason(), failure.getMessage());
  }
}
