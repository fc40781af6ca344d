package blog.web.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.AvatarSource;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class AvatarsTest {
  @Test
  void sameNameSameAvatarWhateverTheCaseOrSpacing() {
    assertEquals(Avatars.url("Sarah"), Avatars.url("  sarah "));
    assertNotEquals(Avatars.url("Sarah"), Avatars.url("Jonathan"));
    assertTrue(Avatars.url("Sarah").matches("/avatar/[0-9a-f]{16}\\.svg"));
  }

  @Test
  void identiconsDifferByKeyAndAreSymmetric() {
    String a = Avatars.identicon(HexFormat.of().parseHex(Avatars.key("Sarah")));
    String b = Avatars.identicon(HexFormat.of().parseHex(Avatars.key("Jonathan")));
    assertNotEquals(a, b);
    assertTrue(a.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    // Every cell drawn in the left two columns has its mirror image on the right.
    for (int y = 0; y < 5; y++) {
      for (int x = 0; x < 2; x++) {
        String cell = "<rect x=\"" + x + "\" y=\"" + y + "\"";
        String mirror = "<rect x=\"" + (4 - x) + "\" y=\"" + y + "\"";
        assertEquals(a.contains(cell), a.contains(mirror), cell);
      }
    }
  }

  @Test
  void gravatarIsUsedOnlyWhenChosenAndOnlyForCommentsWithAnEmail() {
    // SHA-256 of "test@example.com": Gravatar's hash of the trimmed, lower-cased address.
    String hash = "973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b";
    assertEquals(
        "https://www.gravatar.com/avatar/" + hash + "?s=96&d=identicon",
        Avatars.url("Tess", "  Test@Example.COM ", AvatarSource.GRAVATAR));
    assertEquals(Avatars.url("Tess"), Avatars.url("Tess", null, AvatarSource.GRAVATAR));
    assertEquals(Avatars.url("Tess"), Avatars.url("Tess", " ", AvatarSource.GRAVATAR));
    assertEquals(
        Avatars.url("Tess"), Avatars.url("Tess", "test@example.com", AvatarSource.IDENTICON));
  }
}
