package blog.web.e2e;

/** {@link PrivacyPagesLookTest} on a phone 390 CSS pixels wide. */
class PrivacyPagesLookOnAPhoneTest extends PrivacyPagesLookTest {
  @Override
  protected Chromium.Options browserOptions() {
    return new Chromium.Options(390, 844, true, true);
  }
}
