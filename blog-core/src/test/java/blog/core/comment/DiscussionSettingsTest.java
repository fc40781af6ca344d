package blog.core.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DiscussionSettingsTest {
  @Test
  void avatarsAreDrawnLocallyUnlessGravatarIsChosen() {
    assertEquals(AvatarSource.IDENTICON, DiscussionSettings.from(Map.of()).avatars());
    assertEquals(AvatarSource.GRAVATAR, avatars(" Gravatar "));
    assertEquals(AvatarSource.IDENTICON, avatars("identicon"));
    assertEquals(AvatarSource.IDENTICON, avatars("libravatar"), "unknown values fall back");
  }

  private static AvatarSource avatars(String value) {
    return DiscussionSettings.from(Map.of(DiscussionSettings.AVATARS, value)).avatars();
  }
}
