package blog.web.e2e;

/** {@link YourLoginsLookTest} on a phone 390 CSS pixels wide. */
class YourLoginsLookOnAPhoneTest extends YourLoginsLookTest {
  @Override
  protected Chromium.Options browserOptions() {
    return new Chromium.Options(390, 844, true, true);
  }
}
