package blog.web.e2e;

/** {@link FediverseReplyJourneyTest} on a phone 390 CSS pixels wide. */
class FediverseReplyJourneyOnAPhoneTest extends FediverseReplyJourneyTest {
  @Override
  protected Chromium.Options browserOptions() {
    return new Chromium.Options(390, 844, true, true);
  }
}
