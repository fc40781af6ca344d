package blog.core.media;

import blog.core.db.Times;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Uploaded images, one row per distinct content. */
public final class MediaRepository {
  private static final RowMapper<StoredMedia> MAPPER =
      (rs, ctx) ->
          new StoredMedia(
              rs.getLong("id"),
              rs.getString("sha256"),
              rs.getString("path"),
              typeOf(rs.getString("content_type")),
              rs.getBytes("data"),
              rs.getString("original_name"),
              rs.getObject("width", Integer.class),
              rs.getObject("height", Integer.class),
              rs.getObject("created_by", Long.class),
              Times.instant(rs, "created_at"));

  private final Jdbi jdbi;

  public MediaRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public long insert(
      String sha256,
      String path,
      ImageType type,
      byte[] data,
      String originalName,
      Integer width,
      Integer height,
      long createdBy,
      Instant now) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO media (sha256, path, content_type, data, byte_size, original_name,
                                       width, height, created_by, created_at)
                    VALUES (:sha256, :path, :contentType, :data, :size, :originalName, :width,
                            :height, :createdBy, :now)
                    """)
                .bind("sha256", sha256)
                .bind("path", path)
                .bind("contentType", type.contentType())
                .bind("data", data)
                .bind("size", data.length)
                .bind("originalName", originalName)
                .bind("width", width)
                .bind("height", height)
                .bind("createdBy", createdBy)
                .bind("now", now)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  public Optional<StoredMedia> findBySha256(String sha256) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM media WHERE sha256 = :sha256")
                .bind("sha256", sha256)
                .map(MAPPER)
                .findOne());
  }

  public Optional<StoredMedia> findByPath(String path) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM media WHERE path = :path")
                .bind("path", path)
                .map(MAPPER)
                .findOne());
  }

  private static ImageType typeOf(String contentType) {
    for (ImageType type : ImageType.values()) {
      if (type.contentType().equals(contentType.toLowerCase(Locale.ROOT))) {
        return type;
      }
    }
    throw new IllegalStateException("unknown stored content type " + contentType);
  }
}
