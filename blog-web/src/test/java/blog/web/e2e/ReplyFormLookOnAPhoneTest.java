package blog.web.e2e;

/** {@link ReplyFormLookTest} on a phone 390 CSS pixels wide. */
class ReplyFormLookOnAPhoneTest extends ReplyFormLookTest {
  @Override
  protected Chromium.Options browserOptions() {
    return new Chromium.Options(390, 844, true, true);
  }
}
