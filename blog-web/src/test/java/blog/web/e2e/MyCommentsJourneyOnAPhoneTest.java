package blog.web.e2e;

/** {@link MyCommentsJourneyTest} on a phone 390 CSS pixels wide. */
class MyCommentsJourneyOnAPhoneTest extends MyCommentsJourneyTest {
  @Override
  protected Chromium.Options browserOptions() {
    return new Chromium.Options(390, 844, true, true);
  }
}
