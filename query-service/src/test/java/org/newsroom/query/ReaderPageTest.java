package org.newsroom.query;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.newsroom.localpg.PostgresTestResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ReaderPageTest {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void browsersGetTheHtmlPageWithAContentSecurityPolicyAndEveryOtherClientGetsJson() throws Exception {
        BridgeStory story = new BridgeStory(new StoryEvents(dataSource));
        long position = story.firstTwo();
        String path = "/stories/" + story.events.storyId;

        given().accept(BROWSER_ACCEPT).queryParam("minPosition", position).get(path).then().statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Content-Security-Policy", equalTo(CSP))
                .body(containsString("data-claim-id=\""))
                .body(containsString("Harbour bridge reopens"));
        given().get(path).then().statusCode(200).contentType(startsWith("application/json"))
                .header("Content-Security-Policy", nullValue())
                .body("id", equalTo(story.events.storyId.toString()));
        given().accept("application/json").get(path).then().statusCode(200).contentType(startsWith("application/json"));

        given().accept(BROWSER_ACCEPT).get("/").then().statusCode(200).contentType(startsWith("text/html"))
                .header("Content-Security-Policy", equalTo(CSP))
                .body(containsString("href=\"" + path + "\""))
                .body(containsString("Coast Courier"));
    }

    @Test
    void articleTextIsEscapedNeverMarkup() throws Exception {
        BridgeStory story = new BridgeStory(new StoryEvents(dataSource));
        long position = story.firstTwo();
        given().accept("text/html").queryParam("minPosition", position).get("/stories/" + story.events.storyId)
                .then().statusCode(200)
                .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"))
                .body(not(containsString(BridgeStory.SCRIPT)))
                .body(not(containsString("style=")));
    }

    @Test
    void thePageShowsEarlierVersionsAndUnknownStoriesAreNotFound() throws Exception {
        BridgeStory story = new BridgeStory(new StoryEvents(dataSource));
        long position = story.firstTwo();
        int first = given().queryParam("minPosition", position).get("/stories/" + story.events.storyId)
                .path("version");
        given().accept("text/html").queryParam("version", first - 1).get("/stories/" + story.events.storyId)
                .then().statusCode(200)
                .body(containsString("data-version=\"" + (first - 3) + "\""))
                .body(not(containsString("Coast Courier")));
        given().accept("text/html").get("/stories/00000000-0000-0000-0000-000000000000").then().statusCode(404);
    }
}
