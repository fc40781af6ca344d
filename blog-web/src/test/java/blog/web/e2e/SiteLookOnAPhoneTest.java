package blog.web.e2e;

/** {@link SiteLookTest} on a phone 390 CSS pixels wide: the menu wraps (CSS alone, no script). */
class SiteLookOnAPhoneTest extends SiteLookTest {
  @Override
  protected Chromium.Options browserOptions() {
    return new Chromium.Options(390, 844, true, true);
  }

  @Override
  protected String width() {
    return "390";
  }
}
