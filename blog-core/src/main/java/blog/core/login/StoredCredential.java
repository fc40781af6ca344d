package blog.core.login;

/**
 * What is kept of a registered credential to check its signatures: its id (base64url), the
 * authenticator model's AAGUID, the public key as COSE bytes, the last signature counter and the
 * flags registration saw.
 */
record StoredCredential(
    long id,
    long userId,
    String credentialId,
    String aaguid,
    byte[] publicKey,
    long signCount,
    boolean uvInitialized,
    boolean backupEligible,
    boolean backedUp,
    String transports) {}
