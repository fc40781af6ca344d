package blog.web.e2e;

/** {@link ProviderIconsTest} on a phone 390 CSS pixels wide. */
class ProviderIconsOnAPhoneTest extends ProviderIconsTest {
  @Override
  protected Chromium.Options browserOptions() {
    return new Chromium.Options(390, 844, true, true);
  }
}
