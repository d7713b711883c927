package org.newsroom.query;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.newsroom.localpg.PostgresTestResource;

import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * With {@code newsroom.query.require-key} on, reads need one of the query keys, also for a story view answered from
 * memory on the event loop, and the admin endpoints keep their own keys.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(ReadKeyTest.KeysRequired.class)
class ReadKeyTest {

    public static class KeysRequired implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsroom.query.require-key", "true", "newsroom.query.api-keys", "reader-one, reader-two");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void readsNeedAQueryKeyWhenTheSettingIsOn() throws Exception {
        StoryEvents story = new StoryEvents(dataSource);
        long position = story.article("Outlet A", StoryEvents.text("Outlet A"), Instant.parse("2024-03-05T10:00:00Z"));
        given().header("Authorization", "Bearer reader-two").queryParam("minPosition", position)
                .get("/stories/" + story.storyId).then().statusCode(200);
        // The view is now current in memory: the fast path checks the key too, every time.
        for (int i = 0; i < 3; i++) {
            given().get("/stories/" + story.storyId).then().statusCode(401)
                    .contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
            given().header("Authorization", "Bearer reader-three").get("/stories/" + story.storyId)
                    .then().statusCode(401);
            given().header("Authorization", "bearer reader-one").get("/stories/" + story.storyId)
                    .then().statusCode(200).body("id", equalTo(story.storyId.toString()));
        }
        given().get("/stories").then().statusCode(401);
        given().header("Authorization", "Bearer reader-one").post("/admin/rebuild").then().statusCode(401);
        given().get("/q/health/live").then().statusCode(200);
    }
}
