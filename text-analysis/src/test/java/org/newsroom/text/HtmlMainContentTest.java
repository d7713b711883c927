package org.newsroom.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HtmlMainContentTest {
    @Test
    void extractsArticleParagraphsAndDropsNavigationScriptsAndAsides() {
        String html = """
                <html><head><title>Bridge</title><style>p { color: red }</style><script>var x = "said";</script></head>
                <body>
                  <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
                  <header><h1>Site name</h1></header>
                  <div class="sidebar"><p>Most read: something entirely different, with commas, and more commas.</p></div>
                  <article class="story-body">
                    <p>The mayor opened the new bridge on Monday, after four years of construction, the city said.</p>
                    <figure><img src="a.jpg"><figcaption>The bridge at dawn. Photo: City Hall</figcaption></figure>
                    <p>“It will change how people travel,” the mayor said, adding that traffic would fall.</p>
                    <div class="share-buttons"><a href="#">Share on Facebook</a></div>
                  </article>
                  <footer><p>Copyright 2022, Example News, all rights reserved.</p></footer>
                </body></html>
                """;
        AnalyzedArticle a = TestAnalyzer.ANALYZER.analyze(new ArticleInput("Bridge", null, html, TestAnalyzer.PUBLISHED));
        assertEquals("The mayor opened the new bridge on Monday, after four years of construction, the city said.\n\n"
                + "“It will change how people travel,” the mayor said, adding that traffic would fall.", a.text());
        assertFalse(a.text().contains("Share"));
        assertTrue(a.claims().stream().anyMatch(c -> c.kind() == ClaimKind.QUOTE && "the mayor".equals(c.speaker())));
    }
}
