package blog.web.avatar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
