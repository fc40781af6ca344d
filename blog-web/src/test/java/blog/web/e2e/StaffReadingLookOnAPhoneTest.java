package blog.web.e2e;

/** {@link StaffReadingLookTest} on a phone 390 CSS pixels wide. */
class StaffReadingLookOnAPhoneTest extends StaffReadingLookTest {
  @Override
  protected Chromium.Options browserOptions() {
    return new Chromium.Options(390, 844, true, true);
  }
}
