package org.newsroom.ingest.ingesting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * Deterministic ids: the same article always gets the same article id, and the same revision the same event ids,
 * so that a repeated or concurrent post collides on the event store's unique event id instead of adding rows.
 */
public final class ArticleIdentity {

    private ArticleIdentity() {
    }

    /** Same outlet and url, or without a url the same outlet and text, is the same article. */
    public static UUID articleId(String outlet, String url, String contentHash) {
        String key = url != null ? "url:" + url.strip() : "text:" + contentHash;
        return name("article", outlet.strip().toLowerCase(Locale.ROOT) + "\n" + key);
    }

    public static String contentHash(String title, String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(((title == null ? "" : title.strip()) + "\n" + text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static UUID eventId(UUID articleId, String contentHash, String eventType) {
        return name("event", articleId + "\n" + contentHash + "\n" + eventType);
    }

    /** A story opened by an article is named after that article's revision, so a retry opens the same story. */
    public static UUID openedStoryId(UUID articleId, String contentHash) {
        return name("story", articleId + "\n" + contentHash);
    }

    private static UUID name(String kind, String value) {
        return UUID.nameUUIDFromBytes(("newsroom:" + kind + ":" + value).getBytes(StandardCharsets.UTF_8));
    }
}
