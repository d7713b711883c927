package org.newsroom.ingest.api;

import org.newsroom.service.ProblemException;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

/** Checks a request field by field and turns it into a {@link ValidArticle}, or fails naming the field. */
public final class ArticleValidator {

    static final int MAX_OUTLET = 200;
    static final int MAX_TITLE = 1_000;
    static final int MAX_URL = 2_048;
    static final int MAX_BODY_CHARS = 1_000_000;
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

    private ArticleValidator() {
    }

    public static ValidArticle validate(ArticleRequest r, Instant now) {
        if (r == null) {
            throw ProblemException.badRequest(null, "a JSON object with 'outlet' and 'text' or 'html' is required");
        }
        String outlet = required("outlet", r.outlet(), MAX_OUTLET);
        String title = optional("title", r.title(), MAX_TITLE);
        String url = url(r.url());
        if (r.text() != null && r.html() != null) {
            throw ProblemException.badRequest("text", "give either 'text' or 'html', not both");
        }
        String text = r.html() == null ? required("text", r.text(), MAX_BODY_CHARS) : null;
        String html = r.html() != null ? required("html", r.html(), MAX_BODY_CHARS) : null;
        return new ValidArticle(outlet, url, title, publishedAt(r.publishedAt(), now), text, html,
                storyHint(r.storyHint()));
    }

    private static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(field, "'" + field + "' is required and must not be empty");
        }
        return checked(field, value, max);
    }

    private static String optional(String field, String value, int max) {
        return value == null || value.isBlank() ? null : checked(field, value, max);
    }

    private static String checked(String field, String value, int max) {
        if (value.length() > max) {
            throw ProblemException.badRequest(field, "'" + field + "' is longer than " + max + " characters");
        }
        if (value.indexOf('\u0000') >= 0 || !wellFormed(value)) {
            throw ProblemException.badRequest(field, "'" + field + "' contains invalid characters");
        }
        return value.strip();
    }

    private static boolean wellFormed(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static String url(String value) {
        String url = optional("url", value, MAX_URL);
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw ProblemException.badRequest("url", "'url' must be an absolute http or https URL");
            }
            return url;
        } catch (URISyntaxException e) {
            throw ProblemException.badRequest("url", "'url' is not a valid URL: " + e.getReason());
        }
    }

    private static Instant publishedAt(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return now.truncatedTo(ChronoUnit.MILLIS);
        }
        Instant instant;
        try {
            instant = value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("publishedAt",
                    "'publishedAt' must be an ISO-8601 date-time such as 2022-01-10T14:05:00Z");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(now.plus(2, ChronoUnit.DAYS))) {
            throw ProblemException.badRequest("publishedAt", "'publishedAt' must lie between 1900 and tomorrow");
        }
        return instant;
    }

    private static UUID storyHint(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("storyHint", "'storyHint' must be a story id (UUID)");
        }
    }
}
