package blog.web.e2e;

/** {@link WebmentionReplyJourneyTest} on a phone 390 CSS pixels wide. */
class WebmentionReplyJourneyOnAPhoneTest extends WebmentionReplyJourneyTest {
  @Override
  protected Chromium.Options browserOptions() {
    return new Chromium.Options(390, 844, true, true);
  }
}
