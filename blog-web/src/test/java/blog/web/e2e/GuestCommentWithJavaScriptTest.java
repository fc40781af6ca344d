package blog.web.e2e;

/** Journey 2 with JavaScript: the reply form moves in place and posts without a page load. */
class GuestCommentWithJavaScriptTest extends GuestCommentJourney {
  @Override
  boolean javascript() {
    return true;
  }
}
