package org.newsroom.text;

import java.util.List;

/** A named entity with its in-article aliases and all its mentions; type is PERSON, ORGANIZATION, PLACE or OTHER. */
public record Entity(String name, String type, List<String> aliases, List<Mention> mentions) {
    public Entity {
        aliases = List.copyOf(aliases);
        mentions = List.copyOf(mentions);
    }
}
