package org.newsroom.query.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.newsroom.query.web.HomePage.StoryCard;

import java.util.List;

/** The reader page's templates, in {@code templates/reader/}; HTML-escaped by default, checked at build time. */
@CheckedTemplate(basePath = "reader")
public final class ReaderTemplates {

    private ReaderTemplates() {
    }

    public static native TemplateInstance index(List<StoryCard> stories);

    public static native TemplateInstance story(StoryPage page);
}
