package blog.web.e2e;

/** {@link PasskeyJourneyTest} on a phone 390 CSS pixels wide. */
class PasskeyJourneyOnAPhoneTest extends PasskeyJourneyTest {
  @Override
  protected Chromium.Options browserOptions() {
    return new Chromium.Options(390, 844, true, true);
  }
}
