package org.newsroom.query.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.newsroom.events.EventStore;
import org.newsroom.events.RecordedEvent;
import org.newsroom.events.StoryEvent;
import org.newsroom.query.projection.ViewJson;
import org.newsroom.query.readmodel.StoryVersionEntity;
import org.newsroom.query.readmodel.StoryViewEntity;
import org.newsroom.query.view.StoryView;
import org.newsroom.service.ProblemException;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads story views and their history from the read model, and a story's events from the log. */
@ApplicationScoped
public class StoryQueries {

    private final ObjectMapper mapper;
    private final EventStore store;
    private final AgroalDataSource dataSource;

    public StoryQueries(ViewJson json, AgroalDataSource dataSource) {
        this.mapper = json.mapper();
        this.store = json.store();
        this.dataSource = dataSource;
    }

    public record EventRow(long position, int streamVersion, UUID eventId, String type, int schemaVersion,
                           JsonNode data, JsonNode metadata, Instant recordedAt) {
    }

    /** The view JSON: the latest, or as it stood at a version or an instant. */
    @Transactional
    public String storyBody(UUID storyId, Integer version, Instant asOf) {
        StoryViewEntity story = StoryViewEntity.findById(storyId);
        if (story == null || story.articleCount == 0) {
            throw ProblemException.notFound("no story with id '" + storyId + "'");
        }
        if (version != null) {
            return StoryVersionEntity.atVersion(storyId, version).map(v -> v.body).orElseThrow(() ->
                    ProblemException.notFound("story " + storyId + " has no version at or before " + version));
        }
        if (asOf != null) {
            return StoryVersionEntity.asOf(storyId, asOf).map(v -> v.body).orElseThrow(() ->
                    ProblemException.notFound("story " + storyId + " did not exist yet at " + asOf));
        }
        return story.body;
    }

    @Transactional
    public StoryChanges changes(UUID storyId, int since) {
        StoryView current = read(storyBody(storyId, null, null));
        Map<String, StoryView.MergedClaim> before = StoryVersionEntity.atVersion(storyId, since)
                .map(v -> read(v.body).claims()).orElse(List.of()).stream()
                .collect(Collectors.toMap(StoryView.MergedClaim::id, Function.identity()));
        List<StoryChanges.Change> changes = new ArrayList<>();
        for (StoryView.MergedClaim claim : current.claims()) {
            StoryView.MergedClaim old = before.get(claim.id());
            if (old == null) {
                changes.add(new StoryChanges.Change("CLAIM_ADDED", claim.id(), claim.text(), claim.status(), null,
                        claim.mentions().size()));
                continue;
            }
            if (claim.mentions().size() > old.mentions().size()) {
                changes.add(new StoryChanges.Change("MENTIONS_ADDED", claim.id(), claim.text(), claim.status(),
                        old.status(), claim.mentions().size() - old.mentions().size()));
            }
            if (!claim.status().equals(old.status())) {
                changes.add(new StoryChanges.Change("STATUS_CHANGED", claim.id(), claim.text(), claim.status(),
                        old.status(), 0));
            }
        }
        return new StoryChanges(storyId, since, current.version(), changes);
    }

    public List<EventRow> events(UUID storyId) {
        try (Connection c = dataSource.getConnection()) {
            List<RecordedEvent> events = store.readStream(c, StoryEvent.streamOf(storyId));
            if (events.isEmpty()) {
                throw ProblemException.notFound("no story with id '" + storyId + "'");
            }
            return events.stream().map(e -> new EventRow(e.position(), e.streamVersion(), e.eventId(), e.type(),
                    e.schemaVersion(), mapper.valueToTree(e.event()), mapper.valueToTree(e.metadata()),
                    e.recordedAt())).toList();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private StoryView read(String body) {
        try {
            return mapper.readValue(body, StoryView.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
