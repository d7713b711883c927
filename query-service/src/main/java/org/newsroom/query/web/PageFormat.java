package org.newsroom.query.web;

import io.quarkus.qute.TemplateExtension;
import org.newsroom.query.view.StoryView.QuantityView;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the reader page writes dates, statuses and figures: {@code {fmt:instant(t)}} in the templates. */
@TemplateExtension(namespace = "fmt")
public final class PageFormat {

    private static final DateTimeFormatter READABLE =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private PageFormat() {
    }

    static String instant(Instant t) {
        return t == null ? "unknown" : READABLE.format(t);
    }

    static String iso(Instant t) {
        return t == null ? "" : t.toString();
    }

    /** {@code SINGLE_SOURCE} → {@code Single source}. */
    static String status(String status) {
        String words = status.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** {@code SINGLE_SOURCE} → {@code single-source}, for CSS classes. */
    static String token(String value) {
        return value.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String quantity(QuantityView q) {
        NumberFormat n = NumberFormat.getNumberInstance(Locale.ENGLISH);
        String value = (q.qualifier() == null ? "" : q.qualifier() + " ") + n.format(q.value())
                + (q.unit() == null ? "" : " " + q.unit());
        String range = q.high() == null ? "at least " + n.format(q.low())
                : q.low() == q.high() ? "" : n.format(q.low()) + "–" + n.format(q.high());
        return value + (range.isEmpty() ? "" : " (" + range + ")") + (q.retracted() ? ", retracted" : "");
    }

    /** Only http and https links reach the page; anything else is shown as text. */
    static boolean isWebLink(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://"));
    }
}
