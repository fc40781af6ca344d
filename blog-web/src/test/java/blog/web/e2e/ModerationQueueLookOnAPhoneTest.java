package blog.web.e2e;

/** {@link ModerationQueueLookTest} on a phone 390 CSS pixels wide. */
class ModerationQueueLookOnAPhoneTest extends ModerationQueueLookTest {
  @Override
  protected Chromium.Options browserOptions() {
    return new Chromium.Options(390, 844, true, true);
  }
}
