package blog.web.post;

import blog.core.comment.AvatarSource;
import blog.core.comment.Comment;
import blog.core.identity.CommenterIdentity;
import blog.core.post.Post;
import java.util.Map;
import java.util.function.Predicate;

/**
 * How to show a comment tree: where the post lives, the deepest level with a "Reply" link (0 when
 * comments are closed), which comments this browser may edit, the avatar setting, and the log-in
 * identities of the comments that have one, the post's author (whose replies are marked), and
 * whether the reader is staff who moderate this post (each comment links to its edit screen).
 */
record ThreadOptions(
    String permalink,
    int replyDepth,
    Predicate<Comment> editable,
    AvatarSource avatars,
    Map<Long, CommenterIdentity> identities,
    Post post,
    boolean moderated) {}
