package blog.web.e2e;

/** Journey 2 without JavaScript: "Reply" is a link and the form a plain POST. */
class GuestCommentWithoutJavaScriptTest extends GuestCommentJourney {
  @Override
  boolean javascript() {
    return false;
  }
}
