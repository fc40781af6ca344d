/**
 * Passkeys for staff (WebAuthn, verified by webauthn4j): registering one, logging in with one
 * through the staff log-in's throttles, the challenges handed to browsers, naming and removing
 * them, and turning the password off while one exists.
 */
package blog.core.passkey;
