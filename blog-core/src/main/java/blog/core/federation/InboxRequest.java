package blog.core.federation;

import java.util.function.Function;

/**
 * A POST to the inbox as it arrived: the path it was sent to (with its query), its headers (by
 * lower-case name, several values joined by ", ") and its body.
 */
public record InboxRequest(
    String pathAndQuery, Function<String, String> header, byte[] body, String remoteAddress) {}
