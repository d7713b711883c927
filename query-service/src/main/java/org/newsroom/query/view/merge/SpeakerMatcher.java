package org.newsroom.query.view.merge;

import org.newsroom.query.view.text.EnglishLexicon;
import org.newsroom.query.view.text.Names;

import java.util.Locale;

/** Resolves the speaker an outlet wrote ("Ms Varga") to one entity across outlets, named in full. */
public final class SpeakerMatcher {

    /**
     * A resolved speaker: the entity's index (or -1) and canonical name. Only a named speaker ({@code named}) can
     * tell two statements apart; a role ("the president") may be anyone holding it.
     */
    public record Speaker(int id, String name, boolean named) {
    }

    private final EntityMerger.Result entities;

    public SpeakerMatcher(EntityMerger.Result entities) {
        this.entities = entities;
    }

    /** The speaker, or null where the claim has none or only a pronoun. */
    public Speaker resolve(String speaker) {
        if (speaker == null || speaker.isBlank()
                || EnglishLexicon.PRONOUNS.contains(speaker.trim().toLowerCase(Locale.ROOT))) {
            return null;
        }
        int group = entities.find(speaker);
        boolean named = Names.named(speaker);
        if (group < 0) {
            return new Speaker(-1, Names.strip(speaker), false);
        }
        return new Speaker(named ? group : -1, entities.groups().get(group).name(), named);
    }
}
