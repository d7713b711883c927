package org.newsroom.query.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.newsroom.events.EventStore;
import org.newsroom.events.RecordedEvent;
import org.newsroom.events.StoryEvent;
import org.newsroom.query.projection.ViewJson;
import org.newsroom.query.readmodel.StoryViewEntity;
import org.newsroom.query.view.StoryFold;
import org.newsroom.query.view.StoryView;
import org.newsroom.query.view.StoryViewBuilder;
import org.newsroom.service.ProblemException;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Reads the current story views from the read model. Past versions are not stored: they are rebuilt on demand by
 * folding the prefix of the story's stream, with the same pure builder that made them.
 */
@ApplicationScoped
public class StoryQueries {

    private final ViewJson json;
    private final EventStore store;
    private final AgroalDataSource dataSource;
    private final StoryViewBuilder builder = new StoryViewBuilder();

    public StoryQueries(ViewJson json, AgroalDataSource dataSource) {
        this.json = json;
        this.store = json.store();
        this.dataSource = dataSource;
    }

    /** A version of a story and when it was recorded. */
    public record Mark(int version, Instant recordedAt) {
    }

    /** Every version of the story (each article it took in), oldest first. */
    public List<Mark> versions(UUID storyId) {
        return events(storyId, e -> e.event() instanceof StoryEvent.ArticleAssignedToStory).stream()
                .map(e -> new Mark(e.streamVersion(), e.recordedAt())).toList();
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
        if (version == null && asOf == null) {
            return (String) StoryViewEntity.getEntityManager()
                    .createNativeQuery("SELECT body FROM story_view_body WHERE story_id = ?1")
                    .setParameter(1, storyId).getSingleResult();
        }
        StoryView past = pastView(storyId, version, asOf);
        if (past == null) {
            throw ProblemException.notFound("story " + storyId + " had no articles yet at "
                    + (version != null ? "version " + version : asOf));
        }
        return json.write(past);
    }

    /** The view as it stood at a version or an instant (the earlier of the two when both are given), or null. */
    private StoryView pastView(UUID storyId, Integer version, Instant asOf) {
        List<RecordedEvent> events = events(storyId, e -> (version == null || e.streamVersion() <= version)
                && (asOf == null || !e.recordedAt().isAfter(asOf)));
        StoryFold.Folded folded = StoryFold.fold(storyId, events);
        if (folded.articles().isEmpty()) {
            return null;
        }
        return builder.build(storyId, folded.headline(), folded.version(), folded.asOf(), folded.articles());
    }

    @Transactional
    public StoryChanges changes(UUID storyId, int since) {
        StoryView current = json.read(storyBody(storyId, null, null), StoryView.class);
        StoryView then = since == 0 ? null : pastView(storyId, since, null);
        Map<String, StoryView.MergedClaim> before = (then == null ? List.<StoryView.MergedClaim>of() : then.claims()).stream()
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
        List<RecordedEvent> events = events(storyId, e -> true);
        if (events.isEmpty()) {
            throw ProblemException.notFound("no story with id '" + storyId + "'");
        }
        return events.stream().map(e -> new EventRow(e.position(), e.streamVersion(), e.eventId(), e.type(),
                e.schemaVersion(), json.mapper().valueToTree(e.event()), json.mapper().valueToTree(e.metadata()),
                e.recordedAt())).toList();
    }

    private List<RecordedEvent> events(UUID storyId, Predicate<RecordedEvent> filter) {
        try (Connection c = dataSource.getConnection()) {
            return store.readStream(c, StoryEvent.streamOf(storyId)).stream().filter(filter).toList();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
