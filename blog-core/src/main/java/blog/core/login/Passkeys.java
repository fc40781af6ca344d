package blog.core.login;

import blog.core.db.UniqueViolations;
import blog.core.identity.User;
import blog.core.identity.UserRepository;
import blog.core.security.Tokens;
import blog.core.text.OneLine;
import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.exception.DataConversionException;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticationRequest;
import com.webauthn4j.data.AuthenticatorTransport;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.RegistrationRequest;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.Challenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.VerificationException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Registering a passkey and logging in with one. Every ceremony starts with a challenge bound to
 * the browser that asked (and for a registration, to the staff member), kept five minutes and taken
 * back once. The browser's answer must come from the blog's own origin (its base URL) for the
 * relying party that is the base URL's host; user verification is asked for but not required, so a
 * security key without a PIN works too. The cryptography, CBOR and COSE are webauthn4j's.
 */
public final class Passkeys {
  static final Duration CHALLENGE_VALIDITY = Duration.ofMinutes(5);
  public static final int MAX_NAME = 100;
  static final String REGISTER = "register";
  static final String LOGIN = "login";
  private static final String REFUSED = "That passkey was not accepted.";
  private static final List<PublicKeyCredentialParameters> ALGORITHMS =
      List.of(
          new PublicKeyCredentialParameters(
              PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
          new PublicKeyCredentialParameters(
              PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.EdDSA),
          new PublicKeyCredentialParameters(
              PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));

  /**
   * What the browser needs for {@code navigator.credentials.create}; binary values in base64url,
   * {@code algorithms} as COSE numbers.
   */
  public record CreationOptions(
      String challenge,
      String rpId,
      String rpName,
      String userHandle,
      String userName,
      String userDisplayName,
      List<Long> algorithms,
      List<String> excludeCredentials,
      long timeout) {}

  /**
   * What the browser needs for {@code navigator.credentials.get}, for any of the blog's passkeys.
   */
  public record RequestOptions(String challenge, String rpId, long timeout) {}

  /** A new passkey as the browser sent it back (base64url), with the name the person gave it. */
  public record NewPasskey(
      String name, String clientDataJson, String attestationObject, String transports) {}

  /** A signed log-in as the browser sent it back (base64url). */
  public record Assertion(
      String credentialId,
      String clientDataJson,
      String authenticatorData,
      String signature,
      String userHandle) {}

  private final PasskeyRepository passkeys;
  private final UserRepository users;
  private final StaffThrottle throttle;
  private final SecureRandom random;
  private final Clock clock;
  private final Origin origin;
  private final String rpId;
  private final WebAuthnManager webAuthn = WebAuthnManager.createNonStrictWebAuthnManager();
  private final ObjectConverter converter = new ObjectConverter();

  public Passkeys(
      PasskeyRepository passkeys,
      UserRepository users,
      StaffThrottle throttle,
      SecureRandom random,
      String baseUrl,
      Clock clock) {
    this.passkeys = passkeys;
    this.users = users;
    this.throttle = throttle;
    this.random = random;
    this.clock = clock;
    URI base = URI.create(baseUrl);
    String port = base.getPort() == -1 ? "" : ":" + base.getPort();
    this.origin =
        new Origin((base.getScheme() + "://" + base.getHost() + port).toLowerCase(Locale.ROOT));
    this.rpId = base.getHost().toLowerCase(Locale.ROOT);
  }

  // --- Registering -------------------------------------------------------------------------------

  public CreationOptions creationOptions(User user, String browserId, String siteTitle) {
    String challenge = newChallenge(browserId, REGISTER, user.id());
    return new CreationOptions(
        challenge,
        rpId,
        siteTitle,
        encode(userHandle(user.id())),
        user.username(),
        user.displayName(),
        ALGORITHMS.stream().map(p -> p.getAlg().getValue()).toList(),
        passkeys.credentialIds(user.id()),
        CHALLENGE_VALIDITY.toMillis());
  }

  /** Registers the passkey the browser made; the problem to show when it cannot. */
  public Optional<String> register(User user, String browserId, NewPasskey form) {
    String name = OneLine.clean(form.name(), " ");
    if (name.isEmpty() || name.length() > MAX_NAME) {
      return Optional.of("Give the passkey a name of 1 to " + MAX_NAME + " characters.");
    }
    Set<String> transports = transports(form.transports());
    RegistrationData data;
    try {
      RegistrationRequest request =
          new RegistrationRequest(
              decode(form.attestationObject()), decode(form.clientDataJson()), transports);
      RegistrationData parsed = webAuthn.parse(request);
      if (!takeChallenge(
          parsed.getCollectedClientData().getChallenge(), browserId, REGISTER, user.id())) {
        return Optional.of("The passkey took too long or was sent twice. Please try again.");
      }
      data =
          webAuthn.verify(
              parsed,
              new RegistrationParameters(
                  server(parsed.getCollectedClientData().getChallenge()), ALGORITHMS, false, true));
    } catch (DataConversionException | VerificationException | IllegalArgumentException e) {
      return Optional.of("The browser's answer could not be verified: the passkey was not added.");
    }
    AuthenticatorData<?> authenticator = data.getAttestationObject().getAuthenticatorData();
    AttestedCredentialData attested = authenticator.getAttestedCredentialData();
    var credential =
        new StoredCredential(
            0,
            user.id(),
            encode(attested.getCredentialId()),
            attested.getAaguid().getValue().toString(),
            converter.getCborMapper().writeValueAsBytes(attested.getCOSEKey()),
            authenticator.getSignCount(),
            authenticator.isFlagUV(),
            authenticator.isFlagBE(),
            authenticator.isFlagBS(),
            String.join(",", transports));
    try {
      passkeys.insert(credential, name, clock.instant());
    } catch (RuntimeException e) {
      if (!UniqueViolations.isUniqueViolation(e)) {
        throw e;
      }
      return Optional.of("That passkey is registered already.");
    }
    return Optional.empty();
  }

  // --- Logging in --------------------------------------------------------------------------------

  public RequestOptions requestOptions(String browserId) {
    return new RequestOptions(
        newChallenge(browserId, LOGIN, null), rpId, CHALLENGE_VALIDITY.toMillis());
  }

  /**
   * Logs in with a passkey: refused, and counted against the client (and the account, once the
   * passkey names one), unless the browser signed this browser's current challenge with a
   * registered passkey for this site.
   */
  public StaffLogin.Result logIn(String browserId, Assertion form, String clientAddress) {
    Optional<String> blocked = throttle.refusal(Optional.empty(), clientAddress);
    if (blocked.isPresent()) {
      return new StaffLogin.Result.Refused(blocked.get());
    }
    Optional<StoredCredential> stored =
        Optional.ofNullable(form.credentialId()).flatMap(passkeys::credential);
    Optional<User> user = stored.flatMap(c -> users.findById(c.userId()));
    Optional<String> account = user.map(User::username);
    if (account.isPresent()) {
      blocked = throttle.refusal(account, clientAddress);
      if (blocked.isPresent()) {
        return new StaffLogin.Result.Refused(blocked.get());
      }
    }
    Optional<AuthenticationData> verified =
        stored.isEmpty() ? Optional.empty() : verify(stored.get(), browserId, form);
    if (verified.isEmpty() || user.isEmpty()) {
      throttle.failed(account, clientAddress);
      return new StaffLogin.Result.Refused(REFUSED);
    }
    AuthenticatorData<?> signed = verified.get().getAuthenticatorData();
    passkeys.used(stored.get().id(), signed.getSignCount(), signed.isFlagBS(), clock.instant());
    throttle.succeeded(account.get());
    return new StaffLogin.Result.LoggedIn(user.get());
  }

  private Optional<AuthenticationData> verify(
      StoredCredential stored, String browserId, Assertion form) {
    try {
      byte[] userHandle =
          form.userHandle() == null || form.userHandle().isEmpty()
              ? null
              : decode(form.userHandle());
      if (userHandle != null && !Arrays.equals(userHandle, userHandle(stored.userId()))) {
        return Optional.empty();
      }
      AuthenticationData parsed =
          webAuthn.parse(
              new AuthenticationRequest(
                  decode(stored.credentialId()),
                  userHandle,
                  decode(form.authenticatorData()),
                  decode(form.clientDataJson()),
                  null,
                  decode(form.signature())));
      Challenge challenge = parsed.getCollectedClientData().getChallenge();
      if (!takeChallenge(challenge, browserId, LOGIN, null)) {
        return Optional.empty();
      }
      return Optional.of(
          webAuthn.verify(
              parsed,
              new AuthenticationParameters(
                  server(challenge),
                  record(stored),
                  List.of(decode(stored.credentialId())),
                  false,
                  true)));
    } catch (DataConversionException | VerificationException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private CredentialRecordImpl record(StoredCredential stored) {
    COSEKey key = converter.getCborMapper().readValue(stored.publicKey(), COSEKey.class);
    return new CredentialRecordImpl(
        new NoneAttestationStatement(),
        stored.uvInitialized(),
        stored.backupEligible(),
        stored.backedUp(),
        stored.signCount(),
        new AttestedCredentialData(new AAGUID(stored.aaguid()), decode(stored.credentialId()), key),
        null,
        null,
        null,
        transports(stored.transports()).stream()
            .map(AuthenticatorTransport::create)
            .collect(Collectors.toSet()));
  }

  // --- Challenges and encodings ------------------------------------------------------------------

  private String newChallenge(String browserId, String purpose, Long userId) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String challenge = encode(bytes);
    passkeys.saveChallenge(
        Tokens.hash(challenge),
        Tokens.hash(browserId),
        purpose,
        userId,
        clock.instant().plus(CHALLENGE_VALIDITY));
    return challenge;
  }

  private boolean takeChallenge(
      Challenge challenge, String browserId, String purpose, Long userId) {
    return challenge != null
        && passkeys.takeChallenge(
            Tokens.hash(encode(challenge.getValue())),
            Tokens.hash(browserId),
            purpose,
            userId,
            clock.instant());
  }

  private ServerProperty server(Challenge challenge) {
    return ServerProperty.builder().origin(origin).rpId(rpId).challenge(challenge).build();
  }

  /** The WebAuthn user handle of a staff member: their id, eight bytes, nothing personal. */
  static byte[] userHandle(long userId) {
    return ByteBuffer.allocate(Long.BYTES).putLong(userId).array();
  }

  /** The transports a browser named, as webauthn4j knows them (unknown ones are dropped). */
  private static Set<String> transports(String listed) {
    Set<String> known = new LinkedHashSet<>();
    if (listed != null) {
      for (String t : listed.split(",")) {
        String name = t.strip().toLowerCase(Locale.ROOT);
        if (name.matches("usb|nfc|ble|smart-card|hybrid|internal")) {
          known.add(name);
        }
      }
    }
    return known;
  }

  static String encode(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static byte[] decode(String base64url) {
    if (base64url == null) {
      throw new IllegalArgumentException("missing");
    }
    return Base64.getUrlDecoder().decode(base64url);
  }
}
